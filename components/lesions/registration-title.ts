/**
 * The words behind a registration badge: for a failure its reason, for a registration
 * the quality record it was judged by and what produced it, so a reader can tell a
 * well-aligned follow-up from one that only just passed.
 */
import type { RegistrationQuality } from '@/server/tracking';

export interface RegistrationView {
  status: string;
  reason: string | null;
  quality: RegistrationQuality | null;
}

const ENGINE: Record<string, string> = {
  wasm: 'elastix (WebAssembly)',
  native: 'elastix (native command)',
};

export function registrationTitle(r: RegistrationView, onto: string): string {
  if (r.status === 'baseline') return 'Baseline: the frame every follow-up is registered to.';
  if (r.status === 'not-run') return 'Not tracked yet.';
  const measured = r.quality ? qualityWords(r.quality) : '';
  if (r.status === 'failed') {
    return [r.reason ?? 'Registration failed.', measured && `Last attempt: ${measured}`]
      .filter(Boolean).join(' ');
  }

  const sentence = measured.charAt(0).toUpperCase() + measured.slice(1);

  return `Registered to ${onto} by ${ENGINE[r.quality?.engine ?? 'wasm']}. ${sentence}`.trim();
}

function qualityWords(q: RegistrationQuality): string {
  const parts = [
    q.bodyOverlapDice !== null && `body overlap Dice ${q.bodyOverlapDice.toFixed(3)}`,
    q.overlapFraction !== null &&
      `${Math.round(q.overlapFraction * 100)}% of the reference inside this image`,
    q.finalMetric !== null && `intensity correlation ${q.finalMetric.toFixed(3)}`,
    `${q.iterations} iterations`,
    `${(q.durationMs / 1000).toFixed(1)} s`,
  ].filter((p): p is string => typeof p === 'string');

  return `${parts.join(', ')}.`;
}

/**
 * What a panel aligned through this registration must say, or null when nothing: a failed
 * one was placed by the scanner frames alone, so the slice shown may miss the lesion.
 */
export function alignmentWarning(r: RegistrationView): string | null {
  if (r.status !== 'failed') return null;

  return `Shown by scanner coordinates, not registered: ${registrationTitle(r, 'the baseline CT')}`;
}
