/**
 * Seeded randomness. Every stream is derived from (cohort seed, label) through SHA-256,
 * so adding a draw to one patient's plan never shifts another patient's numbers, and
 * the output depends on nothing but the seed (no Math.random, no clock, no locale).
 */
import { createHash } from 'node:crypto';

export interface Rng {
  /** Uniform in [0, 1). */
  next(): number;
}

function seedWords(seed: number, label: string): Uint32Array {
  const digest = createHash('sha256').update(`${seed}|${label}`).digest();

  return new Uint32Array(digest.buffer.slice(digest.byteOffset, digest.byteOffset + 16));
}

/** sfc32: small, fast and well mixed; four 32-bit words of state. */
export function createRng(seed: number, label: string): Rng {
  let [a, b, c, d] = seedWords(seed, label) as unknown as [number, number, number, number];

  return {
    next() {
      const t = (((a + b) | 0) + d) | 0;
      d = (d + 1) | 0;
      a = b ^ (b >>> 9);
      b = (c + (c << 3)) | 0;
      c = (c << 21) | (c >>> 11);
      c = (c + t) | 0;

      return (t >>> 0) / 4294967296;
    },
  };
}

export function uniform(rng: Rng, low: number, high: number): number {
  return low + (high - low) * rng.next();
}

/** Integer in [low, high], both ends included. */
export function intBetween(rng: Rng, low: number, high: number): number {
  return low + Math.floor(rng.next() * (high - low + 1));
}

export function pick<T>(rng: Rng, items: readonly T[]): T {
  const item = items[Math.floor(rng.next() * items.length)];
  if (item === undefined) throw new Error('pick() needs at least one item to choose from.');

  return item;
}

/** Fisher-Yates on a copy. */
export function shuffled<T>(rng: Rng, items: readonly T[]): T[] {
  const copy = [...items];
  for (let i = copy.length - 1; i > 0; i--) {
    const j = Math.floor(rng.next() * (i + 1));
    [copy[i], copy[j]] = [copy[j] as T, copy[i] as T];
  }

  return copy;
}

/** Standard normal by Box-Muller; for planning, not for per-voxel noise. */
export function gaussian(rng: Rng): number {
  const u = 1 - rng.next();

  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * rng.next());
}
