/**
 * Repeatability limits shared by several catalogue entries, with their sources. A
 * 'working-assumption' entry is not a published figure for that metric; it says why the
 * number was chosen so it can be replaced when a test-retest study is at hand.
 */
import type { Repeatability } from './catalogue-types';

const assumed = (
  relative: number | null,
  absolute: number | null,
  source: string,
): Repeatability => ({
  relativePercent: relative === null ? null : { decrease: relative, increase: relative },
  absolute,
  basis: 'working-assumption',
  source,
});

export const REPEATABILITY = {
  ctVolume: {
    relativePercent: { decrease: 12.1, increase: 13.4 },
    absolute: null,
    basis: 'published',
    source:
      'Zhao et al., Radiology 2009;252:263 (RIDER same-day repeat CT, computer-aided ' +
      'volume, 95% limits of agreement)',
  },
  growthRate: assumed(
    null,
    0.002,
    'Propagated from the RIDER volume limits: ln(1.134) over a 60-day interval',
  ),
  doublingTime: assumed(30, null, 'Follows the growth-rate limit for typical intervals'),
  fdgSuvMax: {
    relativePercent: { decrease: 25, increase: 33 },
    absolute: null,
    basis: 'published',
    source: 'Lodge, J Nucl Med 2017;58:523 (review of FDG SUV test-retest, wCV about 10%)',
  },
  fdgSuvMean: {
    relativePercent: { decrease: 20, increase: 20 },
    absolute: 1.2,
    basis: 'published',
    source: 'de Langen et al., J Nucl Med 2012;53:701 (meta-analysis: 20% and 1.2 SUV)',
  },
  sulPeak: {
    relativePercent: { decrease: 30, increase: 30 },
    absolute: 0.8,
    basis: 'published',
    source:
      'PERCIST 1.0, Wahl et al., J Nucl Med 2009;50:122S (30% and 0.8 SUL; a response ' +
      'criterion chosen to exceed test-retest noise)',
  },
  fltSuvMax: assumed(25, null, 'FDG SUVmax limits (Lodge 2017) applied to FLT'),
  metabolicVolume: assumed(
    30,
    null,
    'Order of the MTV test-retest limits reported for FDG; not read from one study',
  ),
  ktransMean: {
    relativePercent: { decrease: 45, increase: 83 },
    absolute: null,
    basis: 'published',
    source:
      'Galbraith et al., NMR Biomed 2002;15:132 (single tumour limits as recalled from ' +
      'the abstract; check before clinical use)',
  },
  ctEnhancement: assumed(
    25,
    10,
    'No test-retest limit for lesion enhancement adopted; it moves with contrast dose, rate ' +
      'and scan delay. 10 HU is where renal-mass criteria start to consider enhancement ' +
      '(Bosniak 2019: 10-19 HU equivocal, 20 HU or more enhancing)',
  ),
  ktransPercentile: assumed(45, null, 'Ktrans mean limits (Galbraith 2002) applied'),
  adcMean: {
    relativePercent: { decrease: 27, increase: 27 },
    absolute: null,
    basis: 'published',
    source: 'QIBA DWI profile, Boss et al., Radiology 2024 (liver and prostate lesions)',
  },
  fraction: assumed(null, 0.1, 'Ten percentage points of the lesion volume'),
  fmisoTbr: assumed(20, null, 'About twice the SUV wCV; no FMISO TBR limit adopted yet'),
  shape: assumed(10, null, 'Mesh sphericity on 1-5 mm voxels varies by a few percent'),
  texture: assumed(
    25,
    null,
    'Texture test-retest varies widely by feature and preset; no single figure applies',
  ),
  newLesions: assumed(
    null,
    1,
    'One unequivocal new lesion is progression under RECIST 1.1 and PERCIST',
  ),
  liverSulMean: {
    relativePercent: { decrease: 20, increase: 20 },
    absolute: 0.3,
    basis: 'published',
    source: 'PERCIST 1.0 (Wahl 2009): liver SUL within 20% and 0.3 SUL for comparable scans',
  },
  liverSulSd: assumed(30, null, 'Noise in a 3 cm sphere; no published limit adopted'),
} satisfies Record<string, Repeatability>;
