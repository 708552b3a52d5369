/**
 * Writes one single-frame image series slice by slice: render the slice, add the
 * series' noise, quantise to the stored integer type, encode and write. Only one slice
 * is in memory at a time, whatever the grid.
 */
import { writeFileSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import type { ImageGeometry } from '@/server/imaging/image';
import { sliceZ } from '../grids';
import { createNoise } from '../noise';
import type { Scene, SliceBuffers, ValueModel } from '../render';
import { renderSlice, sliceBuffers } from '../render';
import { deriveUid } from '../uid';
import type { DicomDataset } from './encoder';
import { encodePart10 } from './encoder';
import type { SeriesInfo } from './modules';
import { pixelBytes, slicePlane } from './modules';

export interface Quantised {
  pixels: Int16Array | Uint16Array;
  /** Pixel Representation, rescale and anything else that depends on the slice's data. */
  elements: DicomDataset;
  /** Each voxel's value as a reader decodes it from the stored integers. */
  decoded: Float64Array;
}

export interface NoiseSpec {
  /** Additive noise is in the model's units; relative noise is a fraction of the value. */
  kind: 'additive' | 'relative';
  sigma: number;
}

export interface VolumeSeriesSpec {
  directory: string;
  sopClassUid: string;
  geometry: ImageGeometry;
  series: SeriesInfo;
  /** Elements common to every slice (study, series, modality modules). */
  shared: DicomDataset;
  model: ValueModel;
  noise: NoiseSpec;
  quantise(values: Float64Array): Quantised;
  /** Sees each slice's labels and decoded values, e.g. to build the ground truth. */
  onSlice?(k: number, buffers: SliceBuffers, decoded: Float64Array): void;
}

function addNoise(values: Float64Array, noise: NoiseSpec, source: { next(): number }) {
  for (let n = 0; n < values.length; n++) {
    const v = values[n]!;
    const noisy =
      noise.kind === 'additive'
        ? v + noise.sigma * source.next()
        : v * (1 + noise.sigma * source.next());
    values[n] = noise.kind === 'relative' ? Math.max(0, noisy) : noisy;
  }
}

/** Writes the series and returns its SOP Instance UIDs, indexed by slice k (inferior first). */
export async function writeVolumeSeries(
  seed: number,
  scene: Scene,
  spec: VolumeSeriesSpec,
): Promise<string[]> {
  const { geometry, series } = spec;
  const sliceCount = geometry.size[2];
  const buffers = sliceBuffers(geometry);
  const noise = createNoise(seed, series.seriesInstanceUid);
  const uids: string[] = [];
  await mkdir(spec.directory, { recursive: true });

  for (let k = 0; k < sliceCount; k++) {
    renderSlice(scene, geometry, k, spec.model, buffers);
    addNoise(buffers.values, spec.noise, noise);
    const quantised = spec.quantise(buffers.values);
    spec.onSlice?.(k, buffers, quantised.decoded);
    // Instance 1 is the most superior slice, as head-first scanners number them.
    const instanceNumber = sliceCount - k;
    const sopInstanceUid = deriveUid(seed, `${series.seriesInstanceUid}/${k}`);
    const dataset: DicomDataset = {
      ...spec.shared,
      ...slicePlane(geometry, sliceZ(geometry, k)),
      ...quantised.elements,
      SOPClassUID: spec.sopClassUid,
      SOPInstanceUID: sopInstanceUid,
      InstanceNumber: instanceNumber,
      PixelData: pixelBytes(quantised.pixels),
    };
    const file = path.join(spec.directory, `IM${String(instanceNumber).padStart(4, '0')}.dcm`);
    // Synchronous: thousands of small files, and an async open per file costs more than the write.
    writeFileSync(file, encodePart10(dataset));
    uids.push(sopInstanceUid);
  }

  return uids;
}
