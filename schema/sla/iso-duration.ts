import { Duration } from 'luxon';

/**
 * Business milliseconds as an ISO 8601 duration in days, hours, minutes and seconds (a day is 24 hours, as in
 * SLA targets): 9_000_000 → PT2H30M, 0 → PT0S.
 */
export function isoDuration(ms: number): string {
  const d = Duration.fromMillis(Math.max(0, Math.round(ms / 1000) * 1000)).shiftTo('days', 'hours', 'minutes', 'seconds');
  const parts = d.toObject();
  let date = parts.days ? `${parts.days}D` : '';
  let time = `${parts.hours ? `${parts.hours}H` : ''}${parts.minutes ? `${parts.minutes}M` : ''}${parts.seconds ? `${parts.seconds}S` : ''}`;
  if (!date && !time) time = '0S';
  return `P${date}${time ? `T${time}` : ''}`;
}
