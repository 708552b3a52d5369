/** The plain-language conventions written at the top of ground-truth.json. */

export const CONVENTIONS: Record<string, string> = {
  coordinates:
    'DICOM patient coordinates (LPS): +x patient left, +y posterior, +z head; millimetres.',
  baselineFrame:
    'The patient model frame; identical to the scanner frame of timepoint 0 (identity pose).',
  pose:
    'p_scanner = rotation · q_baseline + translationMm; rotation is row-major 3x3; ' +
    'rotation = Rz(γ)·Ry(β)·Rx(α) with anglesDeg = [α, β, γ] about scanner x, y, z.',
  geometry:
    'ImageGeometry as in server/imaging/image.ts: voxel (i, j, k) lies at ' +
    'origin + direction·diag(spacing)·[i, j, k]; k = 0 is the most inferior slice; ' +
    'instance number = slices − k.',
  volumes:
    'voxelVolumeMl counts CT voxels whose centre lies in the lesion (exactly the SEG ' +
    'segment); analyticVolumeMl integrates the model surface.',
  diameters:
    'longAxisMm: largest Feret diameter of the analytic cross-section over all CT slice ' +
    "planes; shortAxisMm: that cross-section's extent perpendicular to it.",
  suv:
    'SUVbw = decoded PET value (Bq/ml) × weight[g] / ' +
    '(dose[Bq] × 2^(−(seriesStart − injection)/halfLife)); suvMax and suvMean are over ' +
    'PET voxels whose centre lies in the lesion, noise included.',
  units: 'ADC 10^-6 mm²/s; Ktrans 1/min; volumes ml; lengths mm; weights kg; heights m.',
  segments:
    'Segment numbers and labels are dealt in a fresh random order at every timepoint; ' +
    'only lesionId is stable.',
  sharedFrame:
    'All series of a timepoint (CT, PET, SEG, MR maps, FMISO) share one pose and ' +
    'Frame of Reference.',
};

/** The conventions when the MR maps are written in a session of their own. */
export const SEPARATE_MR_CONVENTIONS: Record<string, string> = {
  ...CONVENTIONS,
  sharedFrame:
    'The CT, PET, SEG and FMISO series of a timepoint share one pose and Frame of ' +
    'Reference; the MR maps do not (see mrFrame).',
  mrFrame:
    "The MR maps (ADC, Ktrans) of a timepoint form a study of their own on the CT's date, " +
    'with their own Frame of Reference and pose, given in timepoints[].mrSession ' +
    '(p_mr = rotation · q_baseline + translationMm).',
};
