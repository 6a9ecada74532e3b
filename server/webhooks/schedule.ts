/**
 * When a failed delivery is tried again: the Standard Webhooks schedule (5 s, 5 min, 30 min, 2 h,
 * 5 h, 10 h, 10 h after each failure), a little over 27 hours in all — "at least 24 h". After
 * the last of them the delivery is failed.
 */
const retryDelaysMs = [5e3, 5 * 60e3, 30 * 60e3, 2 * 3600e3, 5 * 3600e3, 10 * 3600e3, 10 * 3600e3];

export const maxAttempts = retryDelaysMs.length + 1;

/** The next attempt after `attempts` failed ones, or null when they are spent. */
export function nextAttemptAt(attempts: number, failedAt: Date): Date | null {
  const delay = retryDelaysMs[attempts - 1];
  return delay === undefined ? null : new Date(failedAt.getTime() + delay);
}

/** An endpoint whose every attempt has failed for this long is disabled. */
export const disableAfterMs = 3 * 24 * 3600e3;

export const shouldDisable = (failingSince: Date, now: Date) => now.getTime() - failingSince.getTime() >= disableAfterMs;

/** A receiver gets this long to answer with a 2xx. */
export const attemptTimeoutMs = 10_000;

/** How long a rotated-out secret keeps signing beside the new one. */
export const secretOverlapMs = 24 * 3600e3;
