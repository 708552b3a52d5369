/**
 * Mapping pixel values to screen colours. Pure, so the viewer's maths is tested
 * without a browser.
 */

export interface WindowLevel {
  center: number;
  width: number;
}

/** Common CT windows (centre / width in HU), as radiology departments set them. */
export const CT_PRESETS: Record<string, WindowLevel> = {
  'Soft tissue': { center: 40, width: 400 },
  Lung: { center: -600, width: 1500 },
  Liver: { center: 60, width: 160 },
  Bone: { center: 400, width: 1800 },
  Mediastinum: { center: 50, width: 350 },
};

/** Grey level 0-255 of a value under a linear window. */
export function greyOf(value: number, wl: WindowLevel): number {
  const low = wl.center - wl.width / 2;
  const t = (value - low) / wl.width;

  return t <= 0 ? 0 : t >= 1 ? 255 : Math.round(t * 255);
}

/**
 * A 256-entry RGB lookup of the "hot iron" map PET readers expect: black through red
 * and yellow to white, so that the hottest uptake is the brightest.
 */
export function hotLut(): Uint8Array {
  const lut = new Uint8Array(256 * 3);
  for (let i = 0; i < 256; i++) {
    const t = i / 255;
    lut[i * 3] = Math.round(255 * Math.min(1, t / 0.4));
    lut[i * 3 + 1] = Math.round(255 * Math.min(1, Math.max(0, (t - 0.4) / 0.4)));
    lut[i * 3 + 2] = Math.round(255 * Math.max(0, (t - 0.8) / 0.2));
  }

  return lut;
}

/** A window that shows the 1st to 99th percentile of a sample: a sane MR default. */
export function autoWindow(sample: ArrayLike<number>): WindowLevel {
  const values = Array.from(sample)
    .filter(Number.isFinite)
    .sort((a, b) => a - b);
  if (values.length === 0) return { center: 0, width: 1 };
  const low = values[Math.floor(values.length * 0.01)] as number;
  const high = values[Math.floor(values.length * 0.99)] as number;

  return { center: (low + high) / 2, width: Math.max(high - low, 1e-6) };
}
