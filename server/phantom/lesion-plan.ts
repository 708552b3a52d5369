/**
 * Chooses a patient's lesions: the behaviours the cohort needs this patient to carry,
 * topped up from an arm-dependent mix to 2-6 lesions, each in an organ with room for it.
 * Organs already used are less likely to be picked again, so a patient's lesions
 * spread over lung, liver, nodes, bone and soft tissue.
 */
import type { Anatomy } from './anatomy';
import type { Behaviour } from './behaviour';
import { planCourse } from './behaviour';
import type { LesionModel, Placed, ResistantCore } from './lesions';
import { boundingOf, findPlace, findPlaceBeside, sampleShape } from './lesions';
import type { Organ } from './organs';
import { ORGAN_SPECS, ORGANS } from './organs';
import type { Arm } from './patient-plan';
import type { Rng } from './random';
import { intBetween, uniform } from './random';
import type { Vec3 } from '@/server/imaging/image';

export interface LesionPlanInput {
  patientId: string;
  anatomy: Anatomy;
  arm: Arm;
  required: Behaviour[];
  liverHu: number;
  timepoints: number;
}

const MAX_LESIONS = 6;

/** The experimental arm responds more often; the same kinds occur in both. */
const MIX: Record<Arm, Array<[Behaviour, number]>> = {
  A: [
    ['responding', 0.25],
    ['stable', 0.25],
    ['progressing', 0.3],
    ['new', 0.1],
    ['vanishing', 0.1],
  ],
  B: [
    ['responding', 0.45],
    ['stable', 0.2],
    ['progressing', 0.15],
    ['new', 0.1],
    ['vanishing', 0.1],
  ],
};

const ORGANS_FOR: Partial<Record<Behaviour, readonly Organ[]>> = {
  'resistant-core': ['liver', 'soft-tissue', 'lung'],
  'close-pair': ['liver', 'lung'],
};

function weighted<T>(rng: Rng, options: Array<[T, number]>): T {
  const total = options.reduce((sum, [, w]) => sum + w, 0);
  let draw = rng.next() * total;
  for (const [value, w] of options) {
    draw -= w;
    if (draw < 0) return value;
  }

  return options[options.length - 1]![0];
}

function behaviourList(rng: Rng, input: LesionPlanInput): Behaviour[] {
  const lesionsOf = (b: Behaviour) => (b === 'close-pair' ? 2 : 1);
  const list: Behaviour[] = [];
  let count = 0;
  for (const b of input.required) {
    if (count + lesionsOf(b) > MAX_LESIONS) continue;
    list.push(b);
    count += lesionsOf(b);
  }
  const target = Math.max(count, intBetween(rng, 2, MAX_LESIONS));
  while (count < target) {
    list.push(weighted(rng, MIX[input.arm]));
    count += 1;
  }

  return list;
}

function organOrder(rng: Rng, behaviour: Behaviour, used: Map<Organ, number>): Organ[] {
  const allowed = ORGANS_FOR[behaviour] ?? ORGANS;
  const options = allowed.map((o): [Organ, number] => [o, 1 / (1 + 3 * (used.get(o) ?? 0))]);
  const first = weighted(rng, options);

  return [first, ...allowed.filter((o) => o !== first)];
}

function baselineValues(rng: Rng, organ: Organ) {
  return {
    suvPeak: uniform(rng, ...ORGAN_SPECS[organ].suvPeak),
    adc: uniform(rng, 850, 1100),
    ktransPerMin: uniform(rng, 0.15, 0.3),
    fmisoSuv: uniform(rng, 1.3, 1.8),
  };
}

/**
 * The core must stay inside the rim at its smallest (size factor 0.6): the rim then
 * still holds a sphere of radius 0.6 · (smallest semi-axis) · (1 − edge amplitude).
 */
function resistantCore(rng: Rng, lesion: LesionModel): ResistantCore {
  const shape = lesion.shape;
  const inner = 0.6 * Math.min(...shape.semiAxesMm) * (1 - shape.edgeAmplitude);
  const offset = [uniform(rng, -1, 1), uniform(rng, -1, 1), uniform(rng, -1, 1)];
  const norm = Math.hypot(...offset) || 1;
  const centreMm = shape.centreMm.map((c, i) => c + (offset[i]! / norm) * 0.15 * inner) as Vec3;

  return {
    centreMm,
    radiusMm: 0.5 * inner,
    suvPeak: lesion.course.suvPeaks[0]! * 0.95,
    adc: uniform(rng, 600, 700),
    ktransPerMin: uniform(rng, 0.04, 0.06),
    fmisoSuv: uniform(rng, 2.6, 3.4),
  };
}

type Draft = Omit<LesionModel, 'id' | 'closeToId'>;

function draftLesion(rng: Rng, input: LesionPlanInput, behaviour: Behaviour, organ: Organ) {
  const large = behaviour === 'resistant-core' || behaviour === 'close-pair';
  const shape = { ...sampleShape(rng, organ, large), centreMm: [0, 0, 0] as Vec3 };
  const course = planCourse(behaviour, baselineValues(rng, organ), rng, input.timepoints);
  const hu = Math.round(uniform(rng, ...ORGAN_SPECS[organ].hu(input.liverHu)));

  return { organ, behaviour, shape, course, hu, core: null } satisfies Draft;
}

export function planLesions(rng: Rng, input: LesionPlanInput): LesionModel[] {
  const lesions: LesionModel[] = [];
  const used = new Map<Organ, number>();
  const placed = () =>
    lesions.map((l) => ({ centreMm: l.shape.centreMm, radiusMm: boundingOf(l.shape, l.course) }));
  const nextId = () => `${input.patientId}-L${lesions.length + 1}`;

  for (const behaviour of behaviourList(rng, input)) {
    for (const organ of organOrder(rng, behaviour, used)) {
      const first = draftLesion(rng, input, behaviour, organ);
      const centre = findPlace(
        rng,
        input.anatomy,
        organ,
        boundingOf(first.shape, first.course),
        placed(),
      );
      if (!centre) continue;

      const lesion: LesionModel = {
        ...first,
        id: nextId(),
        closeToId: null,
        shape: { ...first.shape, centreMm: centre },
      };
      if (behaviour === 'close-pair') {
        const partner = placePartner(rng, input, lesion, placed());
        if (!partner) continue;
        lesions.push(lesion, partner);
      } else {
        if (behaviour === 'resistant-core') lesion.core = resistantCore(rng, lesion);
        lesions.push(lesion);
      }
      used.set(organ, (used.get(organ) ?? 0) + 1);
      break;
    }
  }

  return lesions;
}

function placePartner(rng: Rng, input: LesionPlanInput, lesion: LesionModel, others: Placed[]) {
  const draft = draftLesion(rng, input, 'close-pair', lesion.organ);
  const radiusMm = boundingOf(draft.shape, draft.course);
  const anchor = {
    centreMm: lesion.shape.centreMm,
    radiusMm: boundingOf(lesion.shape, lesion.course),
  };
  const centre = findPlaceBeside(rng, input.anatomy, lesion.organ, radiusMm, anchor, others);
  if (!centre) return null;

  const id = lesion.id.replace(/L(\d+)$/, (_, n: string) => `L${Number(n) + 1}`);
  lesion.closeToId = id;

  return {
    ...draft,
    id,
    closeToId: lesion.id,
    shape: { ...draft.shape, centreMm: centre },
  } satisfies LesionModel;
}
