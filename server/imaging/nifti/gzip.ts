import { gunzipSync } from 'fflate';

import { AppError } from '@/server/lib/errors';

/** True when the bytes start with the gzip magic number (RFC 1952: 1f 8b). */
export function isGzip(bytes: Uint8Array): boolean {
  return bytes.length >= 2 && bytes[0] === 0x1f && bytes[1] === 0x8b;
}

/** Inflates gzip input, passes anything else through unchanged. */
export function gunzipIfNeeded(bytes: Uint8Array, what: string): Uint8Array {
  if (!isGzip(bytes)) return bytes;

  try {
    return gunzipSync(bytes);
  } catch (cause) {
    throw new AppError('BAD_INPUT', `Could not gunzip the ${what}.`, {
      userMessage: `The ${what} looks gzip-compressed but is damaged; re-export it.`,
      cause,
    });
  }
}
