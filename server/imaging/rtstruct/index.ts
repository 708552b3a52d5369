/** RT Structure Sets: read named ROIs with their contours, and rasterise one on an image grid. */
export { readRtStruct } from './read';
export { rasteriseRoi } from './rasterise';
export type { RtContour, RtRoi, RtStructureSet } from './types';
