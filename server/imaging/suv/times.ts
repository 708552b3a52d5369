/**
 * The two instants SUV decay runs between: injection and the scan reference time.
 */
import { dateTimeSeconds, dtSeconds } from './dicom-time';
import { SuvUnavailable, type PetSuvMetadata } from './metadata';

export interface Instant {
  seconds: number;
  /** The tag the instant was read from, for the method line and for reasons. */
  tag: string;
}

/**
 * RadiopharmaceuticalStartDateTime, else RadiopharmaceuticalStartTime on the series date.
 * A time-only injection late on the day before a scan after midnight therefore reads as
 * after the scan and is refused; only a full DateTime would let us accept that case.
 */
export function injectionInstant(meta: PetSuvMetadata): Instant {
  const dateTime = dtSeconds(meta.RadiopharmaceuticalStartDateTime);
  if (dateTime !== null) return { seconds: dateTime, tag: 'RadiopharmaceuticalStartDateTime' };

  const time = dateTimeSeconds(meta.SeriesDate, meta.RadiopharmaceuticalStartTime);
  if (time !== null) return { seconds: time, tag: 'RadiopharmaceuticalStartTime' };

  throw new SuvUnavailable(
    'RadiopharmaceuticalStartDateTime and RadiopharmaceuticalStartTime are missing or unreadable.',
  );
}

export function acquisitionSeconds(meta: PetSuvMetadata): number | null {
  return dateTimeSeconds(meta.AcquisitionDate ?? meta.SeriesDate, meta.AcquisitionTime);
}

/**
 * Decay START refers to the start of the acquisition, which SeriesDate/SeriesTime
 * record. Some scanners re-stamp SeriesTime when the series is reconstructed or
 * post-processed later; then SeriesTime is after the earliest AcquisitionTime and the
 * earliest acquisition is the better reference, as QIBA's SUV guidance and
 * cornerstonejs/calculate-suv both conclude.
 */
export function scanStartInstant(instances: PetSuvMetadata[], warnings: string[]): Instant {
  const [first] = instances;
  const series = first ? dateTimeSeconds(first.SeriesDate, first.SeriesTime) : null;
  const acquisitions = instances.map(acquisitionSeconds).filter((t) => t !== null);
  const earliest = acquisitions.length > 0 ? Math.min(...acquisitions) : null;
  if (series !== null && (earliest === null || series <= earliest)) {
    return { seconds: series, tag: 'SeriesTime' };
  }
  if (earliest === null) {
    const reason = 'SeriesDate/SeriesTime and AcquisitionTime are missing or unreadable.';
    throw new SuvUnavailable(reason);
  }

  warnings.push(
    series === null
      ? 'SeriesTime is missing; decay is referenced to the earliest AcquisitionTime.'
      : 'SeriesTime is after the earliest AcquisitionTime; decay is referenced to the latter.',
  );

  return { seconds: earliest, tag: 'AcquisitionTime' };
}

/** Seconds from injection to `instant`; injection after the scan cannot be right. */
export function elapsedSeconds(injection: Instant, instant: Instant): number {
  const elapsed = instant.seconds - injection.seconds;
  if (elapsed < 0) {
    throw new SuvUnavailable(
      `${injection.tag} is after the scan (${instant.tag}); check the injection date and time.`,
    );
  }

  return elapsed;
}
