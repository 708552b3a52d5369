/** Eigenvalues of a symmetric 3x3 matrix, largest first (closed-form trigonometric). */
export function symmetricEigenvalues(m: {
  xx: number; yy: number; zz: number; xy: number; xz: number; yz: number;
}): [number, number, number] {
  const off = m.xy * m.xy + m.xz * m.xz + m.yz * m.yz;
  if (off === 0) {
    const sorted = [m.xx, m.yy, m.zz].sort((a, b) => b - a);

    return [sorted[0]!, sorted[1]!, sorted[2]!];
  }
  const q = (m.xx + m.yy + m.zz) / 3;
  const p = Math.sqrt(((m.xx - q) ** 2 + (m.yy - q) ** 2 + (m.zz - q) ** 2 + 2 * off) / 6);
  const [a, b, c] = [(m.xx - q) / p, (m.yy - q) / p, (m.zz - q) / p];
  const [d, e, f] = [m.xy / p, m.xz / p, m.yz / p];
  const det = a * (b * c - f * f) - d * (d * c - f * e) + e * (d * f - b * e);
  const phi = Math.acos(Math.min(1, Math.max(-1, det / 2))) / 3;
  const largest = q + 2 * p * Math.cos(phi);
  const smallest = q + 2 * p * Math.cos(phi + (2 * Math.PI) / 3);

  return [largest, 3 * q - largest - smallest, smallest];
}

/** Eigenvalues of the sample covariance of voxel-centre positions in mm. */
export function positionEigenvalues(mask: Uint8Array, size: readonly number[],
  spacingMm: readonly number[]): [number, number, number] {
  const [nx = 1, ny = 1] = size;
  const [sx = 1, sy = 1, sz = 1] = spacingMm;
  let n = 0;
  const s = new Float64Array(9);
  const [nz = 1] = [size[2]];
  for (let zi = 0, v = 0; zi < nz; zi++) {
    for (let yi = 0; yi < ny; yi++) {
      for (let xi = 0; xi < nx; xi++, v++) {
        if (!mask[v]) continue;

        const [x, y, z] = [xi * sx, yi * sy, zi * sz];
        n++;
        s[0]! += x; s[1]! += y; s[2]! += z;
        s[3]! += x * x; s[4]! += y * y; s[5]! += z * z;
        s[6]! += x * y; s[7]! += x * z; s[8]! += y * z;
      }
    }
  }
  const [mx, my, mz] = [s[0]! / n, s[1]! / n, s[2]! / n];
  // Sample covariance (n - 1), which the IBSI reference axis lengths are computed with.
  const c = (sum: number, a: number, b: number) => (sum - n * a * b) / (n - 1);

  return symmetricEigenvalues({
    xx: c(s[3]!, mx, mx), yy: c(s[4]!, my, my), zz: c(s[5]!, mz, mz),
    xy: c(s[6]!, mx, my), xz: c(s[7]!, mx, mz), yz: c(s[8]!, my, mz),
  });
}
