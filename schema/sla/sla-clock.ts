import type { Condition } from '../condition/condition.js';
import type { BusinessCalendar } from './business-time.js';
import type { SlaDefinitionDoc } from './sla-definition.js';
import { durationMs } from './business-time.js';

/** in_progress | paused: open; achieved (stopped in time) | breached (stopped late) | cancelled: closed. */
export type SlaStage = 'in_progress' | 'paused' | 'achieved' | 'breached' | 'cancelled';

/**
 * One SLA instance as the engine keeps it (a row of `sla_instance`): business time used up to `measuredAt`,
 * and what is pending. A running SLA past its target keeps stage `in_progress` with `hasBreached`; it closes as
 * `breached` when it stops.
 */
export interface SlaState {
  stage: SlaStage;
  hasBreached: boolean;
  startedAt: Date;
  stoppedAt: Date | null;
  targetMs: number;
  elapsedMs: number;
  pausedMs: number;
  measuredAt: Date;
  breachAt: Date | null;
  breachedAt: Date | null;
  /** Warning percents already fired, ascending. */
  warningsFired: number[];
  nextDueAt: Date | null;
}

/**
 * Something that happened to an instance. Warnings (threshold = percent) and the breach (`breached` at 100)
 * carry actions; stopping after the breach is `breached` at threshold 0.
 */
export interface SlaHappening {
  kind: 'started' | 'paused' | 'resumed' | 'warning' | 'breached' | 'achieved' | 'cancelled' | 'recomputed';
  threshold: number;
  at: Date;
}

/** Whether a condition holds on the record as a write left it (bound to that record by the caller). */
export type SlaTest = (condition: Condition) => boolean;

/** What the clock is measured against: the definition's target and thresholds, and its business calendar. */
export interface SlaRules {
  def: SlaDefinitionDoc;
  calendar: BusinessCalendar;
}

/** The measurement of an instance at a moment, without changing it. */
export interface SlaMeasure {
  elapsedMs: number;
  pausedMs: number;
  remainingMs: number;
  /** Elapsed as a percent of the target (may pass 100). */
  percent: number;
  breachAt: Date | null;
}

export function isOpen(state: SlaState): boolean {
  return state.stage === 'in_progress' || state.stage === 'paused';
}

/** Whether a record write (values by column) makes the SLA attach now: `appliesTo` and `start` both hold. */
export function shouldStart(def: SlaDefinitionDoc, test: SlaTest): boolean {
  return (!def.appliesTo || test(def.appliesTo)) && (!def.start || test(def.start));
}

/**
 * Starts an instance at `at` from the record as that write left it: from the `retroactiveStart` field's time
 * when it holds an earlier moment (that stretch counts as running), then applies the same write's pause, stop
 * and cancel. Resolves to the state and what happened.
 */
export function startSla(rules: SlaRules, at: Date, row: Record<string, unknown>, test: SlaTest): [SlaState, SlaHappening[]] {
  const { def } = rules;
  const startedAt = retroactiveStart(def, row, at) ?? at;
  const state: SlaState = {
    stage: 'in_progress',
    hasBreached: false,
    startedAt,
    stoppedAt: null,
    targetMs: durationMs(def.target),
    elapsedMs: 0,
    pausedMs: 0,
    measuredAt: startedAt,
    breachAt: null,
    breachedAt: null,
    warningsFired: [],
    nextDueAt: null,
  };
  const [next, happened] = applyWrite(rules, state, at, test);
  return [next, [{ kind: 'started', threshold: 0, at: startedAt }, ...happened]];
}

function retroactiveStart(def: SlaDefinitionDoc, row: Record<string, unknown>, at: Date): Date | null {
  if (!def.retroactiveStart) return null;
  const v = row[def.retroactiveStart];
  if (v === null || v === undefined || v === '') return null;
  const t = v instanceof Date ? v : new Date(String(v));
  if (Number.isNaN(t.getTime()) || t.getTime() > at.getTime()) return null;
  return t;
}

/**
 * Moves an open instance to `at` for a write: fires the warnings and breach due by then, then cancel, stop,
 * pause or resume as the conditions say (cancel first: a withdrawn SLA is neither met nor missed). A closed
 * instance is returned unchanged.
 */
