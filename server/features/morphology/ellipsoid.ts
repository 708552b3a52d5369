/** Terms of the Legendre series for the ellipsoid surface (IBSI uses 20). */
const SERIES_TERMS = 20;

/**
 * Surface area of an ellipsoid with semi-axes a >= b >= c, by the Legendre series the IBSI
 * manual gives. The series runs on (alpha beta)^n P_n(x) directly, which stays finite when
 * alpha beta goes to 0 (a sphere) although P_n(x) alone would not.
 */
export function ellipsoidArea(a: number, b: number, c: number): number {
  const alpha = Math.sqrt(Math.max(0, 1 - (b * b) / (a * a)));
  const beta = Math.sqrt(Math.max(0, 1 - (c * c) / (a * a)));
  const t = alpha * beta;
  const tx = (alpha * alpha + beta * beta) / 2;
  let previous = 1;
  let current = tx;
  let sum = previous + current / (1 - 4);
  for (let n = 1; n < SERIES_TERMS; n++) {
    const next = ((2 * n + 1) * tx * current - n * t * t * previous) / (n + 1);
    [previous, current] = [current, next];
    sum += current / (1 - 4 * (n + 1) ** 2);
  }

  return 4 * Math.PI * a * b * sum;
}
