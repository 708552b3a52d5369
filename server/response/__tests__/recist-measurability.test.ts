import { describe, expect, it } from 'vitest';

import { classifyLesion, minimumDiameterMm } from '../recist/measurability';
import { suggestTargets } from '../recist/target-selection';

describe('RECIST 1.1 measurability', () => {
  it('needs a longest diameter of at least 10 mm', () => {
    expect(classifyLesion({ node: false, diameterMm: 10 }).kind).toBe('measurable');
    expect(classifyLesion({ node: false, diameterMm: 9.9 }).kind).toBe('non-measurable');
  });

  it('raises the minimum to twice the slice thickness for thick slices', () => {
    // 2 x 7 mm = 14 mm, above the 10 mm floor; 2 x 4 mm = 8 mm stays at 10 mm.
    expect(minimumDiameterMm(7)).toBe(14);
    expect(minimumDiameterMm(4)).toBe(10);
    expect(classifyLesion({ node: false, diameterMm: 12, sliceThicknessMm: 7 }).kind).toBe(
      'non-measurable',
    );
    expect(classifyLesion({ node: false, diameterMm: 14, sliceThicknessMm: 7 }).reason).toBe(
      'longest diameter 14 mm >= 14 mm (the larger of 10 mm and twice the 7 mm slice)',
    );
  });

  it('classes nodes by short axis: < 10 normal, 10 to < 15 non-target, >= 15 target', () => {
    expect(classifyLesion({ node: true, diameterMm: 9.9 }).kind).toBe('normal node');
    expect(classifyLesion({ node: true, diameterMm: 10 }).kind).toBe('non-measurable');
    expect(classifyLesion({ node: true, diameterMm: 14.9 }).kind).toBe('non-measurable');
    expect(classifyLesion({ node: true, diameterMm: 15 }).kind).toBe('measurable');
  });
});

describe('baseline target selection', () => {
  it('takes the largest first, at most 2 per organ and 5 in all, nodes as one organ', () => {
    const suggestion = suggestTargets([
      { id: 'liver-1', organ: 'liver', node: false, diameterMm: 50 },
      { id: 'liver-2', organ: 'Liver', node: false, diameterMm: 40 },
      { id: 'liver-3', organ: 'liver', node: false, diameterMm: 30 },
      { id: 'node-neck', organ: 'neck', node: true, diameterMm: 25 },
      { id: 'node-chest', organ: 'mediastinum', node: true, diameterMm: 20 },
      { id: 'node-pelvis', organ: 'pelvis', node: true, diameterMm: 18 },
      { id: 'lung-1', organ: 'lung', node: false, diameterMm: 15 },
      { id: 'bone-1', organ: 'bone', node: false, diameterMm: 12 },
      { id: 'adrenal-1', organ: 'adrenal', node: false, diameterMm: 11 },
      { id: 'small', organ: 'lung', node: false, diameterMm: 8 },
      { id: 'node-mid', organ: 'axilla', node: true, diameterMm: 12 },
      { id: 'node-normal', organ: 'axilla', node: true, diameterMm: 7 },
    ]);

    // liver-3 is the third liver lesion, node-pelvis the third node ("lymph nodes" organ);
    // after liver-1, liver-2, node-neck, node-chest and lung-1 the five places are full.
    expect(suggestion.targets).toEqual(['liver-1', 'liver-2', 'node-neck', 'node-chest', 'lung-1']);
    expect(suggestion.nonTargets).toEqual([
      'liver-3',
      'node-pelvis',
      'bone-1',
      'node-mid',
      'adrenal-1',
      'small',
    ]);
    expect(suggestion.normalNodes).toEqual(['node-normal']);
    expect(suggestion.trace).toContain('liver-3: non-target, liver already has 2 targets');
    expect(suggestion.trace).toContain(
      'node-pelvis: non-target, lymph nodes already has 2 targets',
    );
    expect(suggestion.trace).toContain('bone-1: non-target, already 5 targets');
  });
});
