/** Attempts before a notification is given up as dead (an administrator may retry it). */
export const MAX_ATTEMPTS = 5;

/** How long one attempt may hold a notification: past it, the attempt is presumed dead and another starts. */
export const LEASE_MS = 5 * 60_000;

/** Without a mail server, e-mail is looked at again this often (and goes out once one is configured). */
export const NO_MAIL_SERVER_RECHECK_MS = 15 * 60_000;

/** Wait before attempt `attempts + 1` after `attempts` failed: 30 s, doubling, at most an hour. */
export function retryDelayMs(attempts: number): number {
  return Math.min(30_000 * 2 ** Math.max(0, attempts - 1), 3_600_000);
}
