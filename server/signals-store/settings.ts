/**
 * The per-install signal settings (one row of the settings table). Only the liver sphere
 * can be tuned; the thresholds and texture presets are part of the engine and enter the
 * fingerprint so that a new engine marks stored values stale just as a settings change does.
 */
import { eq } from 'drizzle-orm';
import { z } from 'zod';

import type { Db } from '@/db/client';
import { settings } from '@/db/schema';
import {
  HYPOXIC_TBR, LIVER_SPHERE_RADIUS_MM, LOW_ADC_UM2_PER_S, MTV_ABSOLUTE_SUV,
  MTV_FRACTION_OF_MAX, SIGNALS_ENGINE_VERSION, TEXTURE_PRESETS, ENHANCING_KTRANS_PER_MIN,
} from '@/server/signals';

const SETTINGS_KEY = 'signals';

export const signalSettingsSchema = z.object({
  /** PERCIST's 3 cm sphere by default (Wahl 2009). */
  liverSphereRadiusMm: z.number().min(5).max(30),
  /** Distance kept between the sphere's surface and any lesion voxel. */
  liverLesionMarginMm: z.number().min(0).max(50),
});

export type SignalSettings = z.infer<typeof signalSettingsSchema>;

export const DEFAULT_SIGNAL_SETTINGS: SignalSettings = {
  liverSphereRadiusMm: LIVER_SPHERE_RADIUS_MM,
  liverLesionMarginMm: 10,
};

export async function readSignalSettings(db: Db): Promise<SignalSettings> {
  const [row] = await db.select().from(settings).where(eq(settings.key, SETTINGS_KEY));
  const parsed = signalSettingsSchema.partial().safeParse(row?.value ?? {});

  // A row written by an older release may miss fields or hold bad ones: defaults fill in.
  return { ...DEFAULT_SIGNAL_SETTINGS, ...(parsed.success ? parsed.data : {}) };
}

export async function saveSignalSettings(db: Db, value: SignalSettings, by: string) {
  const checked = signalSettingsSchema.parse(value);
  await db
    .insert(settings)
    .values({ key: SETTINGS_KEY, value: checked, updatedBy: by })
    .onConflictDoUpdate({ target: settings.key, set: { value: checked, updatedBy: by } });

  return checked;
}

/** Everything a stored value depends on besides the pixels: compared to detect staleness. */
export function effectiveSettings(s: SignalSettings): Record<string, unknown> {
  return {
    ...s,
    engineVersion: SIGNALS_ENGINE_VERSION,
    thresholds: {
      mtvFractionOfMax: MTV_FRACTION_OF_MAX,
      mtvAbsoluteSuv: MTV_ABSOLUTE_SUV,
      hypoxicTbr: HYPOXIC_TBR,
      lowAdcUm2PerS: LOW_ADC_UM2_PER_S,
      enhancingKtransPerMin: ENHANCING_KTRANS_PER_MIN,
    },
    texturePresets: TEXTURE_PRESETS,
  };
}

/** Key-order independent comparison of two settings documents. */
export function sameSettings(a: unknown, b: unknown): boolean {
  return canonical(a) === canonical(b);
}

function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.entries(value).sort(([x], [y]) => x.localeCompare(y));

    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonical(v)}`).join(',')}}`;
  }

  return JSON.stringify(value) ?? 'null';
}
