/**
 * Which series of a timepoint need registering to its CT, and in what groups. A series
 * that shares the CT's Frame of Reference (the PET of a PET/CT) needs nothing: scanner
 * coordinates already agree. Every other imaged series does; those sharing a frame with
 * one another (the maps of one MR session) form a group that one registration serves.
 * A series without a Frame of Reference is a group of its own, since nothing ties it
 * to any other.
 */

export interface FrameCandidate {
  seriesId: string;
  frameOfReferenceUid: string | null;
  /** A CT goes first: CT to CT pairs HU with HU, firmer than mutual information across
   * modalities (the low-dose CT of a PET/CT session pins its PET better than the PET). */
  modality: string;
  /** Then more slices first: the larger acquisition is usually the diagnostic one. */
  instanceCount: number;
}

export interface FrameGroup<T extends FrameCandidate> {
  frameOfReferenceUid: string | null;
  /** In the order to try registering them; the first success serves the group. */
  members: T[];
}

export function seriesToRegister<T extends FrameCandidate>(
  ct: { seriesId: string; frameOfReferenceUid: string | null },
  imaged: T[],
): FrameGroup<T>[] {
  const others = imaged.filter((s) => s.seriesId !== ct.seriesId &&
    (s.frameOfReferenceUid === null || s.frameOfReferenceUid !== ct.frameOfReferenceUid));
  const groups = new Map<string, FrameGroup<T>>();
  for (const s of others) {
    const key = s.frameOfReferenceUid ?? `series:${s.seriesId}`;
    const group = groups.get(key) ?? { frameOfReferenceUid: s.frameOfReferenceUid, members: [] };
    group.members.push(s);
    groups.set(key, group);
  }

  return [...groups.values()].map((g) => ({
    ...g, members: [...g.members].sort((a, b) =>
      Number(b.modality === 'CT') - Number(a.modality === 'CT') ||
      b.instanceCount - a.instanceCount),
  }));
}
