/**
 * The elastix parameter maps Hallmark registers with: a rigid (Euler) stage, then an
 * affine stage started from it, both multi-resolution with a smoothing pyramid and
 * Mattes mutual information. Mutual information rather than correlation because a
 * follow-up may differ in contrast phase, which shifts organ HU but not the body.
 *
 * Elastix composes the stages as T(p) = T_affine(T_rigid(p)), p in the fixed image.
 */

export type ParameterMap = Record<string, string[]>;

export type Stage = 'rigid' | 'affine';

export interface ParameterMapOptions {
  /** Pyramid levels; each halves the smoothing scale of the one before. */
  numberOfResolutions?: number;
  iterationsPerResolution?: number;
  /** Random samples per iteration of the stochastic optimiser. */
  spatialSamples?: number;
  /** How the rigid stage starts: centre of intensity mass, image centres, or as is. */
  initialization?: 'centerOfGravity' | 'geometricalCenter' | 'none';
  stages?: Stage[];
  /** Extra keys merged into every map last (for experiments and failure tests). */
  overrides?: ParameterMap;
}

export const DEFAULT_MAP_OPTIONS = {
  numberOfResolutions: 3,
  iterationsPerResolution: 250,
  spatialSamples: 2048,
  initialization: 'centerOfGravity',
  stages: ['rigid', 'affine'],
  overrides: {},
} as const satisfies Required<ParameterMapOptions>;

function commonMap(options: Required<ParameterMapOptions>): ParameterMap {
  return {
    Registration: ['MultiResolutionRegistration'],
    Metric: ['AdvancedMattesMutualInformation'],
    NumberOfHistogramBins: ['32'],
    Optimizer: ['AdaptiveStochasticGradientDescent'],
    AutomaticParameterEstimation: ['true'],
    AutomaticScalesEstimation: ['true'],
    ImageSampler: ['RandomCoordinate'],
    NewSamplesEveryIteration: ['true'],
    CheckNumberOfSamples: ['true'],
    NumberOfSpatialSamples: [String(options.spatialSamples)],
    MaximumNumberOfSamplingAttempts: ['8'],
    NumberOfResolutions: [String(options.numberOfResolutions)],
    MaximumNumberOfIterations: [String(options.iterationsPerResolution)],
    FixedImagePyramid: ['FixedSmoothingImagePyramid'],
    MovingImagePyramid: ['MovingSmoothingImagePyramid'],
    Interpolator: ['LinearInterpolator'],
    // B-spline of order 1 is linear; Debian's elastix build lacks FinalLinearInterpolator.
    ResampleInterpolator: ['FinalBSplineInterpolator'],
    FinalBSplineInterpolationOrder: ['1'],
    Resampler: ['DefaultResampler'],
    DefaultPixelValue: ['0'],
    HowToCombineTransforms: ['Compose'],
    // Hallmark resamples with its own code; elastix's result image is not needed.
    WriteResultImage: ['false'],
    ResultImageFormat: ['mha'],
  };
}

const INITIALIZATION_METHOD = {
  centerOfGravity: 'CenterOfGravity',
  geometricalCenter: 'GeometricalCenter',
} as const;

function stageMap(stage: Stage, options: Required<ParameterMapOptions>): ParameterMap {
  const map = commonMap(options);
  map.Transform = [stage === 'rigid' ? 'EulerTransform' : 'AffineTransform'];
  if (stage === 'rigid' && options.initialization !== 'none') {
    map.AutomaticTransformInitialization = ['true'];
    map.AutomaticTransformInitializationMethod = [
      INITIALIZATION_METHOD[options.initialization],
    ];
  }

  return { ...map, ...options.overrides };
}

export function buildParameterMaps(options: ParameterMapOptions = {}): ParameterMap[] {
  const merged = { ...DEFAULT_MAP_OPTIONS, ...options } as Required<ParameterMapOptions>;
  if (merged.stages.length === 0) {
    throw new Error('Registration needs at least one stage (rigid or affine).');
  }

  return merged.stages.map((stage) => stageMap(stage, merged));
}

/** Iterations the maps ask for in total (the optimiser runs each level to its maximum). */
export function configuredIterations(maps: ParameterMap[]): number {
  return maps.reduce((sum, map) => {
    const levels = Number(map.NumberOfResolutions?.[0] ?? 1);

    return sum + levels * Number(map.MaximumNumberOfIterations?.[0] ?? 0);
  }, 0);
}

/** The text format the elastix command line reads: `(Key "value" ...)` per line. */
export function toParameterFileText(map: ParameterMap): string {
  const quote = (v: string) => (/^-?\d+(\.\d+)?(e-?\d+)?$/i.test(v) ? v : `"${v}"`);

  return Object.entries(map)
    .map(([key, values]) => `(${key} ${values.map(quote).join(' ')})`)
    .join('\n');
}
