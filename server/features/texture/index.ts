import type { Roi } from '../roi/prepare';
import type { TextureDimension } from '../settings';
import type { FeatureFamily } from '../types';
import {
  aggregateDirectional2D,
  aggregateDirectional3D,
  aggregateSlices,
  type AggregatedValues,
  type MatrixFamily,
} from './aggregate';
import { DIRECTIONS_2D, DIRECTIONS_3D, type Direction } from './directions';
import { edgeDistanceMap } from './distanceMap';
import { cooccurrences, GLCM_FAMILY } from './glcm';
import { GLRLM_FAMILY, runLengths } from './glrlm';
import { NGLDM_FAMILY, ngldmMatrices } from './ngldm';
import { NGTDM_FAMILY, ngtdmMatrices } from './ngtdm';
import { GLDZM_FAMILY, GLSZM_FAMILY, zoneMatrices, type ZoneMatrices } from './zones';

export type TextureFamily = Extract<FeatureFamily,
  'glcm' | 'glrlm' | 'glszm' | 'gldzm' | 'ngtdm' | 'ngldm'>;

interface TextureOptions {
  dimensions: TextureDimension[];
  ngldmCoarseness: number;
}

function occupiedSlices(roi: Roi): number[] {
  const sliceSize = roi.size[0] * roi.size[1];
  const slices = new Set<number>();
  for (const v of roi.voxels) slices.add(Math.floor(v / sliceSize));

  return [...slices].sort((a, b) => a - b);
}

function wanted(result: AggregatedValues[], dimensions: TextureDimension[]): AggregatedValues[] {
  return result.filter((r) => dimensions.some((d) =>
    r.aggregation === d || r.aggregation.startsWith(`${d},`)));
}

function directional<M>(roi: Roi, family: MatrixFamily<M>, dimensions: TextureDimension[],
  build: (directions: readonly Direction[], z: number | null) => M[]): AggregatedValues[] {
  const out: AggregatedValues[] = [];
  if (dimensions.includes('2D') || dimensions.includes('2.5D')) {
    const bySlice = occupiedSlices(roi).map((z) => build(DIRECTIONS_2D, z));
    out.push(...aggregateDirectional2D(family, bySlice));
  }
  if (dimensions.includes('3D')) {
    out.push(...aggregateDirectional3D(family, build(DIRECTIONS_3D, null)));
  }

  return wanted(out, dimensions);
}

function bySlice<M>(roi: Roi, family: MatrixFamily<M>, dimensions: TextureDimension[],
  build: (inSlice: boolean) => Map<number, M>): AggregatedValues[] {
  const out: AggregatedValues[] = [];
  if (dimensions.includes('2D') || dimensions.includes('2.5D')) {
    out.push(...aggregateSlices(family, [...build(true).values()]));
  }
  if (dimensions.includes('3D')) {
    const volume = build(false).get(0);
    if (volume) out.push({ aggregation: '3D', values: family.features(volume) });
  }

  return wanted(out, dimensions);
}

/** GLSZM and GLDZM share one zone labelling per ROI and slice mode. */
const zoneCache = new WeakMap<Roi, Map<boolean, Map<number, ZoneMatrices>>>();

function cachedZones(roi: Roi, inSlice: boolean): Map<number, ZoneMatrices> {
  const byMode = zoneCache.get(roi) ?? new Map<boolean, Map<number, ZoneMatrices>>();
  zoneCache.set(roi, byMode);
  let zones = byMode.get(inSlice);
  if (!zones) {
    zones = zoneMatrices(roi, inSlice, edgeDistanceMap(roi, inSlice));
    byMode.set(inSlice, zones);
  }

  return zones;
}

function zoneFamily(roi: Roi, options: TextureOptions, distances: boolean): AggregatedValues[] {
  const family = distances ? GLDZM_FAMILY : GLSZM_FAMILY;

  return bySlice(roi, family, options.dimensions, (inSlice) => {
    const zones = cachedZones(roi, inSlice);

    return new Map([...zones].map(([k, z]) => [k, distances ? z.distances : z.sizes]));
  });
}

/** One texture family at every aggregation the chosen dimensions imply. */
export function textureFeatures(roi: Roi, family: TextureFamily, options: TextureOptions):
  AggregatedValues[] {
  const dims = options.dimensions;
  switch (family) {
    case 'glcm':
      return directional(roi, GLCM_FAMILY, dims, (d, z) => cooccurrences(roi, d, z));
    case 'glrlm':
      return directional(roi, GLRLM_FAMILY, dims, (d, z) => runLengths(roi, d, z));
    case 'glszm':
      return zoneFamily(roi, options, false);
    case 'gldzm':
      return zoneFamily(roi, options, true);
    case 'ngtdm':
      return bySlice(roi, NGTDM_FAMILY, dims, (inSlice) => ngtdmMatrices(roi, inSlice));
    case 'ngldm':
      return bySlice(roi, NGLDM_FAMILY, dims, (inSlice) =>
        ngldmMatrices(roi, inSlice, options.ngldmCoarseness));
  }
}
