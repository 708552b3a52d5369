import path from 'node:path';

import { z } from 'zod';

import { SERIES_TYPES } from '@/lib/series-types';
import { parseCsvRecords } from '@/server/therapy/parse';

/**
 * A research manifest: one row per image (NIfTI or NRRD), with an optional label map
 * whose non-zero labels become the lesion masks of that timepoint. Paths are relative
 * to the manifest's folder. Columns: patient, date, series_type, tracer, image, mask,
 * units (PET only: "SUV" when the image already holds SUV body weight).
 */
const IMAGE_TYPES = SERIES_TYPES.filter((t) => t !== 'SEG' && t !== 'RTSTRUCT');

const rowSchema = z.object({
  patient: z.string().trim().min(1, 'patient is empty'),
  date: z
    .string()
    .trim()
    .regex(/^\d{4}-\d{2}-\d{2}$/, 'expected a date as yyyy-mm-dd')
    .refine((s) => !Number.isNaN(Date.parse(s)), 'not a calendar date'),
  seriesType: z.enum(IMAGE_TYPES as [string, ...string[]], {
    error: `series type must be one of ${IMAGE_TYPES.join(', ')}`,
  }),
  tracer: z.string().trim().toUpperCase().optional(),
  image: z.string().trim().min(1, 'image path is empty'),
  mask: z.string().trim().optional(),
  units: z.enum(['SUV', 'BQML', '']).optional(),
});

export interface ManifestRow {
  /** 1-based row number in the file, for messages. */
  row: number;
  patient: string;
  date: string;
  seriesType: string;
  tracer?: string;
  imageAbs: string;
  maskAbs?: string;
  imageShown: string;
  maskShown?: string;
  valuesAreSuv: boolean;
}

const KEYS: Record<string, string> = {
  patient_id: 'patient',
  patientid: 'patient',
  series_type: 'seriesType',
  seriestype: 'seriesType',
  image_path: 'image',
  mask_path: 'mask',
};

export function parseManifest(
  text: string,
  manifestPath: string,
): { rows: ManifestRow[]; errors: { path: string; reason: string }[] } {
  const records = manifestPath.toLowerCase().endsWith('.json')
    ? (JSON.parse(text) as Record<string, unknown>[])
    : parseCsvRecords(text);
  if (!Array.isArray(records)) throw new Error('A JSON manifest must be an array of rows.');
  const base = path.dirname(manifestPath);
  const out = { rows: [] as ManifestRow[], errors: [] as { path: string; reason: string }[] };

  records.forEach((record, index) => {
    const shown = `${manifestPath}#row${index + 1}`;
    const parsed = rowSchema.safeParse(normalise(record));
    if (!parsed.success) {
      const why = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
      out.errors.push({ path: shown, reason: `Manifest row ${index + 1}: ${why.join('; ')}` });

      return;
    }
    const r = parsed.data;
    out.rows.push({
      row: index + 1,
      patient: r.patient,
      date: r.date,
      seriesType: r.seriesType,
      tracer: r.tracer || undefined,
      imageAbs: path.resolve(base, r.image),
      maskAbs: r.mask ? path.resolve(base, r.mask) : undefined,
      imageShown: path.join(base, r.image),
      maskShown: r.mask ? path.join(base, r.mask) : undefined,
      valuesAreSuv: r.units === 'SUV',
    });
  });

  return out;
}

function normalise(record: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(
    Object.entries(record).map(([k, v]) => {
      const key = k.trim();
      const value = typeof v === 'string' && v.trim() === '' ? undefined : v;

      return [KEYS[key.toLowerCase()] ?? key, value];
    }),
  );
}
