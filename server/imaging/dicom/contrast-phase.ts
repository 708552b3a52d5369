/**
 * Whether a CT was taken with intravenous contrast, for pairing an enhanced and an
 * unenhanced scan of one session. Absence of the Contrast/Bolus elements proves nothing
 * (many exports drop them), so without a positive sign either way the phase is unknown.
 *
 * Order of the evidence: a series description that says the scan is unenhanced comes
 * first, because some scanners copy the exam's contrast agent into every series of the
 * exam, the pre-contrast one included; then any Contrast/Bolus element with a value; then
 * a description that names an enhanced phase.
 */
import type { ContrastBolusFields } from './contrast-fields';
import type { DicomInstance } from './instance';

export type ContrastPhase = 'enhanced' | 'unenhanced';

export interface ContrastPhaseDecision {
  phase: ContrastPhase | null;
  reason: string;
}

// Letters-only boundaries, as in classify.ts: vendors join words with '_' or '-'.
const UNENHANCED = new RegExp(
  [
    'non[-_ ]?(contrast|con|enhanced|ce)',
    'un[-_ ]?enhanced',
    'without (iv |i\\.v\\. )?(contrast|con)',
    'w/?o (iv )?(contrast|con)',
    'sans (contraste|injection|inj)',
    'sin contraste',
    'senza contrasto',
    'ohne (km|kontrast)',
    'pre[-_ ]?(contrast|con|inj)',
    'nect',
    'ncct',
    'nativ(e)?',
  ]
    .map((p) => `(?<![a-z])(${p})(?![a-z])`)
    .join('|'),
  'i',
);

const ENHANCED = new RegExp(
  [
    'post[-_ ]?(contrast|con|inj)',
    'contrast[-_ ]enhanced',
    'with (iv )?contrast',
    'w/ ?(iv )?contrast',
    'avec (contraste|injection)',
    'mit (km|kontrast)',
    'cect',
    'arterial',
    'portal[-_ ]?venous',
    'venous phase',
    'nephrographic',
  ]
    .map((p) => `(?<![a-z])(${p})(?![a-z])`)
    .join('|'),
  'i',
);

/** An exam described as both phases says nothing about this series. */
const BOTH = /with\s*(and|&|\/)\s*without/i;

/** Free-text values that mean "nothing was given" rather than naming an agent. */
const NOTHING = /^(none|no|nil|n\/?a|not applicable|no contrast|-+|0)$/i;
const ORAL_ONLY = /^(oral|po|per os|rectal)$/i;

const meaningful = (value: string | undefined) =>
  value !== undefined && !NOTHING.test(value.trim()) ? value.trim() : undefined;

/** The first Contrast/Bolus element that says contrast was given, in words. */
function contrastEvidence(c: ContrastBolusFields | undefined): string | undefined {
  if (!c) return undefined;
  const agent = meaningful(c.agent);
  if (agent) return `Contrast/Bolus Agent '${agent}'`;
  const route = meaningful(c.route);
  if (route) return `Contrast/Bolus Route '${route}'`;
  if (c.volumeMl !== undefined && c.volumeMl > 0) return `Contrast/Bolus Volume ${c.volumeMl} ml`;
  const start = meaningful(c.startTime);
  if (start) return `Contrast/Bolus Start Time ${start}`;

  return undefined;
}

function decide(instance: Pick<DicomInstance, 'contrastBolus' | 'series'>): ContrastPhaseDecision {
  const described = instance.series.description ?? '';
  const description = BOTH.test(described) ? '' : described;
  const saysUnenhanced = UNENHANCED.exec(description)?.[0];
  const saysEnhanced = ENHANCED.exec(description)?.[0];
  const evidence = contrastEvidence(instance.contrastBolus);
  if (saysUnenhanced && !saysEnhanced) {
    const despite = evidence ? ` (${evidence} taken as the exam's, not this series')` : '';

    return { phase: 'unenhanced', reason: `Described as '${saysUnenhanced}'${despite}.` };
  }
  if (evidence && ORAL_ONLY.test(instance.contrastBolus?.route?.trim() ?? '')) {
    return { phase: null, reason: `${evidence}, by mouth only: no intravenous enhancement.` };
  }
  if (evidence) return { phase: 'enhanced', reason: `${evidence}.` };
  if (saysEnhanced && !saysUnenhanced) {
    return { phase: 'enhanced', reason: `Described as '${saysEnhanced}'.` };
  }

  return { phase: null, reason: 'No contrast agent recorded and no phase in the description.' };
}

/** The contrast phase of a CT series from one of its instances; null phase for other kinds. */
export function contrastPhaseOf(
  instance: Pick<DicomInstance, 'modality' | 'contrastBolus' | 'series'>,
): ContrastPhaseDecision {
  if (instance.modality !== 'CT') return { phase: null, reason: 'Not a CT series.' };

  return decide(instance);
}
