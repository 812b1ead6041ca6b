import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { evaluateCondition, type DynamicContext } from '../../../schema/condition/index.js';
import { buildModel, MetadataSnapshot } from '../../../schema/metadata/index.js';
import {
  applyWrite,
  BusinessCalendar,
  fireDue,
  measureSla,
  replaySla,
  ScheduleDoc,
  SlaDefinitionDoc,
  startSla,
  type SlaHappening,
  type SlaRules,
  type SlaTest,
} from '../../../schema/sla/index.js';

const model = buildModel(
  MetadataSnapshot.parse({
    recordTypes: {
      ticket: {
        name: 'ticket',
        label: 'Ticket',
        fields: [
          { name: 'state', label: 'State', type: 'choice', choices: ['new', 'in_progress', 'on_hold', 'resolved', 'cancelled'].map((value) => ({ value, label: value })) },
          { name: 'priority', label: 'Priority', type: 'integer' },
          { name: 'opened_at', label: 'Opened', type: 'datetime' },
        ],
      },
    },
  }),
);

const H = 3_600_000;
const dyn = (now: Date): DynamicContext => ({ me: null, myGroups: [], myAccount: null, myAccountTree: [], myPartnerCustomers: [], myDepartment: null, myLocation: null, now });
const testOf =
  (row: Record<string, unknown>): SlaTest =>
  (c) =>
    evaluateCondition(model, 'ticket', c, row, dyn(new Date()));

/** Berlin office hours, Mon–Fri 9–17, Wednesday 7 January 2026 a holiday. */
const office = ScheduleDoc.parse({ name: 'office', timeZone: 'Europe/Berlin', hours: [{ days: ['mon', 'tue', 'wed', 'thu', 'fri'], start: '09:00', end: '17:00' }], holidays: [{ date: '2026-01-07' }] });

function rules(over: Partial<z.input<typeof SlaDefinitionDoc>> = {}, schedule: ScheduleDoc | null = null): SlaRules {
  const def = SlaDefinitionDoc.parse({
    name: 'fix',
    recordType: 'ticket',
    target: 'PT4H',
    pause: { field: 'state', op: 'eq', value: 'on_hold' },
    stop: { field: 'state', op: 'eq', value: 'resolved' },
    cancel: { field: 'state', op: 'eq', value: 'cancelled' },
    warnings: [{ percent: 50 }, { percent: 75 }],
    ...over,
  });
  return { def, calendar: new BusinessCalendar(schedule) };
}

const t = (iso: string) => new Date(iso);
const kinds = (h: SlaHappening[]) => h.map((x) => `${x.kind}${x.threshold ? `@${x.threshold}` : ''} ${x.at.toISOString()}`);

