import { z } from 'zod';

/**
 * Therapy lines as imported from CSV or JSON. Column names follow the phantom
 * generator and common trial exports: patient_id, agent, line, start, end, arm,
 * cohort (camelCase keys are accepted too).
 */
const isoDate = z
  .string()
  .trim()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'expected a date as yyyy-mm-dd')
  .refine((s) => !Number.isNaN(Date.parse(s)), 'not a calendar date');

export const therapyRowSchema = z
  .object({
    patientId: z.string().trim().min(1, 'patient id is empty'),
    agent: z.string().trim().min(1, 'agent is empty'),
    line: z.coerce.number().int().min(1, 'line must be 1 or more'),
    start: isoDate,
    end: z.union([isoDate, z.literal('').transform(() => undefined)]).optional(),
    arm: z.string().trim().optional(),
    cohort: z.string().trim().optional(),
  })
  .refine((r) => !r.end || r.end >= r.start, { message: 'end is before start', path: ['end'] });

export type TherapyRow = z.infer<typeof therapyRowSchema>;

export interface TherapyParseResult {
  rows: TherapyRow[];
  errors: string[];
}

const KEY_ALIASES: Record<string, string> = {
  patient_id: 'patientId',
  patient: 'patientId',
  start_date: 'start',
  end_date: 'end',
};

export function parseTherapyText(text: string, format: 'csv' | 'json'): TherapyParseResult {
  const records = format === 'json' ? parseJsonRecords(text) : parseCsvRecords(text);
  const result: TherapyParseResult = { rows: [], errors: [] };
  records.forEach((record, index) => {
    const parsed = therapyRowSchema.safeParse(normaliseKeys(record));
    if (parsed.success) {
      result.rows.push(parsed.data);
    } else {
      const issues = parsed.error.issues.map((i) => `${i.path.join('.') || 'row'}: ${i.message}`);
      result.errors.push(`Row ${index + 1}: ${issues.join('; ')}`);
    }
  });

  return result;
}

function normaliseKeys(record: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(
    Object.entries(record).map(([key, value]) => {
      const k = key.trim().toLowerCase();

      return [KEY_ALIASES[k] ?? (k === 'patientid' ? 'patientId' : k), value];
    }),
  );
}

function parseJsonRecords(text: string): Record<string, unknown>[] {
  const data: unknown = JSON.parse(text);
  if (!Array.isArray(data)) throw new Error('Therapy JSON must be an array of objects.');

  return data as Record<string, unknown>[];
}

/** RFC 4180 CSV: quoted fields may hold commas, quotes ("") and line breaks. */
export function parseCsvRecords(text: string): Record<string, string>[] {
  const table = splitCsv(text.replace(/^\uFEFF/, ''));
  const header = table.shift() ?? [];

  return table
    .filter((cells) => cells.some((c) => c.trim() !== ''))
    .map((cells) => Object.fromEntries(header.map((h, i) => [h, cells[i] ?? ''])));
}

function splitCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') field += text[++i];
      else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') (row.push(field), (field = ''));
    else if (c === '\n' || c === '\r') {
      if (c === '\r' && text[i + 1] === '\n') i++;
      (row.push(field), rows.push(row), (row = []), (field = ''));
    } else field += c;
  }
  if (field !== '' || row.length) (row.push(field), rows.push(row));

  return rows;
}
