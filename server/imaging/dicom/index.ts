/** The DICOM reading layer: parse, decode, assemble volumes, read SEG, classify series. */
export { parseDicom } from './parse';
export { DicomRejection, isDicomRejection, type DicomRejectionCode } from './rejection';
export type { DicomInstance, FramePixels, CodedConcept } from './instance';
export type { PetFields } from './pet-fields';
export type { MrFields, RealWorldValueMapping } from './mr-fields';
export type { SegFields, SegmentInfo } from './seg-fields';
export type { FrameFunctionalGroups } from './functional-groups';
export { loadCodecs } from './codecs/load';
export { MAX_PIXEL_BYTES } from './pixel-layout';
export { assembleVolume, type AssembledVolume, type AssemblyReport } from './volume/assemble';
export { readSegmentation, type SegmentMask } from './seg/read';
export { classifySeries, type SeriesClassification, type SeriesType } from './classify';
export type { Tracer } from './tracer';
