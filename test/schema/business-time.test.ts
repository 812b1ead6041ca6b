import fc from 'fast-check';
import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import { BusinessCalendar, durationMs } from '../../schema/sla/business-time.js';
import type { ScheduleDoc } from '../../schema/sla/schedule.js';

const H = 3_600_000;
const WEEK = ['mon', 'tue', 'wed', 'thu', 'fri'] as const;
const ALL = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;

const schedule = (timeZone: string, hours: ScheduleDoc['hours'], holidays: ScheduleDoc['holidays'] = []): ScheduleDoc => ({ name: 'test', timeZone, hours, holidays });
const officeHours = (timeZone: string, holidays: ScheduleDoc['holidays'] = []) => schedule(timeZone, [{ days: [...WEEK], start: '09:00', end: '17:00' }], holidays);
/** A local wall-clock time in a zone, as an instant. */
const local = (zone: string, iso: string) => DateTime.fromISO(iso, { zone }).toJSDate();
const iso = (d: Date, zone: string) => DateTime.fromJSDate(d, { zone }).toISO({ suppressMilliseconds: true });

const BERLIN = 'Europe/Berlin';
const NEW_YORK = 'America/New_York';

describe('BusinessCalendar with office hours (Mon–Fri 09:00–17:00, Europe/Berlin)', () => {
  const cal = new BusinessCalendar(officeHours(BERLIN));

  it('counts only working hours within a day and across a weekend', () => {
    // Wed 2026-03-04 10:00 → 15:00 is 5 h.
    expect(cal.between(local(BERLIN, '2026-03-04T10:00'), local(BERLIN, '2026-03-04T15:00'))).toBe(5 * H);
    // Fri 15:00 → Mon 11:00 is 2 h + 2 h: the weekend does not count.
    expect(cal.between(local(BERLIN, '2026-03-06T15:00'), local(BERLIN, '2026-03-09T11:00'))).toBe(4 * H);
    expect(iso(cal.add(local(BERLIN, '2026-03-06T15:00'), 4 * H), BERLIN)).toBe('2026-03-09T11:00:00+01:00');
  });

  it('starts the count when work starts, from a start outside hours', () => {
    // Saturday 12:00 + 1 h is Monday 10:00; Tuesday 20:00 + 1 h is Wednesday 10:00; 07:00 + 1 h is 10:00.
    expect(iso(cal.add(local(BERLIN, '2026-03-07T12:00'), H), BERLIN)).toBe('2026-03-09T10:00:00+01:00');
    expect(iso(cal.add(local(BERLIN, '2026-03-03T20:00'), H), BERLIN)).toBe('2026-03-04T10:00:00+01:00');
    expect(iso(cal.add(local(BERLIN, '2026-03-04T07:00'), H), BERLIN)).toBe('2026-03-04T10:00:00+01:00');
    // Nothing of business time passes over a weekend.
    expect(cal.between(local(BERLIN, '2026-03-07T00:00'), local(BERLIN, '2026-03-09T09:00'))).toBe(0);
    // Zero business time from outside hours lands on the next opening.
    expect(iso(cal.add(local(BERLIN, '2026-03-07T12:00'), 0), BERLIN)).toBe('2026-03-09T09:00:00+01:00');
  });

  it('answers 0 when the end is not after the start', () => {
    const t = local(BERLIN, '2026-03-04T10:00');
    expect(cal.between(t, t)).toBe(0);
    expect(cal.between(t, local(BERLIN, '2026-03-04T09:30'))).toBe(0);
  });

  it('ends a target exactly at closing time rather than at the next opening', () => {
    expect(iso(cal.add(local(BERLIN, '2026-03-04T09:00'), 8 * H), BERLIN)).toBe('2026-03-04T17:00:00+01:00');
    expect(iso(cal.add(local(BERLIN, '2026-03-04T09:00'), 8 * H + 1), BERLIN)).toBe('2026-03-05T09:00:00.001+01:00');
  });

  it('is open during hours only, closing time excluded', () => {
    expect(cal.isOpen(local(BERLIN, '2026-03-04T09:00'))).toBe(true);
    expect(cal.isOpen(local(BERLIN, '2026-03-04T16:59:59.999'))).toBe(true);
    expect(cal.isOpen(local(BERLIN, '2026-03-04T17:00'))).toBe(false);
    expect(cal.isOpen(local(BERLIN, '2026-03-04T08:59'))).toBe(false);
    expect(cal.isOpen(local(BERLIN, '2026-03-07T12:00'))).toBe(false);
    // The zone decides: 08:30 UTC is 09:30 in Berlin in winter.
    expect(cal.isOpen(new Date('2026-03-04T08:30:00Z'))).toBe(true);
  });
});

