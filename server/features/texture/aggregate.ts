import type { Aggregation, NamedValue } from '../types';

/**
 * How a family turns matrices into one value per aggregation. A family supplies `merge`
 * (sum matrices) and `features` (values of one matrix); empty matrices are skipped.
 */
export interface MatrixFamily<M> {
  merge(matrices: M[]): M;
  features(matrix: M): NamedValue[];
  isEmpty(matrix: M): boolean;
}

export interface AggregatedValues {
  aggregation: Aggregation;
  values: NamedValue[];
}

/** Average feature lists that share names and order. */
export function averageFeatures(lists: NamedValue[][]): NamedValue[] {
  const first = lists[0];
  if (!first) return [];

  return first.map((feature, k) => {
    let sum = 0;
    for (const list of lists) sum += list[k]?.value ?? 0;

    return { ...feature, value: sum / lists.length };
  });
}

function featuresOf<M>(family: MatrixFamily<M>, matrices: M[]): NamedValue[][] {
  return matrices.filter((m) => !family.isEmpty(m)).map((m) => family.features(m));
}

function mergedFeatures<M>(family: MatrixFamily<M>, matrices: M[]): NamedValue[] {
  return family.features(family.merge(matrices));
}

/** Directional families (GLCM, GLRLM) from matrices indexed [slice][direction]. */
export function aggregateDirectional2D<M>(family: MatrixFamily<M>, bySlice: M[][]):
  AggregatedValues[] {
  const directionCount = bySlice[0]?.length ?? 0;
  const byDirection = Array.from({ length: directionCount }, (_, d) =>
    bySlice.map((slice) => slice[d]!));

  return [
    { aggregation: '2D, averaged', values: averageFeatures(featuresOf(family, bySlice.flat())) },
    {
      aggregation: '2D, slice-merged',
      values: averageFeatures(featuresOf(family, bySlice.map((s) => family.merge(s)))),
    },
    {
      aggregation: '2.5D, direction-merged',
      values: averageFeatures(featuresOf(family, byDirection.map((d) => family.merge(d)))),
    },
    { aggregation: '2.5D, merged', values: mergedFeatures(family, bySlice.flat()) },
  ];
}

export function aggregateDirectional3D<M>(family: MatrixFamily<M>, byDirection: M[]):
  AggregatedValues[] {
  return [
    { aggregation: '3D, averaged', values: averageFeatures(featuresOf(family, byDirection)) },
    { aggregation: '3D, merged', values: mergedFeatures(family, byDirection) },
  ];
}

/** Non-directional families (GLSZM, GLDZM, NGTDM, NGLDM) from per-slice matrices. */
export function aggregateSlices<M>(family: MatrixFamily<M>, bySlice: M[]): AggregatedValues[] {
  return [
    { aggregation: '2D', values: averageFeatures(featuresOf(family, bySlice)) },
    { aggregation: '2.5D', values: mergedFeatures(family, bySlice) },
  ];
}
