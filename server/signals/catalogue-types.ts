/**
 * The shape of a catalogue entry. The catalogue is plain data so the UI, the docs and the
 * response charts can render it without running any of the compute code.
 */

export type Hallmark =
  | 'proliferation'
  | 'energetics'
  | 'vasculature'
  | 'cellularity/cell death'
  | 'hypoxia'
  | 'invasion'
  | 'heterogeneity'
  | 'PET reference';

export type Tracer = 'FDG' | 'FMISO' | 'FLT';

export type SourceSeries =
  | { type: 'CT' }
  | { type: 'PT'; tracer: Tracer }
  | { type: 'MR_ADC' }
  | { type: 'MR_DCE_KTRANS' }
  /** Derived from the lesion's volumes over several timepoints, not from one image. */
  | { type: 'timeline'; from: 'CT' }
  /** A contrast-enhanced and an unenhanced CT of the same timepoint and Frame of Reference. */
  | { type: 'contrast-pair'; from: 'CT' }
  /** Patient-level count over the lesion list of a timepoint. */
  | { type: 'lesion-list' };

/**
 * The smallest change that counts as real. A change must exceed every bound given (the
 * relative one and, when present, the absolute one) to count.
 */
export interface Repeatability {
  /** Relative limits in percent of the earlier value; asymmetric when published so. */
  relativePercent: { decrease: number; increase: number } | null;
  /** Absolute limit in the signal's unit. */
  absolute: number | null;
  /** 'published' means the figure is read from the cited source for this very metric. */
  basis: 'published' | 'working-assumption';
  /** Short citation, or why the assumption was made. */
  source: string;
}

export interface SignalDefinition {
  id: string;
  name: string;
  hallmark: Hallmark;
  unit: string;
  source: SourceSeries;
  /** The direction of change that means response; 'none' for reference regions. */
  responseDirection: 'decrease' | 'increase' | 'none';
  repeatability: Repeatability;
  /** One or two sentences: how the value is computed, thresholds and their sources. */
  definition: string;
}
