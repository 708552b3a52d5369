/**
 * The compressed bytes of one frame of encapsulated Pixel Data. Frames are found by the
 * Basic Offset Table when present, else one fragment per frame, else by the codestream
 * start markers that begin each frame (JPEG SOI, JPEG 2000 SOC).
 *
 * The Extended Offset Table (7FE0,0001) is not read; multi-frame RLE files that rely on it
 * instead of a Basic Offset Table or one fragment per frame cannot be split into frames.
 */
import type { DataSet, Fragment } from 'dicom-parser';
import type { PixelLayout } from './pixel-layout';

function fragmentBytes(ds: DataSet, fragment: Fragment): Uint8Array {
  return ds.byteArray.subarray(fragment.position, fragment.position + fragment.length);
}

function startsCodestream(bytes: Uint8Array): boolean {
  return bytes[0] === 0xff && (bytes[1] === 0xd8 || bytes[1] === 0x4f);
}

function groupByOffsets(fragments: Fragment[], offsets: number[]): Fragment[][] {
  return offsets.map((offset, i) => {
    const next = offsets[i + 1] ?? Number.POSITIVE_INFINITY;

    return fragments.filter((f) => f.offset >= offset && f.offset < next);
  });
}

function groupByMarkers(ds: DataSet, layout: PixelLayout, fragments: Fragment[]): Fragment[][] {
  const groups: Fragment[][] = [];
  for (const fragment of fragments) {
    const last = groups.at(-1);
    if (last === undefined || startsCodestream(fragmentBytes(ds, fragment))) {
      groups.push([fragment]);
    } else {
      last.push(fragment);
    }
  }

  return groups;
}

function frameGroups(ds: DataSet, layout: PixelLayout): Fragment[][] {
  const fragments = layout.element.fragments ?? [];
  const offsets = layout.element.basicOffsetTable ?? [];
  if (layout.frames === 1) return [fragments];
  if (offsets.length === layout.frames) return groupByOffsets(fragments, offsets);
  if (fragments.length === layout.frames) return fragments.map((f) => [f]);

  return groupByMarkers(ds, layout, fragments);
}

/** Concatenated fragments of frame `index`, or undefined when the frame cannot be found. */
export function encapsulatedFrame(
  ds: DataSet,
  layout: PixelLayout,
  index: number,
): Uint8Array | undefined {
  const group = frameGroups(ds, layout)[index];
  if (group === undefined || group.length === 0) return undefined;
  if (group.length === 1) return fragmentBytes(ds, group[0]!);

  const total = group.reduce((sum, f) => sum + f.length, 0);
  const out = new Uint8Array(total);
  let at = 0;
  for (const fragment of group) {
    out.set(fragmentBytes(ds, fragment), at);
    at += fragment.length;
  }

  return out;
}
