/** Which threshold the "Outline lesion here" tool uses: one row of the settings table. */
import { eq } from 'drizzle-orm';
import { z } from 'zod';

import type { Db } from '@/db/client';
import { settings } from '@/db/schema';

import type { ThresholdMethod } from './threshold-lesion';

const SETTINGS_KEY = 'lesion-threshold';

const thresholdSettingsSchema = z.object({ method: z.enum(['41%', 'suv2.5']) });

/** 41% of SUVmax is the EANM default for FDG volumes; SUV 2.5 is the common alternative. */
export async function readThresholdMethod(db: Db): Promise<ThresholdMethod> {
  const [row] = await db.select().from(settings).where(eq(settings.key, SETTINGS_KEY));
  const parsed = thresholdSettingsSchema.safeParse(row?.value);

  return parsed.success ? parsed.data.method : '41%';
}