describe('holidays', () => {
  const cal = new BusinessCalendar(officeHours(BERLIN, [{ date: '2026-04-03', label: 'Good Friday' }, { date: '2026-04-06', label: 'Easter Monday' }]));

  it('take a whole local date out of business time', () => {
    // Thu 2026-04-02 16:00 + 2 h: 1 h on Thursday, then Friday and Monday are holidays → Tuesday 10:00.
    expect(iso(cal.add(local(BERLIN, '2026-04-02T16:00'), 2 * H), BERLIN)).toBe('2026-04-07T10:00:00+02:00');
    expect(cal.between(local(BERLIN, '2026-04-02T16:00'), local(BERLIN, '2026-04-07T10:00'))).toBe(2 * H);
    expect(cal.isOpen(local(BERLIN, '2026-04-03T11:00'))).toBe(false);
  });
});

describe('daylight-saving changes', () => {
  for (const [zone, spring, autumn] of [
    [BERLIN, '2026-03-29', '2026-10-25'],
    [NEW_YORK, '2026-03-08', '2026-11-01'],
  ] as const) {
    it(`keep a 09:00–17:00 day at 8 h in ${zone}`, () => {
      const cal = new BusinessCalendar(schedule(zone, [{ days: [...ALL], start: '09:00', end: '17:00' }]));
      for (const day of [spring, autumn]) {
        expect(cal.between(local(zone, `${day}T00:00`), local(zone, `${day}T23:59`))).toBe(8 * H);
        expect(DateTime.fromJSDate(cal.add(local(zone, `${day}T09:00`), 8 * H), { zone }).toFormat('yyyy-MM-dd HH:mm')).toBe(`${day} 17:00`);
      }
    });

    it(`count a 00:00–24:00 day as 23 h in spring and 25 h in autumn in ${zone}`, () => {
      const cal = new BusinessCalendar(schedule(zone, [{ days: [...ALL], start: '00:00', end: '24:00' }]));
      const wholeDay = (day: string) => cal.between(local(zone, `${day}T00:00`), DateTime.fromISO(`${day}T00:00`, { zone }).plus({ days: 1 }).toJSDate());
      expect(wholeDay(spring)).toBe(23 * H);
      expect(wholeDay(autumn)).toBe(25 * H);
      // The real elapsed time is what counts: 24 business hours from midnight end at 01:00 the day after spring's change.
      expect(DateTime.fromJSDate(cal.add(local(zone, `${spring}T00:00`), 24 * H), { zone }).toFormat('yyyy-MM-dd HH:mm')).toBe(
        DateTime.fromISO(`${spring}T00:00`, { zone }).plus({ days: 1, hours: 1 }).toFormat('yyyy-MM-dd HH:mm'),
      );
    });
  }
});

describe('several stretches a day (a lunch break)', () => {
  const cal = new BusinessCalendar(
    schedule(BERLIN, [
      { days: [...WEEK], start: '08:00', end: '12:00' },
      { days: [...WEEK], start: '13:00', end: '17:00' },
    ]),
  );

  it('skip the break in both directions', () => {
    expect(cal.between(local(BERLIN, '2026-03-04T11:00'), local(BERLIN, '2026-03-04T14:00'))).toBe(2 * H);
    expect(iso(cal.add(local(BERLIN, '2026-03-04T11:00'), 2 * H), BERLIN)).toBe('2026-03-04T14:00:00+01:00');
    expect(cal.isOpen(local(BERLIN, '2026-03-04T12:30'))).toBe(false);
    expect(cal.between(local(BERLIN, '2026-03-04T00:00'), local(BERLIN, '2026-03-05T00:00'))).toBe(8 * H);
  });

  it('merges overlapping stretches instead of counting them twice', () => {
    const overlapping = new BusinessCalendar(
      schedule(BERLIN, [
        { days: [...WEEK], start: '08:00', end: '12:00' },
        { days: ['wed'], start: '10:00', end: '14:00' },
      ]),
    );
    expect(overlapping.between(local(BERLIN, '2026-03-04T00:00'), local(BERLIN, '2026-03-05T00:00'))).toBe(6 * H);
  });
});

describe('24×7 (no schedule)', () => {
  const cal = new BusinessCalendar(null);

  it('counts every millisecond', () => {
    const a = new Date('2026-03-28T22:00:00Z');
    expect(cal.between(a, new Date('2026-03-30T22:00:00Z'))).toBe(48 * H);
    expect(cal.add(a, 5 * H).toISOString()).toBe('2026-03-29T03:00:00.000Z');
    expect(cal.isOpen(a)).toBe(true);
  });
});

