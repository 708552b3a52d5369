/** CT Image Storage: int16 stored values, HU = stored − 1024. */
import type { DicomDataset } from './encoder';
import type { Quantised } from './volume-series';

export const CT_RESCALE_INTERCEPT = -1024;

export const CT_ELEMENTS: DicomDataset = {
  ImageType: ['ORIGINAL', 'PRIMARY', 'AXIAL'],
  KVP: 120,
  AcquisitionNumber: 1,
  ConvolutionKernel: 'STANDARD',
  RescaleIntercept: CT_RESCALE_INTERCEPT,
  RescaleSlope: 1,
  RescaleType: 'HU',
  WindowCenter: 40,
  WindowWidth: 400,
  PixelRepresentation: 1,
};

export function quantiseCt(hu: Float64Array): Quantised {
  const pixels = new Int16Array(hu.length);
  const decoded = new Float64Array(hu.length);
  for (let n = 0; n < hu.length; n++) {
    const stored = Math.max(-32768, Math.min(32767, Math.round(hu[n]!) - CT_RESCALE_INTERCEPT));
    pixels[n] = stored;
    decoded[n] = stored + CT_RESCALE_INTERCEPT;
  }

  return { pixels, elements: {}, decoded };
}
