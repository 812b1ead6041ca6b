import type { FlowNodeOf } from '../../flow.js';
import type { FlowToken } from '../flow-state.js';
import type { FlowRun } from '../flow-run.js';
import { audit } from '../audit.js';
import { followEdge } from '../follow-edge.js';

/**
 * Timer: waits `after` (a `wait` timer in business time), or `until` its condition holds on the record (checked
 * on entry and on each `record_changed`), or with both whichever comes first — the timer is cancelled when the
 * condition wins. A timer with neither lets the token through.
 */
export const timerNode = {
  enter(run: FlowRun, token: FlowToken, node: FlowNodeOf<'timer'>): void {
    if (node.until && run.env.holds(node.until)) {
      audit(run, 'timer_fired', node.id, token.id, { reason: 'condition' });
      followEdge(run, token);
      return;
    }
    if (!node.after && !node.until) {
      followEdge(run, token);
      return;
    }
    if (node.after) run.effects.push({ type: 'set_timer', token: token.id, node: node.id, key: 'wait', after: node.after, ...(node.schedule ? { schedule: node.schedule } : {}) });
    audit(run, 'timer_set', node.id, token.id, { after: node.after ?? null, schedule: node.schedule ?? null, until: node.until !== undefined });
    token.wait = { kind: 'timer' };
  },

  /** The `wait` timer fired: the token goes on. */
  elapsed(run: FlowRun, token: FlowToken, node: FlowNodeOf<'timer'>): void {
    audit(run, 'timer_fired', node.id, token.id, { reason: 'elapsed' });
    followEdge(run, token);
  },

  /** The record changed: a token waiting `until` goes on if the condition holds now. Returns whether it moved. */
  recheck(run: FlowRun, token: FlowToken, node: FlowNodeOf<'timer'>): boolean {
    if (!node.until || !run.env.holds(node.until)) return false;
    if (node.after) run.effects.push({ type: 'cancel_timer', token: token.id, node: node.id, key: 'wait' });
    audit(run, 'timer_fired', node.id, token.id, { reason: 'condition' });
    followEdge(run, token);
    return true;
  },

  /** The path is called off: its timer too. */
  withdraw(run: FlowRun, token: FlowToken, node: FlowNodeOf<'timer'>): void {
    if (node.after) run.effects.push({ type: 'cancel_timer', token: token.id, node: node.id, key: 'wait' });
  },
};
