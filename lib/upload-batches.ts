/**
 * Splits files into upload batches: few enough requests to be quick, small enough
 * that one request never holds a large part of a big upload in memory.
 */
export function uploadBatches<T extends { size: number }>(
  files: T[],
  maxBytes = 16 * 1024 * 1024,
  maxFiles = 50,
): T[][] {
  const batches: T[][] = [];
  let current: T[] = [];
  let bytes = 0;
  for (const file of files) {
    if (current.length > 0 && (bytes + file.size > maxBytes || current.length >= maxFiles)) {
      batches.push(current);
      current = [];
      bytes = 0;
    }
    current.push(file);
    bytes += file.size;
  }
  if (current.length > 0) batches.push(current);

  return batches;
}
