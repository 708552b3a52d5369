/**
 * Per-voxel image noise. A Box-Muller draw per voxel would dominate render time, so each
 * series draws 4096 standard normals once and a xorshift32 stream indexes them; the
 * result is mild, zero-mean, unit-variance noise that is identical for identical seeds.
 */
import { createRng, gaussian } from './random';

const TABLE_BITS = 12;

export interface NoiseSource {
  /** The next standard-normal sample. */
  next(): number;
}

export function createNoise(seed: number, label: string): NoiseSource {
  const rng = createRng(seed, `noise|${label}`);
  const table = new Float64Array(1 << TABLE_BITS);
  for (let i = 0; i < table.length; i++) table[i] = gaussian(rng);
  let state = Math.floor(rng.next() * 0xfffffffe) + 1;

  return {
    next() {
      state ^= state << 13;
      state ^= state >>> 17;
      state ^= state << 5;

      return table[(state >>> 0) >>> (32 - TABLE_BITS)] as number;
    },
  };
}