describe('the SLA clock', () => {
  it('runs 24×7 without a schedule: warnings at 50 and 75 %, the breach at the target, each once', () => {
    const r = rules();
    const [s0, h0] = startSla(r, t('2026-01-05T08:00:00Z'), { state: 'new' }, testOf({ state: 'new' }));
    expect(kinds(h0)).toEqual(['started 2026-01-05T08:00:00.000Z']);
    expect(s0.nextDueAt).toEqual(t('2026-01-05T10:00:00Z'));
    expect(s0.breachAt).toEqual(t('2026-01-05T12:00:00Z'));
    const [s1, h1] = fireDue(r, s0, t('2026-01-05T11:30:00Z'));
    expect(kinds(h1)).toEqual(['warning@50 2026-01-05T10:00:00.000Z', 'warning@75 2026-01-05T11:00:00.000Z']);
    expect(s1.nextDueAt).toEqual(t('2026-01-05T12:00:00Z'));
    expect(fireDue(r, s1, t('2026-01-05T11:45:00Z'))[1]).toEqual([]);
    const [s2, h2] = fireDue(r, s1, t('2026-01-05T13:00:00Z'));
    expect(kinds(h2)).toEqual(['breached@100 2026-01-05T12:00:00.000Z']);
    expect(s2).toMatchObject({ stage: 'in_progress', hasBreached: true, breachedAt: t('2026-01-05T12:00:00Z'), nextDueAt: null, elapsedMs: 5 * H });
    expect(fireDue(r, s2, t('2026-01-06T13:00:00Z'))[1]).toEqual([]);
    expect(measureSla(r, s2, t('2026-01-06T13:00:00Z'))).toMatchObject({ breachAt: t('2026-01-05T12:00:00Z'), remainingMs: 0 });
  });

  it('counts only office hours across a weekend', () => {
    const r = rules({ target: 'PT2H', warnings: [] }, office);
    // Friday 16:00 in Berlin (UTC+1): one hour on Friday, one on Monday.
    const [s] = startSla(r, t('2026-01-09T15:00:00Z'), { state: 'new' }, testOf({ state: 'new' }));
    expect(s.breachAt).toEqual(t('2026-01-12T09:00:00Z'));
    expect(measureSla(r, s, t('2026-01-11T12:00:00Z'))).toMatchObject({ elapsedMs: H, remainingMs: H, percent: 50 });
  });

  it('skips a holiday', () => {
    const r = rules({ target: 'PT2H', warnings: [] }, office);
    // Tuesday 16:00 in Berlin; Wednesday is a holiday: breach Thursday 10:00.
    const [s] = startSla(r, t('2026-01-06T15:00:00Z'), { state: 'new' }, testOf({ state: 'new' }));
    expect(s.breachAt).toEqual(t('2026-01-08T09:00:00Z'));
  });

  it('pauses and resumes: paused business time does not count, and the breach moves out', () => {
    const r = rules({ warnings: [] }, office);
    const [s0] = startSla(r, t('2026-01-05T08:00:00Z'), { state: 'new' }, testOf({ state: 'new' }));
    const [s1, h1] = applyWrite(r, s0, t('2026-01-05T09:00:00Z'), testOf({ state: 'on_hold' }));
    expect(kinds(h1)).toEqual(['paused 2026-01-05T09:00:00.000Z']);
    expect(s1).toMatchObject({ stage: 'paused', elapsedMs: H, nextDueAt: null, breachAt: null });
    // Paused from Monday 10:00 to Tuesday 10:00 Berlin: 8 business hours paused.
    const [s2, h2] = applyWrite(r, s1, t('2026-01-06T09:00:00Z'), testOf({ state: 'in_progress' }));
    expect(kinds(h2)).toEqual(['resumed 2026-01-06T09:00:00.000Z']);
    expect(s2).toMatchObject({ stage: 'in_progress', elapsedMs: H, pausedMs: 8 * H });
    expect(s2.breachAt).toEqual(t('2026-01-06T12:00:00Z'));
    const [s3, h3] = applyWrite(r, s2, t('2026-01-06T10:00:00Z'), testOf({ state: 'resolved' }));
    expect(kinds(h3)).toEqual(['achieved 2026-01-06T10:00:00.000Z']);
    expect(s3).toMatchObject({ stage: 'achieved', hasBreached: false, elapsedMs: 2 * H, stoppedAt: t('2026-01-06T10:00:00Z'), nextDueAt: null });
    // Closed: later writes change nothing.
    expect(applyWrite(r, s3, t('2026-01-07T10:00:00Z'), testOf({ state: 'in_progress' }))).toEqual([s3, []]);
  });

  it('a stop after the target closes as breached, firing the breach that fell due first', () => {
    const r = rules({ warnings: [{ percent: 50 }] });
    const [s0] = startSla(r, t('2026-01-05T08:00:00Z'), { state: 'new' }, testOf({ state: 'new' }));
    const [s1, h] = applyWrite(r, s0, t('2026-01-05T13:00:00Z'), testOf({ state: 'resolved' }));
    expect(kinds(h)).toEqual(['warning@50 2026-01-05T10:00:00.000Z', 'breached@100 2026-01-05T12:00:00.000Z', 'breached 2026-01-05T13:00:00.000Z']);
    expect(s1).toMatchObject({ stage: 'breached', hasBreached: true, elapsedMs: 5 * H });
  });

  it('cancel wins over stop', () => {
    const r = rules({ cancel: { field: 'priority', op: 'eq', value: 5 } });
    const [s0] = startSla(r, t('2026-01-05T08:00:00Z'), { state: 'new' }, testOf({ state: 'new' }));
    const [s1, h] = applyWrite(r, s0, t('2026-01-05T09:00:00Z'), testOf({ state: 'resolved', priority: 5 }));
    expect(kinds(h)).toEqual(['cancelled 2026-01-05T09:00:00.000Z']);
    expect(s1.stage).toBe('cancelled');
  });

  it('starts retroactively from a datetime field, counting that stretch', () => {
    const r = rules({ retroactiveStart: 'opened_at', warnings: [{ percent: 25 }] });
    const row = { state: 'new', opened_at: '2026-01-05T07:00:00Z' };
    const [s, h] = startSla(r, t('2026-01-05T08:30:00Z'), row, testOf(row));
    expect(kinds(h)).toEqual(['started 2026-01-05T07:00:00.000Z', 'warning@25 2026-01-05T08:00:00.000Z']);
    expect(s).toMatchObject({ startedAt: t('2026-01-05T07:00:00Z'), elapsedMs: 1.5 * H, warningsFired: [25] });
    expect(s.breachAt).toEqual(t('2026-01-05T11:00:00Z'));
    // A field in the future, or empty, is ignored.
    expect(startSla(r, t('2026-01-05T08:30:00Z'), { state: 'new', opened_at: '2026-01-05T09:00:00Z' }, testOf(row))[0].startedAt).toEqual(t('2026-01-05T08:30:00Z'));
    expect(startSla(r, t('2026-01-05T08:30:00Z'), { state: 'new', opened_at: null }, testOf(row))[0].startedAt).toEqual(t('2026-01-05T08:30:00Z'));
  });

  it('starts paused when the pause holds at once, and can stop on the starting write', () => {
    const r = rules();
    expect(startSla(r, t('2026-01-05T08:00:00Z'), {}, testOf({ state: 'on_hold' }))[0].stage).toBe('paused');
    expect(startSla(r, t('2026-01-05T08:00:00Z'), {}, testOf({ state: 'resolved' }))[0].stage).toBe('achieved');
  });

  it('measures without changing: remaining and percent, and the breach moment while running', () => {
    const r = rules();
    const [s] = startSla(r, t('2026-01-05T08:00:00Z'), {}, testOf({ state: 'new' }));
    expect(measureSla(r, s, t('2026-01-05T09:00:00Z'))).toEqual({ elapsedMs: H, pausedMs: 0, remainingMs: 3 * H, percent: 25, breachAt: t('2026-01-05T12:00:00Z') });
    expect(measureSla(r, s, t('2026-01-05T14:00:00Z'))).toMatchObject({ remainingMs: 0, percent: 150 });
  });
});

