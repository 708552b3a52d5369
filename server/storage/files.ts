import { randomUUID } from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';

/**
 * Writes a file so that readers see either nothing or the whole file: bytes go to a
 * temporary name in the same folder, are flushed, then renamed over the target.
 */
export async function writeFileAtomic(absPath: string, bytes: Uint8Array): Promise<void> {
  await fs.mkdir(path.dirname(absPath), { recursive: true });
  const temporary = `${absPath}.${randomUUID()}.part`;
  const handle = await fs.open(temporary, 'w');
  try {
    await handle.writeFile(bytes);
    await handle.sync();
  } finally {
    await handle.close();
  }
  await fs.rename(temporary, absPath);
}

export async function exists(absPath: string): Promise<boolean> {
  return fs.access(absPath).then(
    () => true,
    () => false,
  );
}

/** Bytes of a typed array's own view, as little-endian on every machine Node runs on. */
export function bytesOf(array: ArrayBufferView): Uint8Array {
  return new Uint8Array(array.buffer, array.byteOffset, array.byteLength);
}
