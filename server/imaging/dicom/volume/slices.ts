/**
 * Every instance (or every frame of an enhanced multi-frame instance) as one slice
 * record with its own position, orientation, spacing and rescale, so that assembly never
 * has to care where a slice came from.
 */
import type { Vec3 } from '../../image';
import type { DicomInstance, FramePixels } from '../instance';
import { DicomRejection } from '../rejection';

export type Orientation = [number, number, number, number, number, number];

export interface SliceRecord {
  source: string;
  positionMm: Vec3;
  orientation: Orientation;
  /** DICOM order: [between rows, between columns]. */
  pixelSpacingMm: [number, number];
  rows: number;
  columns: number;
  slope: number;
  intercept: number;
  isFloat: boolean;
  frameOfReferenceUid?: string;
  read(): FramePixels;
}

function missing(source: string, what: string): DicomRejection {
  return new DicomRejection(
    'BAD_GEOMETRY',
    source,
    `${what} is missing, so the slice cannot be placed in space; ` +
      'this series cannot be assembled into a volume.',
  );
}

function fromSingleFrame(instance: DicomInstance): SliceRecord {
  const { source } = instance;
  if (!instance.imagePositionPatient) throw missing(source, 'Image Position (Patient)');
  if (!instance.imageOrientationPatient) throw missing(source, 'Image Orientation (Patient)');
  if (!instance.pixelSpacingMm) throw missing(source, 'Pixel Spacing');

  return {
    source,
    positionMm: instance.imagePositionPatient,
    orientation: instance.imageOrientationPatient,
    pixelSpacingMm: instance.pixelSpacingMm,
    rows: instance.rows,
    columns: instance.columns,
    slope: instance.rescaleSlope ?? 1,
    intercept: instance.rescaleIntercept ?? 0,
    isFloat: instance.sampleKind !== 'integer',
    frameOfReferenceUid: instance.frameOfReferenceUid,
    read: () => instance.decodeFrame(0),
  };
}

function fromFrames(instance: DicomInstance): SliceRecord[] {
  const groups = instance.frameGroups ?? [];

  return groups.map((group, index) => {
    const source = `${instance.source} frame ${index + 1}`;
    const position = group.imagePositionPatient ?? instance.imagePositionPatient;
    const orientation = group.imageOrientationPatient ?? instance.imageOrientationPatient;
    const spacing = group.pixelSpacingMm ?? instance.pixelSpacingMm;
    if (!position) throw missing(source, 'Plane Position');
    if (!orientation) throw missing(source, 'Plane Orientation');
    if (!spacing) throw missing(source, 'Pixel Measures');

    return {
      source,
      positionMm: position,
      orientation,
      pixelSpacingMm: spacing,
      rows: instance.rows,
      columns: instance.columns,
      slope: group.rescaleSlope ?? instance.rescaleSlope ?? 1,
      intercept: group.rescaleIntercept ?? instance.rescaleIntercept ?? 0,
      isFloat: instance.sampleKind !== 'integer',
      frameOfReferenceUid: instance.frameOfReferenceUid,
      read: () => instance.decodeFrame(index),
    };
  });
}

/** Colour series are refused: measurement volumes are grey; a luminance conversion is missing. */
export function toSlices(instances: DicomInstance[]): SliceRecord[] {
  return instances.flatMap((instance) => {
    if (instance.samplesPerPixel !== 1) {
      throw new DicomRejection(
        'INCONSISTENT_SERIES',
        instance.source,
        `colour images (${instance.photometricInterpretation}) cannot form a measurement volume.`,
      );
    }

    if (instance.frameGroups) return fromFrames(instance);
    if (instance.frames > 1) {
      throw new DicomRejection(
        'BAD_GEOMETRY',
        instance.source,
        `${instance.frames} frames without per-frame positions (no functional groups); ` +
          'this kind of multi-frame object is not assembled into a volume.',
      );
    }

    return [fromSingleFrame(instance)];
  });
}
