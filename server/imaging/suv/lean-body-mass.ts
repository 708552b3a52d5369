/**
 * Lean body mass by Janmahasatian et al., Clin Pharmacokinet 2005;44(10):1051-65, the
 * formula PERCIST recommends for SUL:
 *   men:   LBM = 9270 x W / (6680 + 216 x BMI)
 *   women: LBM = 9270 x W / (8780 + 244 x BMI)
 * with W in kg and BMI = W / H² (H in m).
 */
import type { PetSuvMetadata } from './metadata';

/** Heights outside this band are a unit slip (cm for m) rather than a person. */
const HEIGHT_RANGE_M = [0.3, 2.5] as const;

export type LeanBodyMass = { kg: number } | { reason: string };

export function janmahasatianLbmKg(weightKg: number, heightM: number, sex: 'M' | 'F'): number {
  const bmi = weightKg / (heightM * heightM);

  const denominator = sex === 'M' ? 6680 + 216 * bmi : 8780 + 244 * bmi;

  return (9270 * weightKg) / denominator;
}

export function leanBodyMass(meta: PetSuvMetadata, weightKg: number): LeanBodyMass {
  const height = meta.PatientSize;
  const sex = meta.PatientSex?.trim().toUpperCase();
  if (height === undefined) return { reason: 'PatientSize is missing.' };
  if (height < HEIGHT_RANGE_M[0] || height > HEIGHT_RANGE_M[1]) {
    return { reason: `PatientSize ${height} m is outside 0.3-2.5 m.` };
  }
  if (sex !== 'M' && sex !== 'F') {
    return { reason: `PatientSex is ${sex ? `"${sex}"` : 'missing'}; the formula needs M or F.` };
  }

  return { kg: janmahasatianLbmKg(weightKg, height, sex) };
}
