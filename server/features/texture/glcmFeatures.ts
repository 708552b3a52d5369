import type { NamedValue } from '../types';
import type { Glcm } from './glcm';

function entropyOf(p: Float64Array): number {
  let h = 0;
  for (const x of p) if (x > 0) h -= x * Math.log2(x);

  return h;
}

function meanAndVariance(p: Float64Array, offset: number): [number, number] {
  let mean = 0;
  for (let k = 0; k < p.length; k++) mean += (k + offset) * (p[k] ?? 0);
  let variance = 0;
  for (let k = 0; k < p.length; k++) variance += (k + offset - mean) ** 2 * (p[k] ?? 0);

  return [mean, variance];
}

/** Normalised matrix, marginal, and the diagonal (|i-j|) and cross-diagonal (i+j) sums. */
function distributions(m: Glcm) {
  const { ng, counts } = m;
  let total = 0;
  for (const c of counts) total += c;
  const p = counts.map((c) => c / total);
  const marginal = new Float64Array(ng);
  const diff = new Float64Array(ng);
  const sum = new Float64Array(2 * ng - 1);
  for (let i = 0; i < ng; i++) {
    for (let j = 0; j < ng; j++) {
      const pij = p[i * ng + j] ?? 0;
      marginal[i]! += pij;
      diff[Math.abs(i - j)]! += pij;
      sum[i + j]! += pij;
    }
  }

  return { p, marginal, diff, sum };
}

/** Sums over the joint distribution, with 1-based grey levels i and j. */
function jointSums(m: Glcm, p: Float64Array, marginal: Float64Array, mu: number) {
  const ng = m.ng;
  const s = { max: 0, varJ: 0, energy: 0, contrast: 0, dissim: 0, invDiff: 0, invDiffNorm: 0,
    invMom: 0, invMomNorm: 0, auto: 0, tend: 0, shade: 0, prom: 0, hxy1: 0, hxy2: 0 };
  for (let a = 0; a < ng; a++) {
    for (let b = 0; b < ng; b++) {
      const pij = p[a * ng + b] ?? 0;
      const pp = (marginal[a] ?? 0) * (marginal[b] ?? 0);
      if (pp > 0) s.hxy2 -= pp * Math.log2(pp);
      if (pij === 0) continue;

      const [i, j] = [a + 1, b + 1];
      const d = Math.abs(i - j);
      const c = i + j - 2 * mu;
      s.max = Math.max(s.max, pij);
      s.varJ += (i - mu) ** 2 * pij;
      s.energy += pij * pij;
      s.contrast += d * d * pij;
      s.dissim += d * pij;
      s.invDiff += pij / (1 + d);
      s.invDiffNorm += pij / (1 + d / ng);
      s.invMom += pij / (1 + d * d);
      s.invMomNorm += pij / (1 + (d * d) / (ng * ng));
      s.auto += i * j * pij;
      s.tend += c * c * pij;
      s.shade += c * c * c * pij;
      s.prom += c * c * c * c * pij;
      s.hxy1 -= pij * Math.log2(pp);
    }
  }

  return s;
}

/** The 25 IBSI co-occurrence features of one (possibly merged) matrix. */
export function glcmFeatures(m: Glcm): NamedValue[] {
  const { p, marginal, diff, sum } = distributions(m);
  const [mu, varMarginal] = meanAndVariance(marginal, 1);
  const s = jointSums(m, p, marginal, mu);
  const [diffAvg, diffVar] = meanAndVariance(diff, 0);
  const [sumAvg, sumVar] = meanAndVariance(sum, 2);
  const hxy = entropyOf(p);
  const hx = entropyOf(marginal);
  let invVar = 0;
  for (let k = 1; k < diff.length; k++) invVar += (diff[k] ?? 0) / (k * k);
  const corr = varMarginal > 0 ? (s.auto - mu * mu) / varMarginal : 0;

  const values: [string, number][] = [
    ['joint.max', s.max], ['joint.avg', mu], ['joint.var', s.varJ], ['joint.entr', hxy],
    ['diff.avg', diffAvg], ['diff.var', diffVar], ['diff.entr', entropyOf(diff)],
    ['sum.avg', sumAvg], ['sum.var', sumVar], ['sum.entr', entropyOf(sum)],
    ['energy', s.energy], ['contrast', s.contrast], ['dissimilarity', s.dissim],
    ['inv.diff', s.invDiff], ['inv.diff.norm', s.invDiffNorm], ['inv.diff.mom', s.invMom],
    ['inv.diff.mom.norm', s.invMomNorm], ['inv.var', invVar], ['corr', corr],
    ['auto.corr', s.auto], ['clust.tend', s.tend], ['clust.shade', s.shade],
    ['clust.prom', s.prom],
    ['info.corr.1', hx > 0 ? (hxy - s.hxy1) / hx : 0],
    ['info.corr.2', Math.sqrt(Math.max(0, 1 - Math.exp(-2 * (s.hxy2 - hxy))))],
  ];

  return values.map(([name, value]) => ({ name: `cm.${name}`, value }));
}
