/**
 * Moran's I and Geary's C over all voxel pairs, weighted by inverse distance in mm. This
 * is quadratic in the voxel count; the engine skips it above a configured size.
 */
export function spatialAutocorrelation(positionsMm: Float64Array, values: Float64Array):
  { moranI: number; gearyC: number } {
  const n = values.length;
  let mean = 0;
  for (const x of values) mean += x;
  mean /= n;
  let sumSq = 0;
  for (const x of values) sumSq += (x - mean) ** 2;
  let weights = 0;
  let moran = 0;
  let geary = 0;
  for (let k = 0; k < n; k++) {
    const [xk, yk, zk] = [positionsMm[3 * k]!, positionsMm[3 * k + 1]!, positionsMm[3 * k + 2]!];
    const dk = values[k]! - mean;
    for (let l = k + 1; l < n; l++) {
      const dx = xk - positionsMm[3 * l]!;
      const dy = yk - positionsMm[3 * l + 1]!;
      const dz = zk - positionsMm[3 * l + 2]!;
      const w = 1 / Math.sqrt(dx * dx + dy * dy + dz * dz);
      const dl = values[l]! - mean;
      weights += w;
      moran += w * dk * dl;
      geary += w * (dk - dl) ** 2;
    }
  }
  if (sumSq === 0) return { moranI: 1, gearyC: 1 };

  return {
    moranI: (n / weights) * (moran / sumSq),
    gearyC: ((n - 1) / (2 * weights)) * (geary / sumSq),
  };
}
