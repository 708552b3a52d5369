/** The shapes the feature engine hands back; nothing here knows about HTTP or storage. */

export type FeatureFamily =
  | 'morphology'
  | 'local-intensity'
  | 'intensity-statistics'
  | 'intensity-histogram'
  | 'intensity-volume-histogram'
  | 'glcm'
  | 'glrlm'
  | 'glszm'
  | 'gldzm'
  | 'ngtdm'
  | 'ngldm';

export const FEATURE_FAMILIES: readonly FeatureFamily[] = [
  'morphology',
  'local-intensity',
  'intensity-statistics',
  'intensity-histogram',
  'intensity-volume-histogram',
  'glcm',
  'glrlm',
  'glszm',
  'gldzm',
  'ngtdm',
  'ngldm',
];

/** The IBSI names for how per-slice or per-direction values become one value. */
export type Aggregation =
  | '2D, averaged'
  | '2D, slice-merged'
  | '2.5D, direction-merged'
  | '2.5D, merged'
  | '3D, averaged'
  | '3D, merged'
  | '2D'
  | '2.5D'
  | '3D';

export interface FeatureValue {
  family: FeatureFamily;
  /** The IBSI manual's tag (`morph.vol`), or a tag in the same style where it has none. */
  name: string;
  /** The four-character IBSI identifier. */
  ibsiCode: string;
  aggregation: Aggregation | null;
  /** Percentage for the parametrised intensity-volume histogram features (10 or 90). */
  parameter?: number;
  value: number;
}

/** A feature's value before the family and code are attached. */
export interface NamedValue {
  name: string;
  value: number;
  parameter?: number;
}
