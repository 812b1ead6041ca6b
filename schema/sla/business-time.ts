import { DateTime, Duration, IANAZone } from 'luxon';
import { WEEKDAYS, type ScheduleDoc } from './schedule.js';

/** Working stretches of one local day as instants (ms since the epoch), in order, not overlapping. */
type Day = [number, number][];

/** How far ahead (in days) business time is searched before the schedule is called unable to provide it. */
const HORIZON_DAYS = 3_660;

/**
 * Business time for one schedule: the working stretches of each local date, with holidays removed, turned into
 * instants in the schedule's zone (a 09:00–17:00 day is 8 hours even on the day clocks change, since 02:00–03:00
 * is outside it; a stretch across the change counts the hours that really pass). Null schedule: 24×7.
 */
export class BusinessCalendar {
  private readonly days = new Map<string, Day>();
  private readonly holidays: ReadonlySet<string>;

  constructor(private readonly schedule: ScheduleDoc | null) {
    if (schedule && !IANAZone.isValidZone(schedule.timeZone)) throw new Error(`"${schedule.timeZone}" is not a time zone (use an IANA name such as Europe/Berlin)`);
    this.holidays = new Set(schedule?.holidays.map((h) => h.date) ?? []);
  }

  /** Whether the clock runs at `at`. */
  isOpen(at: Date): boolean {
    if (!this.schedule) return true;
    const t = at.getTime();
    return this.dayOf(t).some(([s, e]) => s <= t && t < e);
  }

  /** Business milliseconds between `from` and `to` (0 when `to` is not later). */
  between(from: Date, to: Date): number {
    const a = from.getTime();
    const b = to.getTime();
    if (b <= a) return 0;
    if (!this.schedule) return b - a;
    let total = 0;
    let date = this.localDate(a).minus({ days: 1 });
    for (;;) {
      const day = this.stretches(date);
      for (const [s, e] of day) total += Math.max(0, Math.min(e, b) - Math.max(s, a));
      if (day.length && day[day.length - 1][1] >= b) return total;
      if (date.toMillis() > b) return total;
      date = date.plus({ days: 1 });
    }
  }

  /**
   * The instant at which `ms` of business time have passed since `start`. Starting outside working hours, the
   * count begins when work does. Throws when the schedule has no working time within ten years.
   */
  add(start: Date, ms: number): Date {
    const a = start.getTime();
    if (!this.schedule) return new Date(a + ms);
    // No stretch with any length: say so at once rather than search ten years of empty days.
    if (!this.schedule.hours.some((h) => h.start < h.end))
      throw new Error(`the schedule "${this.schedule.name}" has no working time: every stretch of its hours ends where or before it starts`);
    let left = ms;
    let date = this.localDate(a).minus({ days: 1 });
    for (let i = 0; i < HORIZON_DAYS; i++, date = date.plus({ days: 1 })) {
      for (const [s, e] of this.stretches(date)) {
        const from = Math.max(s, a);
        if (from >= e) continue;
        if (left <= e - from) return new Date(from + left);
        left -= e - from;
      }
    }
    throw new Error(`the schedule "${this.schedule.name}" has no working time within ten years`);
  }

  private localDate(t: number): DateTime {
    return DateTime.fromMillis(t, { zone: this.schedule!.timeZone }).startOf('day');
  }

  private dayOf(t: number): Day {
    const date = this.localDate(t);
    return [...this.stretches(date.minus({ days: 1 })), ...this.stretches(date)];
  }

  /** The working stretches of a local date, as instants. */
  private stretches(date: DateTime): Day {
    const key = date.toISODate()!;
    const cached = this.days.get(key);
    if (cached) return cached;
    const day: Day = [];
    if (!this.holidays.has(key)) {
      const weekday = WEEKDAYS[date.weekday - 1];
      for (const h of this.schedule!.hours) {
        if (!h.days.includes(weekday)) continue;
        const s = at(date, h.start);
        const e = at(date, h.end);
        if (e > s) day.push([s, e]);
      }
      day.sort((x, y) => x[0] - y[0]);
      merge(day);
    }
    this.days.set(key, day);
    return day;
  }
}

/** A local time of day on a local date, as an instant; 24:00 is the next midnight. */
function at(date: DateTime, hhmm: string): number {
  const [h, m] = hhmm.split(':').map(Number);
  return (h === 24 ? date.plus({ days: 1 }) : date.set({ hour: h, minute: m })).toMillis();
}

function merge(day: Day): void {
  for (let i = 1; i < day.length; ) {
    if (day[i][0] <= day[i - 1][1]) {
      day[i - 1][1] = Math.max(day[i - 1][1], day[i][1]);
      day.splice(i, 1);
    } else i++;
  }
}

/** An SLA target (ISO 8601 duration of business time) in milliseconds; a day is 24 hours of business time. */
export function durationMs(iso: string): number {
  const d = Duration.fromISO(iso);
  if (!d.isValid) throw new Error(`"${iso}" is not an ISO 8601 duration`);
  return d.as('milliseconds');
}
