import type { FlowNodeOf } from '../../flow.js';
import type { ApprovalTally, FlowToken } from '../flow-state.js';
import type { FlowRun } from '../flow-run.js';
import { approvalOutcome } from '../approval-outcome.js';
import { audit } from '../audit.js';
import { followEdge } from '../follow-edge.js';

type ApprovalNode = FlowNodeOf<'approval'>;

const freshTally = (): ApprovalTally => ({ asked: [], approved: [], rejected: [], resolved: false });

function setDue(run: FlowRun, token: FlowToken, node: ApprovalNode): void {
  if (!node.due) return;
  run.effects.push({ type: 'set_timer', token: token.id, node: node.id, key: 'due', after: node.due.after, ...(node.due.schedule ? { schedule: node.due.schedule } : {}) });
  audit(run, 'timer_set', node.id, token.id, { key: 'due', after: node.due.after, schedule: node.due.schedule ?? null });
}

/** The node has its outcome: open requests are withdrawn, the due timer (unless it is what fired) cancelled. */
function decide(run: FlowRun, token: FlowToken, node: ApprovalNode, outcome: 'approved' | 'rejected', reason: string, dueFired: boolean): void {
  run.effects.push({ type: 'withdraw_approvals', token: token.id, node: node.id });
  if (node.due && !dueFired) run.effects.push({ type: 'cancel_timer', token: token.id, node: node.id, key: 'due' });
  audit(run, 'outcome', node.id, token.id, { outcome, reason });
  followEdge(run, token, outcome);
}

/**
 * Approval: asks the people its `approvers` resolve to (the runner resolves them and answers with
 * `approvers_resolved`), tallies their answers under `policy`, and follows port `approved` or `rejected`.
 * - Nobody to ask (resolved to an empty list, also after an escalation): the outcome is `ifNoApprovers`.
 * - An answer counts once, and only from a person asked at the current round; anything else changes nothing.
 * - Due time: `onExpiry` approve/reject decides; `escalate` withdraws the open requests and asks `escalateTo`
 *   with a fresh tally (answers of the first round do not count: those people were asked about a request now
 *   handed up, and their withdrawn requests can no longer be answered) and a new due time, once; expiring again
 *   after the escalation rejects. `escalate` without `escalateTo` (the validator rejects it) rejects at once.
 */
export const approvalNode = {
  enter(run: FlowRun, token: FlowToken, node: ApprovalNode): void {
    run.effects.push({ type: 'request_approvals', token: token.id, node: node.id, sources: node.approvers, escalation: false });
    token.wait = { kind: 'approval', tally: freshTally(), escalated: false };
    setDue(run, token, node);
  },

  /** The runner resolved who is asked. Returns false (nothing happens) if they were resolved already. */
  resolved(run: FlowRun, token: FlowToken, node: ApprovalNode, approvers: string[]): boolean {
    if (token.wait?.kind !== 'approval' || token.wait.tally.resolved) return false;
    const tally = token.wait.tally;
    tally.asked = [...new Set(approvers)];
    tally.resolved = true;
    audit(run, 'asked', node.id, token.id, { approvers: tally.asked, escalation: token.wait.escalated });
    if (tally.asked.length === 0) decide(run, token, node, node.ifNoApprovers === 'approve' ? 'approved' : 'rejected', 'no_approvers', false);
    return true;
  },

  /** `person` answered. Returns false (nothing happens) for a person not asked now or who answered already. */
  decided(run: FlowRun, token: FlowToken, node: ApprovalNode, person: string, decision: 'approved' | 'rejected'): boolean {
    if (token.wait?.kind !== 'approval') return false;
    const tally = token.wait.tally;
    if (!tally.asked.includes(person) || tally.approved.includes(person) || tally.rejected.includes(person)) return false;
    (decision === 'approved' ? tally.approved : tally.rejected).push(person);
    audit(run, 'decided', node.id, token.id, { person, decision });
    const outcome = approvalOutcome(node.policy, tally);
    if (outcome) decide(run, token, node, outcome, 'policy', false);
    return true;
  },

  /** The due time passed. Returns false for a node without a due time. */
  expired(run: FlowRun, token: FlowToken, node: ApprovalNode): boolean {
    if (token.wait?.kind !== 'approval' || !node.due) return false;
    const { onExpiry, escalateTo } = node.due;
    if (onExpiry === 'escalate' && !token.wait.escalated && escalateTo && escalateTo.length > 0) {
      run.effects.push({ type: 'withdraw_approvals', token: token.id, node: node.id });
      audit(run, 'expired', node.id, token.id, { onExpiry });
      audit(run, 'escalated', node.id, token.id, { to: escalateTo });
      run.effects.push({ type: 'request_approvals', token: token.id, node: node.id, sources: escalateTo, escalation: true });
      token.wait = { kind: 'approval', tally: freshTally(), escalated: true };
      setDue(run, token, node);
      return true;
    }
    const outcome = onExpiry === 'approve' ? 'approved' : 'rejected';
    audit(run, 'expired', node.id, token.id, { onExpiry, escalated: token.wait.escalated });
    decide(run, token, node, outcome, 'expired', true);
    return true;
  },

  /** The path is called off: open requests withdrawn, the due timer cancelled. */
  withdraw(run: FlowRun, token: FlowToken, node: ApprovalNode): void {
    run.effects.push({ type: 'withdraw_approvals', token: token.id, node: node.id });
    if (node.due) run.effects.push({ type: 'cancel_timer', token: token.id, node: node.id, key: 'due' });
  },
};
