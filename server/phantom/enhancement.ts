/**
 * How much the phantom's lesions enhance on its contrast CT, tied to their Ktrans so that
 * enhancement follows perfusion through therapy: an effective drug lowers both together
 * (see behaviour.ts), a resistant core keeps its low baseline perfusion throughout.
 *
 * The scale is a working figure, not a pharmacokinetic conversion: 200 HU per 1/min puts
 * baseline lesions (Ktrans 0.15-0.3 /min) at 30-60 HU of portal-venous enhancement, the
 * range of moderately to well vascularised metastases, and a core (0.04-0.06) at 8-12 HU.
 */
import type { ImageGeometry } from '@/server/imaging/image';
import type { LesionModel } from './lesions';
import type { Scene, SliceBuffers, ValueModel } from './render';
import { renderLesions, sliceBuffers } from './render';

export const ENHANCEMENT_HU_PER_KTRANS = 200;

/** Enhancement (HU) of the lesion rim at timepoint k, or of its core inside the core. */
export function lesionEnhancementHu(lesion: LesionModel, k: number, coreRadial: number): number {
  const core = lesion.core;
  const ktrans = core && coreRadial < 1 ? core.ktransPerMin : lesion.course.ktransPerMin[k]!;

  return ENHANCEMENT_HU_PER_KTRANS * ktrans;
}

/**
 * Mean enhancement, noise-free, over each lesion's voxels of a grid: read while that
 * grid's slices are written, by drawing the lesions again with the enhancement as value.
 */
export function collectEnhancement(scene: Scene, geometry: ImageGeometry, lesionCount: number) {
  const scratch: SliceBuffers = sliceBuffers(geometry);
  const model: ValueModel = {
    tissue: new Float64Array(0),
    lesion: (lesion, k, _radial, coreRadial) => lesionEnhancementHu(lesion, k, coreRadial),
  };
  const sums = new Float64Array(lesionCount);
  const counts = new Uint32Array(lesionCount);

  const add = (k: number) => {
    renderLesions(scene, geometry, k, model, scratch);
    for (let n = 0; n < scratch.labels.length; n++) {
      const label = scratch.labels[n]!;
      if (label === 0) continue;
      sums[label - 1]! += scratch.values[n]!;
      counts[label - 1]! += 1;
    }
  };
  const means = (): Array<number | null> =>
    Array.from(sums, (sum, i) => (counts[i]! > 0 ? sum / counts[i]! : null));

  return { add, means };
}
