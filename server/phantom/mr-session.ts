/**
 * The MR session of a timepoint when the MR maps are asked for in a frame of their own
 * (`separateMrFrame`): the same day as the CT, but another study on another scanner, with
 * its own Frame of Reference and the patient lying a little differently. Its pose, like
 * a timepoint's, maps a baseline-frame point to this session's scanner frame.
 *
 * The offset from the CT's pose is drawn from a stream of its own, so switching the option
 * on changes nothing else the generator writes.
 */
import type { Vec3 } from '@/server/imaging/image';
import { studyModules } from './dicom/modules';
import type { MrSessionTruth } from './ground-truth';
import type { TimepointPlan } from './patient-plan';
import { makePose } from './pose';
import { createRng, pick, uniform } from './random';
import type { TimepointContext } from './timepoint-context';

/** The MR study starts half an hour after the CT study. */
const MR_STUDY_DELAY_SEC = 1800;

const round = (v: number, step: number) => Number((Math.round(v / step) * step).toFixed(6));

/**
 * Every angle 1.5-4° and every shift 6-14 mm off the CT's pose, each with a random sign:
 * 10-24 mm in all, the size of a patient repositioned on another couch.
 */
export function mrSessionPlan(seed: number, patientId: string, tp: TimepointPlan): TimepointPlan {
  const rng = createRng(seed, `${patientId}/tp${tp.index}/mr-session`);
  const signed = (low: number, high: number) => pick(rng, [-1, 1]) * uniform(rng, low, high);
  const dAngles = [signed(1.5, 4), signed(1.5, 4), signed(1.5, 4)];
  const dShift = [signed(6, 14), signed(6, 14), signed(6, 14)];
  const anglesDeg = tp.pose.anglesDeg.map((a, n) => round(a + dAngles[n]!, 0.01)) as Vec3;
  const shift = tp.pose.translationMm.map((t, n) => round(t + dShift[n]!, 0.01)) as Vec3;
  const pose = makePose(anglesDeg, shift);

  return {
    ...tp,
    pose,
    studySec: tp.studySec + MR_STUDY_DELAY_SEC,
    // The technologist centres the MR range on the same anatomy, which moved with the pose.
    scanCentreZMm: round(tp.scanCentreZMm + shift[2] - tp.pose.translationMm[2], 0.1),
  };
}

/** The writers' context for the MR session: its own study, frame, pose and scanner. */
export function mrSessionContext(ctx: TimepointContext): TimepointContext {
  const tp = mrSessionPlan(ctx.seed, ctx.patient.patientId, ctx.tp);
  const ids = {
    studyInstanceUid: ctx.uid('mr-session/study'),
    frameOfReferenceUid: ctx.uid('mr-session/frame-of-reference'),
  };
  const shared = {
    ...studyModules(ctx.patient, tp, ids),
    StudyID: `MR${tp.index}`,
    AccessionNumber: `${ctx.patient.patientId.replace('-', '')}M${tp.index}`,
    StudyDescription: `Hallmark phantom timepoint ${tp.index} MR`,
    ManufacturerModelName: 'Phantom MR',
    DeviceSerialNumber: 'HM-PHANTOM-MR-1',
  };

  return { ...ctx, tp, scene: { ...ctx.scene, pose: tp.pose }, ...ids, shared };
}

export function mrSessionTruth(mr: TimepointContext): MrSessionTruth {
  return {
    studyInstanceUid: mr.studyInstanceUid,
    frameOfReferenceUid: mr.frameOfReferenceUid,
    pose: {
      rotation: mr.tp.pose.rotation,
      translationMm: mr.tp.pose.translationMm,
      anglesDeg: mr.tp.pose.anglesDeg,
    },
  };
}
