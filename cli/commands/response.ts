import { readFile } from 'node:fs/promises';

import { isAppError } from '@/server/lib/errors';
import { assessParsedResponse } from '@/server/response/assess-response';
import type { ResponseOutput, TimepointResult } from '@/server/response/schema/output';
import { parseResponseInput } from '@/server/response/schema/parse';

import type { Command, CommandIo } from '../command';
import { UsageError } from '../command';

/**
 * `hallmark response --input file.json [--json]`: the offline response calculator. The
 * file holds a ResponseInput (see server/response/schema/input.ts). Exit codes: 0 done,
 * 2 bad arguments or bad input (each bad field named on stderr).
 */

const USAGE = `hallmark response --input <file.json> [--json]

Assesses treatment response from a JSON file of timepoints (baseline first) under
RECIST 1.1, iRECIST or PERCIST 1.0, chosen by the file's "criteria" field.

  --input <file>  the ResponseInput JSON
  --json          print the full result as JSON instead of a readable summary`;

interface Options {
  inputPath: string;
  json: boolean;
}

function parseArgs(args: string[]): Options {
  let inputPath: string | undefined;
  let json = false;
  for (let i = 0; i < args.length; i += 1) {
    const arg = args[i];
    if (arg === '--json') json = true;
    else if (arg === '--input') inputPath = args[++i];
    else if (arg?.startsWith('--input=')) inputPath = arg.slice('--input='.length);
    else throw new UsageError(`Unknown argument "${arg}".`);
  }
  if (!inputPath) throw new UsageError('Missing --input <file.json>.');

  return { inputPath, json };
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
  summary: 'Assess RECIST 1.1 / iRECIST / PERCIST 1.0 response from a JSON file',
  usage: USAGE,
  async run(args, io) {
    const options = parseArgs(args);
    const raw = await readJson(options.inputPath, io);
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
