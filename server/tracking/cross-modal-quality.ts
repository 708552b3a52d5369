/**
 * How well a CT and an image of another modality line up after registration. Their
 * intensities cannot be correlated, so only the body outlines are compared: each image's
 * body (above its kind's threshold, see image-kind.ts) with the holes of every axial
 * slice filled, since lungs are dark on a CT but need not be on an MR map. The moving
 * body is pulled onto the fixed grid through the transform and compared by Dice over the
 * fixed voxels that map inside the moving image, as alignmentQuality does for two CTs.
 */
import { createImage, type ImageVolume } from '../imaging/image';
import type { Mat3x4 } from './affine';
import { bodyThreshold, type ImageKind } from './image-kind';
import { resampleVolume } from './resample';

export interface CrossModalQuality {
  bodyOverlapDice: number;
  overlapFraction: number;
}

/** Marks fixed voxels that map outside the moving image. */
const OUTSIDE = 2;

export function crossModalQuality(
  fixed: { image: ImageVolume; kind: ImageKind },
  moving: { image: ImageVolume; kind: ImageKind },
  fixedToMoving: Mat3x4,
): CrossModalQuality {
  const fixedBody = filledBody(fixed.image, fixed.kind);
  const movingBody = filledBody(moving.image, moving.kind);
  const warped = resampleVolume(movingBody, fixed.image, fixedToMoving, {
    interpolation: 'nearest', outsideValue: OUTSIDE,
  });
  let [both, inFixed, inMoving, counted] = [0, 0, 0, 0];
  for (let n = 0; n < fixedBody.data.length; n++) {
    const m = warped.data[n] ?? OUTSIDE;
    if (m === OUTSIDE) continue;
    counted++;
    const f = fixedBody.data[n] === 1;
    if (f) inFixed++;
    if (m === 1) inMoving++;
    if (f && m === 1) both++;
  }

  return {
    bodyOverlapDice: inFixed + inMoving === 0 ? 0 : (2 * both) / (inFixed + inMoving),
    overlapFraction: counted / Math.max(1, fixedBody.data.length),
  };
}

/** Body voxels of each axial slice, with everything the outside air cannot reach added. */
export function filledBody(volume: ImageVolume, kind: ImageKind): ImageVolume {
  const threshold = bodyThreshold(volume, kind);
  const out = createImage(volume, 'uint8');
  const [nx, ny, nz] = volume.size;
  const plane = nx * ny;
  for (let k = 0; k < nz; k++) {
    const outside = outsideAir(volume, threshold, k);
    for (let n = 0; n < plane; n++) out.data[k * plane + n] = outside[n] ? 0 : 1;
  }

  return out;
}

/** Flood fill of slice k's non-body voxels from its border (4-connected). */
function outsideAir(volume: ImageVolume, threshold: number, k: number): Uint8Array {
  const [nx, ny] = volume.size;
  const offset = k * nx * ny;
  const reached = new Uint8Array(nx * ny);
  const stack: number[] = [];
  const visit = (i: number, j: number) => {
    if (i < 0 || j < 0 || i >= nx || j >= ny) return;
    const n = j * nx + i;
    if (reached[n] || (volume.data[offset + n] ?? 0) > threshold) return;
    reached[n] = 1;
    stack.push(n);
  };
  for (let i = 0; i < nx; i++) {
    visit(i, 0);
    visit(i, ny - 1);
  }
  for (let j = 0; j < ny; j++) {
    visit(0, j);
    visit(nx - 1, j);
  }
  while (stack.length > 0) {
    const n = stack.pop() ?? 0;
    const [i, j] = [n % nx, Math.floor(n / nx)];
    visit(i + 1, j);
    visit(i - 1, j);
    visit(i, j + 1);
    visit(i, j - 1);
  }

  return reached;
}
