/**
 * parseDicom: bytes of one file to a normalised, checked DicomInstance, or a
 * DicomRejection saying in one line why the file cannot be used.
 */
import { createHash } from 'node:crypto';
import type { DataSet } from 'dicom-parser';
import { checkLengths } from './check-lengths';
import { readContrastBolus } from './contrast-fields';
import { frameDecoder } from './decode-frame';
import { readFunctionalGroups } from './functional-groups';
import { readCommonHeader } from './header';
import type { DicomInstance } from './instance';
import { readMrFields } from './mr-fields';
import { readPetFields } from './pet-fields';
import { checkNativeLength, readPixelLayout, type PixelLayout } from './pixel-layout';
import { readDataSet } from './read-dataset';
import { DicomRejection } from './rejection';
import { readSegFields } from './seg-fields';
import { checkSopClass, PARAMETRIC_MAP_UID, SEG_UID } from './sop-class';
import {
  IMPLICIT_LITTLE_ENDIAN,
  lookupTransferSyntax,
  type TransferSyntax,
} from './transfer-syntax';
import { text } from './values';

function transferSyntaxOf(ds: DataSet, source: string): TransferSyntax {
  const uid = text(ds, 'x00020010') ?? IMPLICIT_LITTLE_ENDIAN;
  const syntax = lookupTransferSyntax(uid);
  if (syntax === undefined) {
    throw new DicomRejection(
      'UNSUPPORTED_TRANSFER_SYNTAX',
      source,
      `transfer syntax ${uid} is unknown; re-export the series as Explicit VR Little Endian.`,
    );
  }
  if (syntax.encoding === null) throw unsupportedSyntax(syntax.name, source);

  return syntax;
}

function unsupportedSyntax(name: string, source: string): DicomRejection {
  return new DicomRejection(
    'UNSUPPORTED_TRANSFER_SYNTAX',
    source,
    `${name} is not supported: re-export the series uncompressed or with a lossless codec ` +
      '(RLE, JPEG-LS, JPEG 2000).',
  );
}

/**
 * libjpeg-turbo here is the 8-bit build; 12-bit JPEG Extended needs a 12-bit build of
 * the codec, which is not installed, so such files are refused by name.
 */
function checkCodecReach(syntax: TransferSyntax, layout: PixelLayout, source: string): void {
  if (syntax.encoding === 'jpeg-8bit' && layout.bitsStored > 8) {
    const process = syntax.uid.endsWith('.51') ? 'JPEG Extended 12-bit' : `${syntax.name} 12-bit`;
    throw unsupportedSyntax(process, source);
  }
  if (syntax.encoding === 'native' && layout.kind === 'integer') checkNativeLength(layout, source);
  if (syntax.encoding !== 'native' && layout.element.encapsulatedPixelData !== true) {
    throw new DicomRejection(
      'BAD_VALUE',
      source,
      `${syntax.name} requires encapsulated Pixel Data but the file stores it natively.`,
    );
  }
}

function requireLayout(ds: DataSet, source: string): PixelLayout {
  const layout = readPixelLayout(ds, source);
  if (layout === undefined) {
    throw new DicomRejection('NO_PIXEL_DATA', source, 'the file has no Pixel Data to read.');
  }

  return layout;
}

export function parseDicom(input: Uint8Array, source: string): DicomInstance {
  // A Node Buffer's slice() is a view, not a copy; decoders slice freely, so work on
  // a plain Uint8Array over the same bytes.
  const bytes = new Uint8Array(input.buffer, input.byteOffset, input.byteLength);
  const { dataSet: ds, withoutFileMeta } = readDataSet(bytes, source);
  checkLengths(ds, source);
  const sopClassUid = text(ds, 'x00080016') ?? text(ds, 'x00020002');
  const sopClassName = checkSopClass(sopClassUid, source);
  const syntax = transferSyntaxOf(ds, source);
  const layout = requireLayout(ds, source);
  if (layout.kind !== 'integer') checkNativeLength(layout, source);
  checkCodecReach(syntax, layout, source);

  const modality = text(ds, 'x00080060');
  const frameGroups = readFunctionalGroups(ds, layout.frames, source);
  const contrastBolus = readContrastBolus(ds);

  return {
    source,
    contentSha256: createHash('sha256').update(bytes).digest('hex'),
    withoutFileMeta,
    sopClassUid: sopClassUid!,
    sopClassName,
    transferSyntaxUid: syntax.uid,
    transferSyntaxName: syntax.name,
    ...readCommonHeader(ds),
    rows: layout.rows,
    columns: layout.columns,
    frames: layout.frames,
    bitsAllocated: layout.bitsAllocated,
    bitsStored: layout.bitsStored,
    pixelRepresentation: layout.pixelRepresentation,
    photometricInterpretation: layout.photometric,
    samplesPerPixel: layout.samplesPerPixel,
    sampleKind: layout.kind,
    ...(modality === 'PT' && { pet: readPetFields(ds) }),
    ...((modality === 'MR' || sopClassUid === PARAMETRIC_MAP_UID) && { mr: readMrFields(ds) }),
    ...(contrastBolus && { contrastBolus }),
    ...(sopClassUid === SEG_UID && { seg: readSegFields(ds) }),
    ...(frameGroups && { frameGroups }),
    decodeFrame: frameDecoder(ds, layout, syntax, source),
  };
}
