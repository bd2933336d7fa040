// Job ids: generated here only (creation time, then 64 random bits), and checked before any lookup.
import { ApiError } from './errors.js';

/** "ev_" + 12 hex digits of milliseconds since 1970 + 16 random hex digits: sorting ids sorts by creation. */
export const JOB_ID_PATTERN = /^ev_[0-9a-f]{28}$/;

export function newJobId(nowMs: number = Date.now()): string {
  const random = new Uint8Array(8);
  crypto.getRandomValues(random);
  const time = Math.max(0, Math.floor(nowMs)).toString(16).padStart(12, '0').slice(-12);
  return `ev_${time}${Array.from(random, (b) => b.toString(16).padStart(2, '0')).join('')}`;
}

export function isJobId(value: unknown): value is string {
  return typeof value === 'string' && JOB_ID_PATTERN.test(value);
}

/** The id, or a 400 naming the parameter: a malformed id never reaches a store. */
export function checkJobId(value: string | undefined, field = 'id'): string {
  if (!isJobId(value))
    throw new ApiError(400, 'invalid_request', `${field}: must be an evaluation id (ev_ and 28 hex digits)`, field);
  return value;
}
