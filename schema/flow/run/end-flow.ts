import type { FlowOutcome } from '../flow.js';
import type { FlowAuditEntry } from './flow-state.js';
import type { FlowRun } from './flow-run.js';
import { withdrawToken } from './withdraw-token.js';

/**
 * Ends the flow with `outcome`: every live token but `by` (the one that reached an end, if any) is withdrawn —
 * what it waits on is withdrawn or cancelled, with a `withdrawn` audit line each — then `last` is audited and
 * `ended` is the step's last effect. Nothing moves after: the remaining arrivals are dropped.
 */
export function endFlow(run: FlowRun, outcome: FlowOutcome, last: FlowAuditEntry, by: number | null = null): void {
  for (const token of [...run.state.tokens]) if (token.id !== by) withdrawToken(run, token, outcome);
  run.state.tokens = [];
  run.state.groups = {};
  run.arrivals.length = 0;
  run.state.status = outcome;
  run.state.outcome = outcome;
  run.effects.push({ type: 'audit', entry: last });
  run.effects.push({ type: 'ended', outcome });
}
