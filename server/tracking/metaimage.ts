/**
 * Minimal MetaImage (.mha) writer for the registration benchmark: a text header and the
 * raw float32 voxels, i fastest. MetaImage keeps ITK's LPS geometry as is.
 */
import { writeFileSync } from 'node:fs';
import type { ImageVolume } from '../server/imaging/image';

export function writeMha(filePath: string, volume: ImageVolume): void {
  const data = Float32Array.from(volume.data);
  // TransformMatrix is the direction matrix written column by column (ITK's reader
  // fills it row-major from the transpose); identity here, so either reads the same.
  const columns = [0, 1, 2].flatMap((c) => [0, 1, 2].map((r) => volume.direction[r * 3 + c]));
  const header = [
    'ObjectType = Image',
    'NDims = 3',
    'BinaryData = True',
    'BinaryDataByteOrderMSB = False',
    `TransformMatrix = ${columns.join(' ')}`,
    `Offset = ${volume.originMm.join(' ')}`,
    `ElementSpacing = ${volume.spacingMm.join(' ')}`,
    `DimSize = ${volume.size.join(' ')}`,
    'ElementType = MET_FLOAT',
    'ElementDataFile = LOCAL',
    '',
  ].join('\n');
  const bytes = new Uint8Array(data.buffer, data.byteOffset, data.byteLength);
  writeFileSync(filePath, Buffer.concat([Buffer.from(header, 'latin1'), bytes]));
}
