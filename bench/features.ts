/**
 * Feature engine: time per lesion for the full IBSI feature set, single thread.
 *
 *   npx tsx bench/features.ts [repeats=5]
 *
 * Each lesion is a lobulated ellipsoid (a blob) of about 1k, 10k, 60k and 250k voxels in
 * a CT-like volume (0.8 x 0.8 x 2 mm, soft tissue around 40 HU with a heterogeneous
 * lesion and Gaussian-ish noise). Settings are the defaults: every family, 3-D texture,
 * fixed bin number 32, no resampling. Printed: median wall time of `repeats` runs after
 * one warm-up, median CPU time of this process over the same runs (on a shared machine
 * wall time counts the other processes' turns, CPU time mostly does not), CPU time per
 * voxel, and the growth ratio (CPU time ratio over voxel-count ratio against the previous
 * row; 1.0 is linear growth).
 *
 * Moran's I and Geary's C compare every voxel pair; by default they are only computed up
 * to 20,000 voxels (settings.autocorrelationMaxVoxels), so the two larger lesions run
 * without them. The maximum diameter works on convex hull vertices only.
 */
import { computeFeatures } from '../server/features';
import {
  createImage,
  IDENTITY_DIRECTION,
  type ImageVolume,
  type Vec3,
} from '../server/imaging/image';

const SPACING_MM: Vec3 = [0.8, 0.8, 2];
const TARGETS = [1_000, 10_000, 60_000, 250_000];

/** Small deterministic generator so runs are comparable. */
function random(seed: number): () => number {
  let state = seed;

  return () => {
    state = (state * 1664525 + 1013904223) >>> 0;

    return state / 2 ** 32;
  };
}

/** Lobulated radius factor in direction (x, y, z), unit vector. */
function lobes(x: number, y: number, z: number): number {
  return 1 + 0.15 * Math.sin(3 * Math.atan2(y, x)) * Math.cos(2 * Math.acos(z));
}

function blob(voxels: number): { image: ImageVolume; mask: ImageVolume } {
  // Ellipsoid semi-axes in voxels, ratio 1 : 0.8 : 0.35 (the 2 mm slices), sized to target.
  const a = Math.cbrt(voxels / ((4 / 3) * Math.PI * 0.8 * 0.35));
  const radii: Vec3 = [a, 0.8 * a, 0.35 * a];
  const size = radii.map((r) => Math.ceil(2.6 * r) + 16) as Vec3;
  const geometry = {
    size,
    spacingMm: SPACING_MM,
    originMm: [0, 0, 0] as Vec3,
    direction: IDENTITY_DIRECTION,
  };
  const image = createImage(geometry, 'float32');
  const mask = createImage(geometry, 'uint8');
  const next = random(voxels);
  const [nx, ny, nz] = size;
  for (let z = 0, v = 0; z < nz; z++) {
    for (let y = 0; y < ny; y++) {
      for (let x = 0; x < nx; x++, v++) {
        const d = [(x - nx / 2) / radii[0], (y - ny / 2) / radii[1], (z - nz / 2) / radii[2]];
        const r = Math.hypot(d[0]!, d[1]!, d[2]!);
        const inside = r <= lobes(d[0]! / (r || 1), d[1]! / (r || 1), d[2]! / (r || 1));
        const noise = (next() + next() + next() - 1.5) * 30;
        image.data[v] = Math.round((inside ? 60 - 40 * r + 20 * Math.sin(x / 3) : 40) + noise);
        mask.data[v] = inside ? 1 : 0;
      }
    }
  }

  return { image, mask };
}

function median(values: number[]): number {
  const sorted = [...values].sort((p, q) => p - q);

  return sorted[Math.floor(sorted.length / 2)] ?? NaN;
}

function main(): void {
  const repeats = Number(process.argv[2] ?? 5);
  const rows: string[] = [];
  let previous: { voxels: number; ms: number } | null = null;
  for (const target of TARGETS) {
    const { image, mask } = blob(target);
    const voxels = computeFeatures(image, mask).voxelCount;
    const times: number[] = [];
    const cpuTimes: number[] = [];
    for (let r = 0; r < repeats; r++) {
      const started = performance.now();
      const cpuStarted = process.cpuUsage();
      computeFeatures(image, mask);
      const cpu = process.cpuUsage(cpuStarted);
      times.push(performance.now() - started);
      cpuTimes.push((cpu.user + cpu.system) / 1000);
    }
    const ms = median(cpuTimes);
    const growth = previous ? ms / previous.ms / (voxels / previous.voxels) : null;
    rows.push(
      [
        String(voxels).padStart(8),
        median(times).toFixed(0).padStart(9),
        ms.toFixed(0).padStart(6),
        ((ms * 1000) / voxels).toFixed(2).padStart(10),
        (growth === null ? '-' : growth.toFixed(2)).padStart(8),
      ].join('  '),
    );
    previous = { voxels, ms };
  }
  process.stdout.write(
    ['  voxels    wall ms  cpu ms  µs/voxel  growth', ...rows].join('\n') + '\n',
  );
}

main();
