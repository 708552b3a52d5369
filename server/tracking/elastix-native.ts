/**
 * The native elastix command (Debian's elastix package) as a registration engine: the
 * same parameter maps and the same input images as the WebAssembly build, handed over as
 * files in a scratch folder, and the transform parameter files it writes read back. It
 * runs multithreaded, two to three times faster than the WebAssembly build
 * (bench/registration.ts); which engine runs is a setting (RegistrationOptions.engine).
 */
import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';

import type { ImageVolume } from '../imaging/image';
import { writeMha } from './metaimage';
import { parseParameterFile } from './parameter-file';
import { toParameterFileText, type ParameterMap } from './parameter-maps';

const run = promisify(execFile);

/** Looked up on PATH, where Debian's package puts it. */
const COMMAND = 'elastix';

export class NativeElastixError extends Error {
  constructor(message: string, readonly commandMissing: boolean) {
    super(message);
  }
}

export async function runNativeElastix(
  maps: ParameterMap[],
  fixed: ImageVolume,
  moving: ImageVolume,
): Promise<ParameterMap[]> {
  const dir = await mkdtemp(path.join(tmpdir(), 'hallmark-elastix-'));
  try {
    await writeMha(path.join(dir, 'fixed.mha'), fixed);
    await writeMha(path.join(dir, 'moving.mha'), moving);
    const mapFiles = maps.map((_, i) => path.join(dir, `map${i}.txt`));
    await Promise.all(maps.map((map, i) => writeFile(mapFiles[i]!, toParameterFileText(map))));
    const args = ['-f', path.join(dir, 'fixed.mha'), '-m', path.join(dir, 'moving.mha'),
      ...mapFiles.flatMap((f) => ['-p', f]), '-out', dir];

    try {
      // elastix writes its progress to stdout; a generous buffer keeps it from failing.
      await run(COMMAND, args, { maxBuffer: 64 * 1024 * 1024 });
    } catch (err) {
      const missing = (err as NodeJS.ErrnoException).code === 'ENOENT';
      throw new NativeElastixError(await describeFailure(err, dir, missing), missing);
    }

    return await Promise.all(maps.map(async (_, i) => parseParameterFile(
      await readFile(path.join(dir, `TransformParameters.${i}.txt`), 'utf8'))));
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/** The reason worded for whoever set the engine: a missing command, or elastix's own error. */
async function describeFailure(err: unknown, dir: string, missing: boolean): Promise<string> {
  if (missing) {
    return `the native elastix command "${COMMAND}" was not found: install it (Debian: ` +
      'apt-get install elastix) or set HALLMARK_REGISTRATION_ENGINE=wasm';
  }
  const log = await readFile(path.join(dir, 'elastix.log'), 'utf8').catch(() => '');
  const errorLine = log.split('\n').map((l) => l.trim())
    .find((l) => /error|exception|not (installed|found)/i.test(l) && l.length > 8);

  return `native elastix stopped (${errorLine ?? (err as Error).message.split('\n')[0]})`;
}
