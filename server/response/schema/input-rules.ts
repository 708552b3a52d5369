import type { z } from 'zod';

import { hottestLesion } from '../percist/measurability';
import type { PercistInput, RecistInput } from './input';

/**
 * Rules that span fields, reported against the field a person has to fix. Shape errors
 * are zod's; these run only when the shape is right.
 */

type Ctx = z.RefinementCtx;
type Path = (string | number)[];

function fail(ctx: Ctx, path: Path, message: string): void {
  ctx.addIssue({ code: 'custom', path, message });
}

function checkDates(dates: string[], ctx: Ctx): void {
  dates.forEach((date, i) => {
    const previous = dates[i - 1];
    if (previous !== undefined && date <= previous) {
      fail(
        ctx,
        ['timepoints', i, 'date'],
        `${date} is not after the previous assessment (${previous}); list timepoints oldest first`,
      );
    }
  });
}

function checkUniqueIds(ids: string[], path: Path, ctx: Ctx): void {
  const seen = new Set<string>();
  ids.forEach((id, i) => {
    if (seen.has(id)) fail(ctx, [...path, i, 'id'], `"${id}" appears twice; ids must be unique`);
    seen.add(id);
  });
}

function checkKnownIds(ids: string[], known: Set<string>, path: Path, what: string, ctx: Ctx) {
  ids.forEach((id, i) => {
    if (!known.has(id)) {
      const hint = 'list new lesions under newLesions';
      fail(ctx, [...path, i, 'id'], `"${id}" is not a baseline ${what}; ${hint}`);
    }
  });
}

type RecistPoint = RecistInput['timepoints'][number];

function checkBaseline(baseline: RecistPoint, ctx: Ctx): void {
  const at: Path = ['timepoints', 0];
  if (baseline.targets.length === 0 && baseline.nonTargets.length === 0) {
    fail(ctx, [...at, 'targets'], 'the baseline needs at least one target or non-target lesion');
  }
  baseline.targets.forEach((target, i) => {
    if (target.diameterMm === undefined || target.tooSmall || target.notEvaluated) {
      const message = 'every baseline target needs a measured diameter';
      fail(ctx, [...at, 'targets', i, 'diameterMm'], message);
    }
  });
  const targetIds = new Set(baseline.targets.map((t) => t.id));
  baseline.nonTargets.forEach((nonTarget, i) => {
    if (targetIds.has(nonTarget.id)) {
      fail(ctx, [...at, 'nonTargets', i, 'id'], `"${nonTarget.id}" is already a target`);
    }
    if (nonTarget.status !== 'present') {
      fail(ctx, [...at, 'nonTargets', i, 'status'], 'a baseline non-target must be "present"');
    }
  });
  if (baseline.newLesions.length > 0) {
    const message = 'the baseline cannot have new lesions; list them as targets or non-targets';
    fail(ctx, [...at, 'newLesions'], message);
  }
}

function checkFollowUp(point: RecistPoint, index: number, baseline: RecistPoint, ctx: Ctx) {
  const at: Path = ['timepoints', index];
  const targetIds = new Set(baseline.targets.map((t) => t.id));
  const nonTargetIds = new Set(baseline.nonTargets.map((t) => t.id));
  const ids = (list: { id: string }[]) => list.map((l) => l.id);
  checkKnownIds(ids(point.targets), targetIds, [...at, 'targets'], 'target', ctx);
  checkKnownIds(ids(point.nonTargets), nonTargetIds, [...at, 'nonTargets'], 'non-target', ctx);

  point.targets.forEach((target, i) => {
    if (target.diameterMm === undefined && !target.tooSmall && !target.notEvaluated) {
      const message = 'expected a number (or set tooSmall or notEvaluated)';
      fail(ctx, [...at, 'targets', i, 'diameterMm'], message);
    }
  });
  point.newLesions.forEach((lesion, i) => {
    if (lesion.node && lesion.shortAxisMm === undefined && lesion.diameterMm === undefined) {
      const message = 'a new lymph node needs its short axis (it counts from 10 mm)';
      fail(ctx, [...at, 'newLesions', i, 'shortAxisMm'], message);
    }
  });
}

export function addRecistRules(input: RecistInput, ctx: Ctx): void {
  const [baseline, ...followUps] = input.timepoints;
  if (!baseline) return;

  checkDates(input.timepoints.map((t) => t.date), ctx);
  input.timepoints.forEach((point, i) => {
    const at: Path = ['timepoints', i];
    checkUniqueIds(point.targets.map((l) => l.id), [...at, 'targets'], ctx);
    checkUniqueIds(point.nonTargets.map((l) => l.id), [...at, 'nonTargets'], ctx);
    checkUniqueIds(point.newLesions.map((l) => l.id), [...at, 'newLesions'], ctx);
  });
  checkBaseline(baseline, ctx);
  followUps.forEach((point, i) => checkFollowUp(point, i + 1, baseline, ctx));
}

type PercistPoint = PercistInput['timepoints'][number];

function checkPercistBaseline(baseline: PercistPoint, ctx: Ctx): void {
  const at: Path = ['timepoints', 0];
  if (baseline.lesions.length === 0) {
    const message = 'the baseline needs at least one lesion with its SULpeak';
    fail(ctx, [...at, 'lesions'], message);
  }
  if (baseline.newLesions.length > 0) {
    const message = 'the baseline cannot have new lesions; list them under lesions';
    fail(ctx, [...at, 'newLesions'], message);
  }
  const hottest = hottestLesion(baseline);
  baseline.nonTargets.forEach((nonTarget, i) => {
    if (nonTarget.id === hottest?.id) {
      const message = `"${nonTarget.id}" is the hottest baseline lesion, PERCIST's target`;
      fail(ctx, [...at, 'nonTargets', i, 'id'], message);
    }
    if (nonTarget.status !== 'present') {
      fail(ctx, [...at, 'nonTargets', i, 'status'], 'a baseline non-target must be "present"');
    }
  });
}

export function addPercistRules(input: PercistInput, ctx: Ctx): void {
  const [baseline] = input.timepoints;
  if (!baseline) return;

  checkDates(input.timepoints.map((t) => t.date), ctx);
  checkPercistBaseline(baseline, ctx);
  const known = new Set(baseline.lesions.map((l) => l.id));
  const nonTargets = new Set(baseline.nonTargets.map((l) => l.id));
  input.timepoints.forEach((point, i) => {
    const at: Path = ['timepoints', i];
    checkUniqueIds(point.lesions.map((l) => l.id), [...at, 'lesions'], ctx);
    checkUniqueIds(point.nonTargets.map((l) => l.id), [...at, 'nonTargets'], ctx);
    checkUniqueIds(point.newLesions.map((l) => l.id), [...at, 'newLesions'], ctx);
    if (i === 0) return;

    checkKnownIds(point.lesions.map((l) => l.id), known, [...at, 'lesions'], 'lesion', ctx);
    const ids = point.nonTargets.map((l) => l.id);
    checkKnownIds(ids, nonTargets, [...at, 'nonTargets'], 'non-target', ctx);
  });
}
