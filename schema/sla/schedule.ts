import { z } from 'zod';

export const WEEKDAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;
export type Weekday = (typeof WEEKDAYS)[number];

/** "HH:MM", 00:00 to 24:00 (24:00 closes the day). */
const ClockTime = z.string().regex(/^(?:[01]\d|2[0-3]):[0-5]\d$|^24:00$/, 'a time of day as HH:MM (00:00 to 24:00)');

/** One stretch of working time on the days listed, in the schedule's time zone. */
export const WorkingHoursDoc = z
  .object({
    days: z.array(z.enum(WEEKDAYS)).min(1),
    start: ClockTime,
    end: ClockTime,
  })
  .strict();
export type WorkingHoursDoc = z.infer<typeof WorkingHoursDoc>;

/** A day off: no working time at all that local date. */
export const HolidayDoc = z
  .object({
    date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'a date as YYYY-MM-DD'),
    label: z.string().optional(),
  })
  .strict();
export type HolidayDoc = z.infer<typeof HolidayDoc>;

/**
 * Business hours: when the clock of an SLA runs. Working hours per weekday (several stretches a day allowed, e.g.
 * a lunch break), holidays, all in one IANA time zone, so a promise of "8 business hours" means the same to the
 * customer and the agent across daylight-saving changes. An SLA without a schedule counts every hour (24×7).
 */
export const ScheduleDoc = z
  .object({
    name: z.string(),
    label: z.string().optional(),
    description: z.string().optional(),
    /** IANA zone name, e.g. Europe/Berlin. */
    timeZone: z.string().min(1),
    hours: z.array(WorkingHoursDoc).min(1),
    holidays: z.array(HolidayDoc).default([]),
  })
  .strict();
export type ScheduleDoc = z.infer<typeof ScheduleDoc>;