export function applyWrite(rules: SlaRules, state: SlaState, at: Date, test: SlaTest): [SlaState, SlaHappening[]] {
  if (!isOpen(state)) return [state, []];
  const { def } = rules;
  let [s, happened] = fireDue(rules, state, at);
  if (def.cancel && test(def.cancel)) {
    s = { ...s, stage: 'cancelled', stoppedAt: at };
    happened.push({ kind: 'cancelled', threshold: 0, at });
  } else if (test(def.stop)) {
    // Stopped late: a `breached` happening at threshold 0 (the crossing itself is threshold 100, with actions).
    const kind = s.hasBreached ? 'breached' : 'achieved';
    s = { ...s, stage: kind, stoppedAt: at };
    happened.push({ kind, threshold: 0, at });
  } else {
    const pause = def.pause ? test(def.pause) : false;
    if (pause && s.stage === 'in_progress') {
      s = { ...s, stage: 'paused' };
      happened.push({ kind: 'paused', threshold: 0, at });
    } else if (!pause && s.stage === 'paused') {
      s = { ...s, stage: 'in_progress' };
      happened.push({ kind: 'resumed', threshold: 0, at });
    }
  }
  return [schedule(rules, s), happened];
}

/**
 * Moves an instance's measurement to `at` (business time counts as elapsed while in progress, as paused while
 * paused) and fires the warnings and the breach whose moment has come, each at the moment it was crossed.
 */
export function fireDue(rules: SlaRules, state: SlaState, at: Date): [SlaState, SlaHappening[]] {
  if (!isOpen(state)) return [state, []];
  const { calendar } = rules;
  const happened: SlaHappening[] = [];
  let s = { ...state, warningsFired: [...state.warningsFired] };
  if (s.stage === 'in_progress') {
    for (const t of thresholds(rules, s)) {
      const crossed = crossing(rules, s, t.ms);
      if (crossed.getTime() > at.getTime()) break;
      if (t.percent === 100) {
        s = { ...s, hasBreached: true, breachedAt: crossed };
        happened.push({ kind: 'breached', threshold: 100, at: crossed });
      } else {
        s.warningsFired.push(t.percent);
        happened.push({ kind: 'warning', threshold: t.percent, at: crossed });
      }
    }
    s.warningsFired.sort((a, b) => a - b);
  }
  if (at.getTime() <= s.measuredAt.getTime()) return [schedule(rules, s), happened];
  const used = calendar.between(s.measuredAt, at);
  s = s.stage === 'in_progress' ? { ...s, elapsedMs: s.elapsedMs + used } : { ...s, pausedMs: s.pausedMs + used };
  s.measuredAt = at;
  return [schedule(rules, s), happened];
}

/** The instance measured at `at` (not before its last measurement), without firing or changing anything. */
export function measureSla(rules: SlaRules, state: SlaState, at: Date): SlaMeasure {
  let { elapsedMs, pausedMs } = state;
  if (isOpen(state) && at.getTime() > state.measuredAt.getTime()) {
    const used = rules.calendar.between(state.measuredAt, at);
    if (state.stage === 'in_progress') elapsedMs += used;
    else pausedMs += used;
  }
  return {
    elapsedMs,
    pausedMs,
    remainingMs: Math.max(0, state.targetMs - elapsedMs),
    percent: state.targetMs > 0 ? Math.round((elapsedMs / state.targetMs) * 10_000) / 100 : 100,
    // Once breached, when it did; while running, when it will; paused or stopped in time: none.
    breachAt: state.hasBreached ? state.breachedAt : state.stage === 'in_progress' ? crossing(rules, state, state.targetMs) : null,
  };
}

/** Sets `breachAt` and `nextDueAt` from the state: the next unfired warning or the breach, while running. */
function schedule(rules: SlaRules, s: SlaState): SlaState {
  if (s.stage !== 'in_progress') return { ...s, breachAt: s.stage === 'paused' ? null : s.breachAt, nextDueAt: null };
  const breachAt = crossing(rules, s, s.targetMs);
  const [next] = thresholds(rules, s);
  return { ...s, breachAt, nextDueAt: next ? crossing(rules, s, next.ms) : null };
}

/** Unfired warnings and (when not yet breached) the breach, in the order they come. */
function thresholds(rules: SlaRules, s: SlaState): { percent: number; ms: number }[] {
  const out = rules.def.warnings
    .map((w) => w.percent)
    .filter((p, i, all) => !s.warningsFired.includes(p) && all.indexOf(p) === i)
    .map((percent) => ({ percent, ms: (s.targetMs * percent) / 100 }));
  if (!s.hasBreached) out.push({ percent: 100, ms: s.targetMs });
  return out.sort((a, b) => a.ms - b.ms || a.percent - b.percent);
}

/** When a running instance's elapsed time reaches `ms` (at its measurement when already there). */
function crossing(rules: SlaRules, s: SlaState, ms: number): Date {
  const left = ms - s.elapsedMs;
  return left <= 0 ? s.measuredAt : rules.calendar.add(s.measuredAt, left);
}
