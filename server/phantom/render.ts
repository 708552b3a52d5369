/**
 * Draws one axial slice of a timepoint by evaluating the patient model at every voxel
 * centre: the centre p (scanner frame) is taken back to the model frame by the inverse
 * pose, q = Rᵀ(p − t), and the tissue or lesion found there sets the value. Nothing is
 * resampled, so every image agrees exactly with the analytic truth.
 *
 * Known shortcoming: PET and MR voxels are point samples with no partial-volume blur
 * (no scanner point-spread function); a PSF convolution would make PET SUVmax realistic
 * for small lesions but the truth would then have to be computed from the blurred image.
 */
import type { ImageGeometry } from '@/server/imaging/image';
import type { Anatomy } from './anatomy';
import { tissueAt } from './anatomy';
import { sliceZ } from './grids';
import { boundingRadiusMm, radialPosition } from './lesion-shape';
import type { LesionModel } from './lesions';
import type { Pose } from './pose';
import { toModel, toScanner } from './pose';

export interface Scene {
  anatomy: Anatomy;
  pose: Pose;
  timepoint: number;
  lesions: LesionModel[];
}

export interface ValueModel {
  /** Value of each tissue code. */
  tissue: Float64Array;
  /**
   * Value inside a lesion; `radial` is 0 at its centre and 1 on its surface, `coreRadial`
   * the same for its resistant core (1 or more outside the core or without one).
   */
  lesion(lesion: LesionModel, timepoint: number, radial: number, coreRadial: number): number;
}

export interface SliceBuffers {
  values: Float64Array;
  /** 1 + index of the lesion owning the voxel, 0 for none. */
  labels: Uint8Array;
  tissues: Uint8Array;
}

export function sliceBuffers(geometry: ImageGeometry): SliceBuffers {
  const count = geometry.size[0] * geometry.size[1];

  return {
    values: new Float64Array(count),
    labels: new Uint8Array(count),
    tissues: new Uint8Array(count),
  };
}

function renderBackground(
  scene: Scene,
  geometry: ImageGeometry,
  z: number,
  model: ValueModel,
  out: SliceBuffers,
) {
  const [columns, rows] = geometry.size;
  const [px, py] = geometry.spacingMm;
  const r = scene.pose.rotation;
  const [ox, oy, oz] = toModel(scene.pose, [geometry.originMm[0], geometry.originMm[1], z]);
  let index = 0;
  for (let j = 0; j < rows; j++) {
    // q(i, j) = q(0, 0) + i·px·(row 0 of R) + j·py·(row 1 of R), since q = Rᵀ(p − t).
    const rowX = ox + j * py * r[3];
    const rowY = oy + j * py * r[4];
    const rowZ = oz + j * py * r[5];
    for (let i = 0; i < columns; i++, index++) {
      const code = tissueAt(
        scene.anatomy,
        rowX + i * px * r[0],
        rowY + i * px * r[1],
        rowZ + i * px * r[2],
      );
      out.tissues[index] = code;
      out.values[index] = model.tissue[code]!;
    }
  }
  out.labels.fill(0);
}

function coreRadial(lesion: LesionModel, x: number, y: number, z: number): number {
  const core = lesion.core;
  if (!core) return Infinity;
  const [cx, cy, cz] = core.centreMm;

  return Math.hypot(x - cx, y - cy, z - cz) / core.radiusMm;
}

function renderLesion(
  scene: Scene,
  geometry: ImageGeometry,
  z: number,
  model: ValueModel,
  out: SliceBuffers,
  label: number,
) {
  const lesion = scene.lesions[label - 1]!;
  const scale = lesion.course.scales[scene.timepoint]!;
  if (scale <= 0) return;

  const centre = toScanner(scene.pose, lesion.shape.centreMm);
  const radius = boundingRadiusMm(lesion.shape, scale);
  if (Math.abs(centre[2] - z) > radius) return;

  const [columns, rows] = geometry.size;
  const [px, py] = geometry.spacingMm;
  const [x0, y0] = geometry.originMm;
  const i0 = Math.max(0, Math.floor((centre[0] - radius - x0) / px));
  const i1 = Math.min(columns - 1, Math.ceil((centre[0] + radius - x0) / px));
  const j0 = Math.max(0, Math.floor((centre[1] - radius - y0) / py));
  const j1 = Math.min(rows - 1, Math.ceil((centre[1] + radius - y0) / py));
  for (let j = j0; j <= j1; j++) {
    for (let i = i0; i <= i1; i++) {
      const q = toModel(scene.pose, [x0 + i * px, y0 + j * py, z]);
      const radial = radialPosition(lesion.shape, scale, q[0], q[1], q[2]);
      if (radial >= 1) continue;
      const index = j * columns + i;
      out.labels[index] = label;
      out.values[index] = model.lesion(
        lesion,
        scene.timepoint,
        radial,
        coreRadial(lesion, q[0], q[1], q[2]),
      );
    }
  }
}

/** Fills `out` with slice k of `geometry` (noise-free; the series writer adds noise). */
export function renderSlice(
  scene: Scene,
  geometry: ImageGeometry,
  k: number,
  model: ValueModel,
  out: SliceBuffers,
) {
  const z = sliceZ(geometry, k);
  renderBackground(scene, geometry, z, model, out);
  for (let label = 1; label <= scene.lesions.length; label++) {
    renderLesion(scene, geometry, z, model, out, label);
  }
}

/**
 * Only the lesions of slice k: labels as renderSlice sets them, values where a label is
 * set, everything else left as it was. Cheap, for truth read on another model's voxels.
 */
export function renderLesions(
  scene: Scene,
  geometry: ImageGeometry,
  k: number,
  model: ValueModel,
  out: SliceBuffers,
) {
  const z = sliceZ(geometry, k);
  out.labels.fill(0);
  for (let label = 1; label <= scene.lesions.length; label++) {
    renderLesion(scene, geometry, z, model, out, label);
  }
}