describe('add and between are inverse', () => {
  const calendars: [string, BusinessCalendar][] = [
    ['office hours, Berlin, with holidays', new BusinessCalendar(officeHours(BERLIN, [{ date: '2026-04-03' }, { date: '2026-12-25' }]))],
    ['lunch break, New York', new BusinessCalendar(schedule(NEW_YORK, [{ days: [...WEEK], start: '08:00', end: '12:00' }, { days: [...WEEK], start: '13:00', end: '17:30' }]))],
    ['around the clock, Berlin', new BusinessCalendar(schedule(BERLIN, [{ days: [...ALL], start: '00:00', end: '24:00' }]))],
    ['night shift across the DST hour, New York', new BusinessCalendar(schedule(NEW_YORK, [{ days: [...ALL], start: '00:00', end: '06:00' }]))],
    ['24×7', new BusinessCalendar(null)],
  ];
  // Instants over 2026 (both DST changes of both zones), targets up to three weeks of business time.
  const instant = fc.integer({ min: Date.UTC(2026, 0, 1), max: Date.UTC(2027, 0, 1) }).map((t) => new Date(t));
  const target = fc.integer({ min: 0, max: 21 * 24 * H });

  for (const [label, cal] of calendars) {
    it(`between(a, add(a, ms)) is ms and add lands in or at the end of working time: ${label}`, () => {
      fc.assert(
        fc.property(instant, target, (a, ms) => {
          const due = cal.add(a, ms);
          expect(due.getTime()).toBeGreaterThanOrEqual(a.getTime());
          expect(cal.between(a, due)).toBe(ms);
          // Not a millisecond later than needed: one ms earlier is short of the target (unless nothing was needed).
          if (ms > 0) expect(cal.between(a, new Date(due.getTime() - 1))).toBe(ms - 1);
        }),
        { seed: 20261202, numRuns: 200 },
      );
    });

    it(`add(a, between(a, b)) reaches b when the clock runs at b, never later: ${label}`, () => {
      fc.assert(
        fc.property(instant, instant, (a, b) => {
          const [from, to] = a <= b ? [a, b] : [b, a];
          const spent = cal.between(from, to);
          const back = cal.add(from, spent);
          // With nothing spent, add waits for the next opening, which may lie after b.
          if (spent > 0) expect(back.getTime()).toBeLessThanOrEqual(to.getTime());
          expect(cal.between(from, back)).toBe(spent);
          if (cal.isOpen(to) && to > from) expect(back.getTime()).toBe(to.getTime());
        }),
        { seed: 42, numRuns: 100 },
      );
    });
  }
});

describe('schedules that cannot provide time', () => {
  it('throw a clear error when a schedule has no working time at all', () => {
    const never = new BusinessCalendar(schedule(BERLIN, [{ days: ['mon'], start: '12:00', end: '09:00' }]));
    expect(() => never.add(local(BERLIN, '2026-03-04T10:00'), H)).toThrow(/schedule "test" has no working time: every stretch/);
    // Only holidays for ten years: the search gives up with the same clear word.
    const holidays = Array.from({ length: 3_700 }, (_, i) => ({ date: DateTime.fromISO('2026-03-01').plus({ days: i }).toISODate()! }));
    expect(() => new BusinessCalendar(officeHours(BERLIN, holidays)).add(local(BERLIN, '2026-03-04T10:00'), H)).toThrow(/schedule "test" has no working time within ten years/);
    expect(never.between(local(BERLIN, '2026-03-04T10:00'), local(BERLIN, '2026-03-11T10:00'))).toBe(0);
    expect(never.isOpen(local(BERLIN, '2026-03-09T10:00'))).toBe(false);
  });

  it('refuse a time zone that does not exist', () => {
    expect(() => new BusinessCalendar(schedule('Europe/Atlantis', [{ days: ['mon'], start: '09:00', end: '17:00' }]))).toThrow(/"Europe\/Atlantis" is not a time zone/);
  });
});

describe('durationMs', () => {
  it('reads ISO 8601 durations, a day being 24 business hours, and refuses anything else', () => {
    expect(durationMs('PT4H')).toBe(4 * H);
    expect(durationMs('P1DT12H')).toBe(36 * H);
    expect(() => durationMs('four hours')).toThrow(/not an ISO 8601 duration/);
  });
});
