/**
 * Every clinical threshold the signals use, in one place, each with where it comes from.
 * Changing one changes the signal's meaning: bump SIGNALS_ENGINE_VERSION when you do.
 */

/** MTV boundary at 41% of SUVmax: EANM tumour imaging guideline v2 (Boellaard 2015). */
export const MTV_FRACTION_OF_MAX = 0.41;

/** Fixed MTV boundary at SUV 2.5: the common absolute threshold of FDG volumetry. */
export const MTV_ABSOLUTE_SUV = 2.5;

/**
 * Ktrans above which a voxel counts as enhancing. Working assumption: about twice the
 * Ktrans of resting muscle (0.02-0.06 /min in DCE studies) so muscle-like voxels stay out.
 */
export const ENHANCING_KTRANS_PER_MIN = 0.1;

/**
 * ADC below which a voxel counts as densely cellular, in 10⁻⁶ mm²/s. PI-RADS v2 gives
 * 750-900 for clinically significant prostate cancer; outside the prostate 800 is a
 * working assumption.
 */
export const LOW_ADC_UM2_PER_S = 800;

/** FMISO tumour-to-blood ratio above which tissue is hypoxic (Rasey et al. 1996). */
export const HYPOXIC_TBR = 1.4;

/** PERCIST liver reference: a 3 cm diameter sphere in the right lobe (Wahl et al. 2009). */
export const LIVER_SPHERE_RADIUS_MM = 15;

/** Soft-tissue window in which the liver is searched for on CT. */
export const LIVER_HU_RANGE: [number, number] = [30, 100];

/**
 * CT enhancement reads each scan inside the lesion mask eroded by one voxel, and needs at
 * least this many voxels left on each scan. Working assumption: with CT noise of 10-20 HU
 * per voxel, fewer inner voxels would leave the mean at the mercy of one voxel.
 */
export const ENHANCEMENT_MIN_INNER_VOXELS = 4;
