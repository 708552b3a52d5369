import { readFile } from 'node:fs/promises';

import { isAppError } from '@/server/lib/errors';
import { assessParsedResponse } from '@/server/response/assess-response';
import type { ResponseOutput, TimepointResult } from '@/server/response/schema/output';
import { parseResponseInput } from '@/server/response/schema/parse';

import type { Command, CommandIo } from '../command';
import { UsageError } from '../command';
import { isCriteria, runPatientResponse } from './response-patient';

/**
 * `hallmark response --input file.json [--json]`: the offline response calculator. The
 * file holds a ResponseInput (see server/response/schema/input.ts).
 * `hallmark response <patientId> [--criteria c] [--json]`: the same engine on the
 * patient's tracked lesions with the reader's overrides. Exit codes: 0 done, 2 bad
 * arguments or bad input (each bad field named on stderr).
 */

const USAGE = `hallmark response --input <file.json> [--json]
hallmark response <patientId> [--criteria recist1.1|irecist|percist1.0] [--json]

Assesses treatment response under RECIST 1.1, iRECIST or PERCIST 1.0: from a JSON file
of timepoints (baseline first; the criteria come from its "criteria" field), or from a
tracked patient's lesions (run \`hallmark track <patientId>\` first).

  --input <file>     the ResponseInput JSON
  --criteria <name>  for a patient: recist1.1 (default), irecist or percist1.0
  --json             print the full result as JSON instead of a readable summary`;

interface Options {
  inputPath?: string;
  patientId?: string;
  criteria: string;
  json: boolean;
}

function valueOf(args: string[], i: number, name: string): [string | undefined, number] {
  const arg = args[i]!;
  if (arg === name) return [args[i + 1], i + 1];

  return arg.startsWith(`${name}=`) ? [arg.slice(name.length + 1), i] : [undefined, i];
}

function parseArgs(args: string[]): Options {
  const options: Options = { criteria: 'recist1.1', json: false };
  for (let i = 0; i < args.length; i += 1) {
    const arg = args[i]!;
    const [input, afterInput] = valueOf(args, i, '--input');
    const [criteria, afterCriteria] = valueOf(args, i, '--criteria');
    if (arg === '--json') options.json = true;
    else if (input !== undefined) [options.inputPath, i] = [input, afterInput];
    else if (criteria !== undefined) [options.criteria, i] = [criteria, afterCriteria];
    else if (!arg.startsWith('-') && !options.patientId) options.patientId = arg;
    else throw new UsageError(`Unknown argument "${arg}".`);
  }
  if (!options.inputPath === !options.patientId) {
    throw new UsageError('Give either --input <file.json> or one patient id.');
  }

  return options;
}

async function readJson(path: string, io: CommandIo): Promise<unknown> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (err) {
    io.err(`Cannot read ${path}: ${err instanceof Error ? err.message : String(err)}`);

    return undefined;
  }
  try {
    return JSON.parse(text) as unknown;
  } catch (err) {
    io.err(`${path} is not valid JSON (${err instanceof Error ? err.message : String(err)}).`);

    return undefined;
  }
}

function describeTimepoint(point: TimepointResult): string[] {
  const category = point.overall ?? 'baseline';
  const lines = [`${point.date}  ${category}`];
  for (const sentence of point.trace) lines.push(`    ${sentence}`);
  for (const warning of point.warnings) lines.push(`    warning: ${warning}`);

  return lines;
}

export function formatSummary(result: ResponseOutput): string {
  const lines = [`Criteria: ${result.criteria}`, ''];
  for (const point of result.timepoints) lines.push(...describeTimepoint(point));
  lines.push('', `Best overall response: ${result.bestOverallResponse}`);
  for (const sentence of result.bestOverallTrace) lines.push(`    ${sentence}`);
  if (result.mixedResponse) {
    lines.push('Mixed response: some lesions progress while others respond');
  }

  return lines.join('\n');
}

export const responseCommand: Command = {
  name: 'response',
  summary: 'Assess RECIST 1.1 / iRECIST / PERCIST 1.0 response of a patient or a JSON file',
  usage: USAGE,
  async run(args, io) {
    const options = parseArgs(args);
    if (options.patientId) {
      if (!isCriteria(options.criteria)) {
        throw new UsageError(
          `Unknown criteria "${options.criteria}"; use recist1.1, ` + 'irecist or percist1.0.',
        );
      }

      return runPatientResponse(options.patientId, options.criteria, options.json, io);
    }
    const raw = await readJson(options.inputPath!, io);
    if (raw === undefined) return 2;

    try {
      const result = assessParsedResponse(parseResponseInput(raw));
      io.out(options.json ? JSON.stringify(result, null, 2) : formatSummary(result));

      return 0;
    } catch (err) {
      if (!isAppError(err) || err.code !== 'BAD_INPUT') throw err;

      io.err(err.userMessage);

      return 2;
    }
  },
};
