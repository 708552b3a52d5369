import { z } from 'zod';
import { FEATURE_FAMILIES } from './types';

/** Voxel spacing to resample to; a null axis keeps its spacing (2-D, in-plane only). */
const resamplingSchema = z.object({
  spacingMm: z.tuple([
    z.number().positive(),
    z.number().positive(),
    z.number().positive().nullable(),
  ]),
  interpolation: z.enum(['trilinear', 'tricubic']).default('trilinear'),
  roundIntensities: z.boolean().default(true),
  /** Interpolated mask values at or above this fraction stay in the ROI. */
  maskThreshold: z.number().min(0).max(1).default(0.5),
});

const resegmentationSchema = z.object({
  /** Intensities outside [min, max] leave the intensity mask; null leaves a side open. */
  range: z.tuple([z.number().nullable(), z.number().nullable()]).nullable().default(null),
  /** Drop intensities further than this many standard deviations from the mean. */
  outlierSigma: z.number().positive().nullable().default(null),
});

const fixedBinSize = z.object({
  method: z.literal('fixed-bin-size'),
  binSize: z.number().positive(),
  /** Lower edge of the first bin; defaults to the re-segmentation minimum, else the ROI minimum. */
  lowerBound: z.number().nullable().default(null),
});

const fixedBinNumber = z.object({
  method: z.literal('fixed-bin-number'),
  binCount: z.int().positive(),
});

const discretisationSchema = z.discriminatedUnion('method', [fixedBinSize, fixedBinNumber]);

/** The intensity-volume histogram either uses intensities as they are or re-bins them. */
const ivhSchema = z.discriminatedUnion('method', [
  z.object({ method: z.literal('none') }),
  fixedBinSize,
  fixedBinNumber,
]);

const textureSchema = z.object({
  /** Which IBSI aggregation groups to compute: per slice (2D, 2.5D) and/or volumetric (3D). */
  dimensions: z.array(z.enum(['2D', '2.5D', '3D'])).min(1).default(['3D']),
  /** Intensity difference up to which a neighbour counts as dependent (NGLDM alpha). */
  ngldmCoarseness: z.number().min(0).default(0),
});

export const featureSettingsSchema = z.object({
  families: z.array(z.enum(FEATURE_FAMILIES)).min(1).default([...FEATURE_FAMILIES]),
  resampling: resamplingSchema.nullable().default(null),
  resegmentation: resegmentationSchema.default({ range: null, outlierSigma: null }),
  discretisation: discretisationSchema.default({ method: 'fixed-bin-number', binCount: 32 }),
  ivh: ivhSchema.default({ method: 'none' }),
  texture: textureSchema.default({ dimensions: ['3D'], ngldmCoarseness: 0 }),
  /**
   * Moran's I and Geary's C compare every pair of voxels; above this many voxels they are
   * left out rather than stall the request.
   */
  autocorrelationMaxVoxels: z.int().min(0).default(20_000),
});

export type FeatureSettings = z.infer<typeof featureSettingsSchema>;
export type FeatureSettingsInput = z.input<typeof featureSettingsSchema>;
export type Discretisation = z.infer<typeof discretisationSchema>;
export type IvhDiscretisation = z.infer<typeof ivhSchema>;
export type TextureDimension = FeatureSettings['texture']['dimensions'][number];