describe('replaying field history', () => {
  const writes = [
    { at: t('2026-01-05T08:00:00Z'), row: { state: 'new', priority: 3 } },
    { at: t('2026-01-05T09:00:00Z'), row: { state: 'on_hold', priority: 3 } },
    { at: t('2026-01-05T11:00:00Z'), row: { state: 'in_progress', priority: 3 } },
    { at: t('2026-01-05T12:00:00Z'), row: { state: 'resolved', priority: 3 } },
  ];

  it('gives what the live clock gives', () => {
    const r = rules();
    const { state, happened } = replaySla(r, writes, t('2026-01-06T00:00:00Z'), testOf);
    expect(state).toMatchObject({ stage: 'achieved', elapsedMs: 2 * H, pausedMs: 2 * H, warningsFired: [50] });
    expect(kinds(happened)).toEqual([
      'started 2026-01-05T08:00:00.000Z',
      'paused 2026-01-05T09:00:00.000Z',
      'resumed 2026-01-05T11:00:00.000Z',
      'warning@50 2026-01-05T12:00:00.000Z',
      'achieved 2026-01-05T12:00:00.000Z',
    ]);
  });

  it('under a tighter target breaches, and measures an open one at now', () => {
    expect(replaySla(rules({ target: 'PT1H30M' }), writes, t('2026-01-06T00:00:00Z'), testOf).state).toMatchObject({ stage: 'breached', hasBreached: true, breachedAt: t('2026-01-05T11:30:00Z') });
    const open = replaySla(rules(), writes.slice(0, 3), t('2026-01-05T11:30:00Z'), testOf).state!;
    expect(open).toMatchObject({ stage: 'in_progress', elapsedMs: 1.5 * H, measuredAt: t('2026-01-05T11:30:00Z') });
  });

  it('does not start until appliesTo and start hold; ignores writes after now', () => {
    const r = rules({ appliesTo: { field: 'priority', op: 'lte', value: 2 } });
    expect(replaySla(r, writes, t('2026-01-06T00:00:00Z'), testOf).state).toBeNull();
    const r2 = rules({ start: { field: 'state', op: 'eq', value: 'in_progress' } });
    expect(replaySla(r2, writes, t('2026-01-06T00:00:00Z'), testOf).state).toMatchObject({ startedAt: t('2026-01-05T11:00:00Z'), stage: 'achieved', elapsedMs: H });
    expect(replaySla(r2, writes, t('2026-01-05T10:00:00Z'), testOf).state).toBeNull();
  });
});
