/**
 * DICOM Segmentation (binary, 1 bit per pixel, frames packed back to back, LSB first)
 * on the CT grid. One frame per segment per CT slice the segment touches; each frame
 * names its source CT instance, its plane position and its segment.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { ImageGeometry } from '@/server/imaging/image';
import { sliceZ } from '../grids';
import type { Organ } from '../organs';
import type { DicomDataset } from './encoder';
import { encodePart10 } from './encoder';
import { SOP_CLASS } from './modules';

export interface SegSegment {
  segmentNumber: number;
  label: string;
  /** Written as the segment's Anatomic Region: readers take organ and node status from it. */
  organ: Organ;
  /** Packed frames by CT slice k. */
  frames: Map<number, Uint8Array>;
}

export interface SegSpec {
  file: string;
  geometry: ImageGeometry;
  shared: DicomDataset;
  sopInstanceUid: string;
  dimensionOrganizationUid: string;
  ctSeriesUid: string;
  /** CT SOP Instance UIDs by slice k. */
  ctInstanceUids: string[];
  segments: SegSegment[];
}

const code = (value: string, scheme: string, meaning: string) => ({
  CodeValue: value,
  CodingSchemeDesignator: scheme,
  CodeMeaning: meaning,
});

/** SNOMED CT body structures, as DICOM CID 4031 (Common Anatomic Regions) lists them. */
const ANATOMIC_REGION: Record<Organ, [string, string]> = {
  lung: ['39607008', 'Lung'],
  liver: ['10200004', 'Liver'],
  'lymph-node': ['59441001', 'Lymph node'],
  bone: ['272673000', 'Bone'],
  'soft-tissue': ['87784001', 'Soft tissue'],
};

function segmentItem(segment: SegSegment): DicomDataset {
  const [regionCode, regionMeaning] = ANATOMIC_REGION[segment.organ];

  return {
    SegmentNumber: segment.segmentNumber,
    SegmentLabel: segment.label,
    SegmentAlgorithmType: 'MANUAL',
    SegmentedPropertyCategoryCodeSequence: [
      code('49755003', 'SCT', 'Morphologically Altered Structure'),
    ],
    SegmentedPropertyTypeCodeSequence: [code('108369006', 'SCT', 'Neoplasm')],
    AnatomicRegionSequence: [code(regionCode, 'SCT', regionMeaning)],
  };
}

function frameItem(spec: SegSpec, segmentNumber: number, k: number): DicomDataset {
  const { geometry } = spec;

  return {
    DerivationImageSequence: [
      {
        SourceImageSequence: [
          {
            ReferencedSOPClassUID: SOP_CLASS.ct,
            ReferencedSOPInstanceUID: spec.ctInstanceUids[k]!,
            PurposeOfReferenceCodeSequence: [
              code('121322', 'DCM', 'Source image for image processing operation'),
            ],
          },
        ],
        DerivationCodeSequence: [code('113076', 'DCM', 'Segmentation')],
      },
    ],
    FrameContentSequence: [{ DimensionIndexValues: [segmentNumber, k + 1] }],
    PlanePositionSequence: [
      { ImagePositionPatient: [geometry.originMm[0], geometry.originMm[1], sliceZ(geometry, k)] },
    ],
    SegmentIdentificationSequence: [{ ReferencedSegmentNumber: segmentNumber }],
  };
}

function dimensions(uid: string): DicomDataset {
  return {
    DimensionOrganizationSequence: [{ DimensionOrganizationUID: uid }],
    DimensionIndexSequence: [
      {
        DimensionOrganizationUID: uid,
        DimensionIndexPointer: 0x0062000b,
        FunctionalGroupPointer: 0x0062000a,
        DimensionDescriptionLabel: 'ReferencedSegmentNumber',
      },
      {
        DimensionOrganizationUID: uid,
        DimensionIndexPointer: 0x00200032,
        FunctionalGroupPointer: 0x00209113,
        DimensionDescriptionLabel: 'ImagePositionPatient',
      },
    ],
  };
}

export async function writeSeg(spec: SegSpec): Promise<void> {
  const { geometry } = spec;
  const [columns, rows] = geometry.size;
  if ((columns * rows) % 8 !== 0)
    throw new Error('SEG frames must hold a multiple of 8 pixels on this grid.');

  const ordered = [...spec.segments].sort((a, b) => a.segmentNumber - b.segmentNumber);
  const frames = ordered.flatMap((s) =>
    [...s.frames.keys()].sort((a, b) => a - b).map((k) => ({ s, k })),
  );
  const dataset: DicomDataset = {
    ...spec.shared,
    ...dimensions(spec.dimensionOrganizationUid),
    SOPClassUID: SOP_CLASS.seg,
    SOPInstanceUID: spec.sopInstanceUid,
    InstanceNumber: 1,
    ImageType: ['DERIVED', 'PRIMARY'],
    ContentLabel: 'LESIONS',
    ContentDescription: 'Lesions present at this timepoint',
    ContentCreatorName: 'PHANTOM^GENERATOR',
    SegmentationType: 'BINARY',
    SamplesPerPixel: 1,
    PhotometricInterpretation: 'MONOCHROME2',
    Rows: rows,
    Columns: columns,
    BitsAllocated: 1,
    BitsStored: 1,
    HighBit: 0,
    PixelRepresentation: 0,
    LossyImageCompression: '00',
    NumberOfFrames: frames.length,
    SegmentSequence: ordered.map(segmentItem),
    SharedFunctionalGroupsSequence: [
      {
        PlaneOrientationSequence: [{ ImageOrientationPatient: [1, 0, 0, 0, 1, 0] }],
        PixelMeasuresSequence: [
          {
            PixelSpacing: [geometry.spacingMm[1], geometry.spacingMm[0]],
            SliceThickness: geometry.spacingMm[2],
            SpacingBetweenSlices: geometry.spacingMm[2],
          },
        ],
      },
    ],
    PerFrameFunctionalGroupsSequence: frames.map(({ s, k }) => frameItem(spec, s.segmentNumber, k)),
    ReferencedSeriesSequence: [
      {
        SeriesInstanceUID: spec.ctSeriesUid,
        ReferencedInstanceSequence: spec.ctInstanceUids.map((uid) => ({
          ReferencedSOPClassUID: SOP_CLASS.ct,
          ReferencedSOPInstanceUID: uid,
        })),
      },
    ],
    PixelData: Buffer.concat(frames.map(({ s, k }) => s.frames.get(k)!)),
  };
  await mkdir(path.dirname(spec.file), { recursive: true });
  await writeFile(spec.file, encodePart10(dataset));
}
