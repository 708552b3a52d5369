/**
 * Typed readings of the NRRD header fields Hallmark understands. Anything else that
 * would change how voxels map to patient space is refused by name rather than ignored.
 */
import type { Vec3 } from '@/server/imaging/image';
import type { VoxelEncoding } from '@/server/imaging/nifti/datatypes';
import { AppError } from '@/server/lib/errors';

function unsupported(what: string, userMessage: string): AppError {
  return new AppError('UNSUPPORTED', `NRRD ${what} is not supported.`, { userMessage });
}

type Voxel = VoxelEncoding;

const voxel = (source: Voxel['source'], bytes: number, pixelType: Voxel['pixelType']) => ({
  source,
  bytes,
  pixelType,
});

const VOXEL_TYPES: [string[], Voxel][] = [
  [['uchar', 'unsigned char', 'uint8', 'uint8_t'], voxel('uint8', 1, 'uint8')],
  [['signed char', 'int8', 'int8_t'], voxel('int8', 1, 'int16')],
  [
    ['short', 'short int', 'signed short', 'signed short int', 'int16', 'int16_t'],
    voxel('int16', 2, 'int16'),
  ],
  [
    ['ushort', 'unsigned short', 'unsigned short int', 'uint16', 'uint16_t'],
    voxel('uint16', 2, 'uint16'),
  ],
  [['int', 'signed int', 'int32', 'int32_t'], voxel('int32', 4, 'int32')],
  [['uint', 'unsigned int', 'uint32', 'uint32_t'], voxel('uint32', 4, 'float64')],
  [['float'], voxel('float32', 4, 'float32')],
  [['double'], voxel('float64', 8, 'float64')],
];

/** int8 widens to int16 and uint32 to float64; 64-bit integers and "block" are refused. */
export function voxelType(name: string | undefined): Voxel {
  const found = VOXEL_TYPES.find(([names]) => names.includes(name ?? ''));
  if (found) return found[1];

  throw unsupported(
    `type "${name ?? '(missing)'}"`,
    'Convert the NRRD to an integer or float image of at most 32 bits.',
  );
}

/** ascii, hex, bzip2 and zstd encodings are refused; each would need its own decoder. */
export type Encoding = 'raw' | 'gzip';

export function encoding(name: string | undefined): Encoding {
  if (name === 'raw') return 'raw';
  if (name === 'gzip' || name === 'gz') return 'gzip';

  const shown = name ?? '(missing)';
  throw unsupported(`encoding "${shown}"`, 'Save the NRRD with raw or gzip encoding.');
}

/** "little" or "big"; single-byte types may leave it out. */
export function littleEndian(name: string | undefined, bytesPerVoxel: number): boolean {
  if (name === 'little' || (name === undefined && bytesPerVoxel === 1)) return true;
  if (name === 'big') return false;

  throw new AppError('BAD_INPUT', `NRRD endian "${name ?? '(missing)'}" is invalid.`, {
    userMessage: 'The NRRD header needs "endian: little" or "endian: big"; re-export it.',
  });
}

/**
 * Sign flips that take each named space to LPS. Only the three patient spaces that are
 * axis flips of LPS are handled; scanner-xyz and the 3D-*-handed spaces have no patient
 * meaning, and the time-varying spaces are 4-D.
 */
const TO_LPS: Record<string, Vec3> = {
  'left-posterior-superior': [1, 1, 1],
  lps: [1, 1, 1],
  'right-anterior-superior': [-1, -1, 1],
  ras: [-1, -1, 1],
  'left-anterior-superior': [1, -1, 1],
  las: [1, -1, 1],
};

export function spaceToLps(name: string | undefined): Vec3 {
  const flips = TO_LPS[(name ?? '').toLowerCase()];
  if (flips) return flips;

  throw unsupported(
    `space "${name ?? '(missing)'}"`,
    'Save the NRRD in a patient space (left-posterior-superior or right-anterior-superior).',
  );
}

/** Parses "(x,y,z)"; a non-spatial axis ("none") cannot occur in a 3-D patient volume. */
export function vector(text: string, field: string): Vec3 {
  const match = /^\(([^)]*)\)$/.exec(text.trim());
  const values = (match?.[1] ?? '').split(',').map(Number);
  if (values.length !== 3 || values.some((v) => !Number.isFinite(v))) {
    throw new AppError('BAD_INPUT', `NRRD ${field} "${text}" is not a 3-vector.`, {
      userMessage: `The NRRD ${field} must be three numbers like (1,0,0); re-export the file.`,
    });
  }

  return values as Vec3;
}

export function vectors(text: string, field: string): Vec3[] {
  return text.trim().split(/\s+/).map((part) => vector(part, field));
}

export function positiveIntegers(text: string | undefined, field: string, count: number) {
  const values = (text ?? '').trim().split(/\s+/).map(Number);
  if (values.length !== count || values.some((v) => !Number.isInteger(v) || v < 1)) {
    throw new AppError('BAD_INPUT', `NRRD ${field} "${text ?? ''}" is invalid.`, {
      userMessage: `The NRRD ${field} field needs ${count} positive whole numbers; re-export.`,
    });
  }

  return values;
}
