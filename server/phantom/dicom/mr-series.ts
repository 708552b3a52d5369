/**
 * MR parametric maps stored as MR Image Storage, as scanners export them: an ADC map
 * in 10⁻⁶ mm²/s stored directly as uint16, and a DCE Ktrans map in 1/min stored as
 * uint16 with RescaleSlope 0.0001. ImageType and SeriesDescription name the map.
 */
import type { DicomDataset } from './encoder';
import type { Quantised } from './volume-series';

export const KTRANS_SLOPE = 0.0001;

export const ADC_ELEMENTS: DicomDataset = {
  ImageType: ['DERIVED', 'PRIMARY', 'DIFFUSION', 'ADC'],
  ImageComments: 'ADC map, units 10^-6 mm2/s',
  ScanningSequence: 'EP',
  SequenceVariant: ['SK', 'SP'],
  ScanOptions: 'FS',
  MRAcquisitionType: '2D',
  RepetitionTime: 4000,
  EchoTime: 70,
  EchoTrainLength: 1,
  MagneticFieldStrength: 1.5,
  PixelRepresentation: 0,
};

export const KTRANS_ELEMENTS: DicomDataset = {
  ImageType: ['DERIVED', 'PRIMARY', 'PERFUSION', 'KTRANS'],
  ImageComments: 'DCE Ktrans map (Tofts), units 1/min = stored value x RescaleSlope',
  ScanningSequence: 'GR',
  SequenceVariant: 'SP',
  ScanOptions: '',
  MRAcquisitionType: '3D',
  RepetitionTime: 4,
  EchoTime: 1.5,
  EchoTrainLength: 1,
  MagneticFieldStrength: 1.5,
  PixelRepresentation: 0,
  RescaleIntercept: 0,
  RescaleSlope: KTRANS_SLOPE,
};

/** Stores round(value / slope) as uint16 (clamped to 0-65535). */
export function quantiseUint16(values: Float64Array, slope: number): Quantised {
  const pixels = new Uint16Array(values.length);
  const decoded = new Float64Array(values.length);
  for (let n = 0; n < values.length; n++) {
    const stored = Math.max(0, Math.min(65535, Math.round(values[n]! / slope)));
    pixels[n] = stored;
    decoded[n] = stored * slope;
  }

  return { pixels, elements: {}, decoded };
}
