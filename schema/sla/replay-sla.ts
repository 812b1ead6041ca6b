import { applyWrite, fireDue, isOpen, shouldStart, startSla, type SlaHappening, type SlaRules, type SlaState, type SlaTest } from './sla-clock.js';

/** One write of a record's history: when it committed and the record's values (by column) after it. */
export interface RecordWrite {
  at: Date;
  row: Record<string, unknown>;
}

/** What a replay found: the instance as it would be at `now` (null: the SLA never started) and its happenings. */
export interface SlaReplay {
  state: SlaState | null;
  happened: SlaHappening[];
}

/**
 * The SLA a record would have had under `rules`: its writes replayed in order (the first write that satisfies
 * `appliesTo` and `start` starts it, later ones move it), then measured at `now` with what fell due by then.
 * Pure: the same history gives the same answer, so recompute and backtest agree with the live engine.
 */
export function replaySla(rules: SlaRules, writes: readonly RecordWrite[], now: Date, testOf: (row: Record<string, unknown>) => SlaTest): SlaReplay {
  let state: SlaState | null = null;
  const happened: SlaHappening[] = [];
  for (const w of writes) {
    if (w.at.getTime() > now.getTime()) break;
    const test = testOf(w.row);
    if (!state) {
      if (!shouldStart(rules.def, test)) continue;
      const [s, h] = startSla(rules, w.at, w.row, test);
      state = s;
      happened.push(...h);
    } else if (isOpen(state)) {
      const [s, h] = applyWrite(rules, state, w.at, test);
      state = s;
      happened.push(...h);
    } else break;
  }
  if (state && isOpen(state)) {
    const [s, h] = fireDue(rules, state, now);
    state = s;
    happened.push(...h);
  }
  return { state, happened };
}
