/**
 * A MetaImage (.mha) writer: a text header and the raw float32 voxels, i fastest. It is
 * how the native elastix command is handed an image; MetaImage keeps ITK's LPS geometry
 * (origin, spacing, direction) as it is.
 */
import { writeFile } from 'node:fs/promises';

import type { ImageVolume } from '../imaging/image';

export async function writeMha(filePath: string, volume: ImageVolume): Promise<void> {
  const data = Float32Array.from(volume.data);
  // TransformMatrix is the direction matrix written column by column: ITK reads it
  // row-major into the transpose of what it stores.
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
  await writeFile(filePath, Buffer.concat([Buffer.from(header, 'latin1'), bytes]));
}
