import { describe, expect, it } from 'vitest';
import { approvalOutcome, type ApprovalPolicyDoc, type ApprovalTally } from '../../../schema/flow/index.js';
import { audits, buildFlow, FlowHarness, ofType } from './flow-harness.js';

const tally = (asked: number, approved: number, rejected: number): ApprovalTally => {
  const people = Array.from({ length: asked }, (_, i) => String(i + 1));
  return { asked: people, approved: people.slice(0, approved), rejected: people.slice(approved, approved + rejected), resolved: true };
};

describe('approvalOutcome', () => {
  const any: ApprovalPolicyDoc = { kind: 'any' };
  const all: ApprovalPolicyDoc = { kind: 'all' };
  const first: ApprovalPolicyDoc = { kind: 'first' };
  const pct = (percent: number): ApprovalPolicyDoc => ({ kind: 'percentage', percent });

  it('is open while nobody was asked (that is ifNoApprovers, not the policy)', () => {
    for (const p of [any, all, first, pct(50)]) expect(approvalOutcome(p, tally(0, 0, 0))).toBeNull();
  });

  it('any: one approval approves; rejected only once everyone rejected', () => {
    expect(approvalOutcome(any, tally(3, 0, 2))).toBeNull();
    expect(approvalOutcome(any, tally(3, 1, 2))).toBe('approved');
    expect(approvalOutcome(any, tally(3, 0, 3))).toBe('rejected');
  });

  it('all: one rejection rejects; approved only once everyone approved', () => {
    expect(approvalOutcome(all, tally(3, 2, 0))).toBeNull();
    expect(approvalOutcome(all, tally(3, 3, 0))).toBe('approved');
    expect(approvalOutcome(all, tally(3, 2, 1))).toBe('rejected');
  });

  it('first: the first answer decides either way', () => {
    expect(approvalOutcome(first, tally(5, 0, 0))).toBeNull();
    expect(approvalOutcome(first, tally(5, 1, 0))).toBe('approved');
    expect(approvalOutcome(first, tally(5, 0, 1))).toBe('rejected');
  });

  it('percentage rounds the approvals needed up', () => {
    // 50 % of 3 is 1.5: two approvals are needed.
    expect(approvalOutcome(pct(50), tally(3, 1, 0))).toBeNull();
    expect(approvalOutcome(pct(50), tally(3, 2, 0))).toBe('approved');
    // 34 % of 3 is 1.02: two are needed, not one.
    expect(approvalOutcome(pct(34), tally(3, 1, 0))).toBeNull();
    // 33 % of 3 is 0.99: one is enough.
    expect(approvalOutcome(pct(33), tally(3, 1, 0))).toBe('approved');
    // 1 % of 1 still needs one approval.
    expect(approvalOutcome(pct(1), tally(1, 0, 0))).toBeNull();
    expect(approvalOutcome(pct(100), tally(4, 3, 0))).toBeNull();
    expect(approvalOutcome(pct(100), tally(4, 4, 0))).toBe('approved');
    // 7 × 100 / 100 is exactly 7 (no floating-point rounding up to 8).
    expect(approvalOutcome(pct(100), tally(7, 7, 0))).toBe('approved');
  });

  it('percentage rejects as soon as the threshold can no longer be reached', () => {
    // 60 % of 5 needs 3: after 2 rejections 3 are still possible, after 3 only 2.
    expect(approvalOutcome(pct(60), tally(5, 0, 2))).toBeNull();
    expect(approvalOutcome(pct(60), tally(5, 1, 3))).toBe('rejected');
    expect(approvalOutcome(pct(60), tally(5, 2, 2))).toBeNull();
  });
});

const approvalFlow = (node: Record<string, unknown>) =>
  buildFlow(
    [{ id: 'start', kind: 'start' }, { id: 'ask', kind: 'approval', approvers: [{ group: 'cab' }], ...node }, { id: 'ok', kind: 'end', outcome: 'approved' }, { id: 'no', kind: 'end', outcome: 'rejected' }],
    ['start>ask', 'ask>ok:approved', 'ask>no:rejected'],
  );

