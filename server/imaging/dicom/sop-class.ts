/**
 * Which SOP classes carry images Hallmark reads. Everything else is refused by name so a
 * user knows what was skipped; RTSTRUCT gets its own message because contours are on the
 * roadmap and people will ask for them.
 */
import { DicomRejection } from './rejection';

const IMAGE_CLASSES = new Map<string, string>([
  ['1.2.840.10008.5.1.4.1.1.2', 'CT Image Storage'],
  ['1.2.840.10008.5.1.4.1.1.2.1', 'Enhanced CT Image Storage'],
  ['1.2.840.10008.5.1.4.1.1.4', 'MR Image Storage'],
  ['1.2.840.10008.5.1.4.1.1.4.1', 'Enhanced MR Image Storage'],
  ['1.2.840.10008.5.1.4.1.1.128', 'Positron Emission Tomography Image Storage'],
  ['1.2.840.10008.5.1.4.1.1.130', 'Enhanced PET Image Storage'],
  ['1.2.840.10008.5.1.4.1.1.66.4', 'Segmentation Storage'],
  ['1.2.840.10008.5.1.4.1.1.30', 'Parametric Map Storage'],
  ['1.2.840.10008.5.1.4.1.1.20', 'Nuclear Medicine Image Storage'],
  ['1.2.840.10008.5.1.4.1.1.481.2', 'RT Dose Storage'],
  ['1.2.840.10008.5.1.4.1.1.7', 'Secondary Capture Image Storage'],
  ['1.2.840.10008.5.1.4.1.1.7.2', 'Multi-frame Grayscale Byte Secondary Capture Image Storage'],
  ['1.2.840.10008.5.1.4.1.1.7.3', 'Multi-frame Grayscale Word Secondary Capture Image Storage'],
  ['1.2.840.10008.5.1.4.1.1.6.1', 'Ultrasound Image Storage'],
  ['1.2.840.10008.5.1.4.1.1.3.1', 'Ultrasound Multi-frame Image Storage'],
]);

const KNOWN_NON_IMAGES = new Map<string, string>([
  ['1.2.840.10008.5.1.4.1.1.481.5', 'RT Plan'],
  ['1.2.840.10008.5.1.4.1.1.481.1', 'RT Image'],
  ['1.2.840.10008.5.1.4.1.1.481.4', 'RT Beams Treatment Record'],
  ['1.2.840.10008.5.1.4.1.1.11.1', 'Grayscale Softcopy Presentation State'],
  ['1.2.840.10008.5.1.4.1.1.66', 'Raw Data'],
  ['1.2.840.10008.5.1.4.1.1.66.1', 'Spatial Registration'],
  ['1.2.840.10008.5.1.4.1.1.66.3', 'Deformable Spatial Registration'],
  ['1.2.840.10008.5.1.4.1.1.104.1', 'Encapsulated PDF'],
  ['1.2.840.10008.5.1.4.1.1.88.11', 'Basic Text SR'],
  ['1.2.840.10008.5.1.4.1.1.88.22', 'Enhanced SR'],
  ['1.2.840.10008.5.1.4.1.1.88.33', 'Comprehensive SR'],
  ['1.2.840.10008.5.1.4.1.1.88.59', 'Key Object Selection'],
]);

export const RTSTRUCT_UID = '1.2.840.10008.5.1.4.1.1.481.3';
export const SEG_UID = '1.2.840.10008.5.1.4.1.1.66.4';
export const PARAMETRIC_MAP_UID = '1.2.840.10008.5.1.4.1.1.30';

/** The SOP class name, or a rejection saying what the file is and what to send instead. */
export function checkSopClass(uid: string | undefined, source: string): string {
  const name = uid === undefined ? undefined : IMAGE_CLASSES.get(uid);
  if (name !== undefined) return name;

  if (uid === RTSTRUCT_UID) {
    throw new DicomRejection(
      'RTSTRUCT',
      source,
      'RTSTRUCT is not supported yet: contours cannot be imported; ' +
        'export the structures as a DICOM SEG or a NIfTI mask instead.',
    );
  }
  const what = uid === undefined ? 'no SOP Class UID' : (KNOWN_NON_IMAGES.get(uid) ?? uid);
  throw new DicomRejection(
    'UNSUPPORTED_SOP_CLASS',
    source,
    `SOP class ${what} is not an image Hallmark reads; ` +
      'send CT, MR, PET, SEG or parametric map series.',
  );
}