describe('transition: approval policies', () => {
  it('percentage: approves when the rounded-up share approved', () => {
    const h = new FlowHarness(approvalFlow({ policy: { kind: 'percentage', percent: 50 } }));
    h.start({ ask: ['1', '2', '3'] });
    h.decide('ask', '1', 'approved');
    expect(h.state.status).toBe('running');
    const effects = h.decide('ask', '3', 'approved');
    expect(ofType(effects, 'audit').find((a) => a.entry.kind === 'outcome')!.entry.detail).toEqual({ outcome: 'approved', reason: 'policy' });
    expect(ofType(effects, 'withdraw_approvals')).toHaveLength(1);
    expect(h.state.status).toBe('approved');
  });

  it('percentage: rejects once the share can no longer be reached, without waiting for the rest', () => {
    const h = new FlowHarness(approvalFlow({ policy: { kind: 'percentage', percent: 75 } }));
    h.start({ ask: ['1', '2', '3', '4'] });
    h.decide('ask', '1', 'rejected');
    expect(h.state.status).toBe('running');
    h.decide('ask', '2', 'rejected');
    expect(h.state.status).toBe('rejected');
  });

  it('first: a rejection first rejects, whoever else was asked', () => {
    const h = new FlowHarness(approvalFlow({ policy: { kind: 'first' } }));
    h.start({ ask: ['1', '2', '3'] });
    h.decide('ask', '2', 'rejected');
    expect(h.state.status).toBe('rejected');
  });

  it('any: rejected only after everyone asked rejected', () => {
    const h = new FlowHarness(approvalFlow({}));
    h.start({ ask: ['1', '2'] });
    h.decide('ask', '1', 'rejected');
    expect(h.state.status).toBe('running');
    h.decide('ask', '2', 'rejected');
    expect(h.state.status).toBe('rejected');
  });

  it('ignores answers from people not asked, second answers, and answers before the approvers are resolved', () => {
    const h = new FlowHarness(approvalFlow({ policy: { kind: 'all' } }));
    h.send({ type: 'start' });
    const early = h.state;
    expect(h.send({ type: 'decision', token: 1, person: '1', decision: 'approved' })).toEqual([]);
    expect(h.state).toBe(early);
    h.send({ type: 'approvers_resolved', token: 1, approvers: ['1', '2', '2'] });
    expect(h.state.tokens[0]!.wait).toMatchObject({ tally: { asked: ['1', '2'] } });
    expect(h.send({ type: 'approvers_resolved', token: 1, approvers: ['9'] }), 'resolved twice').toEqual([]);
    expect(h.decide('ask', '9', 'rejected'), 'not asked').toEqual([]);
    expect(h.decide('ask', '1', 'approved')).toHaveLength(1);
    expect(h.decide('ask', '1', 'rejected'), 'second answer').toEqual([]);
    expect(h.state.tokens[0]!.wait).toMatchObject({ tally: { approved: ['1'], rejected: [] } });
    h.decide('ask', '2', 'approved');
    expect(h.state.status).toBe('approved');
  });

  it('nobody to ask: ifNoApprovers decides at once (reject by default), and the audit says why', () => {
    const rejecting = new FlowHarness(approvalFlow({}));
    const effects = rejecting.start({ ask: [] });
    expect(audits(effects)).toContain('asked(ask)');
    expect(ofType(effects, 'audit').find((a) => a.entry.kind === 'outcome')!.entry.detail).toEqual({ outcome: 'rejected', reason: 'no_approvers' });
    expect(rejecting.state.status).toBe('rejected');

    const approving = new FlowHarness(approvalFlow({ ifNoApprovers: 'approve', due: { after: 'PT4H', onExpiry: 'reject' } }));
    const fx = approving.start({ ask: [] });
    expect(approving.state.status).toBe('approved');
    expect(ofType(fx, 'cancel_timer'), 'the due timer set on entry is cancelled').toEqual([{ type: 'cancel_timer', token: 1, node: 'ask', key: 'due' }]);
  });
});
