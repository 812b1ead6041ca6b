import { describe, expect, it } from 'vitest';
import { audits, buildFlow, FlowHarness, ofType } from './flow-harness.js';

const withDue = (due: Record<string, unknown>, policy: Record<string, unknown> = { kind: 'any' }) =>
  buildFlow(
    [
      { id: 'start', kind: 'start' },
      { id: 'ask', kind: 'approval', approvers: [{ user: 'ann' }], policy, due },
      { id: 'ok', kind: 'end', outcome: 'approved' },
      { id: 'no', kind: 'end', outcome: 'rejected' },
    ],
    ['start>ask', 'ask>ok:approved', 'ask>no:rejected'],
  );

describe('transition: approval due time', () => {
  it('sets the due timer on entry and cancels it when the approvers decide in time', () => {
    const h = new FlowHarness(withDue({ after: 'PT8H', schedule: 'office', onExpiry: 'reject' }));
    const started = h.start({ ask: ['1'] });
    expect(ofType(started, 'set_timer')).toEqual([{ type: 'set_timer', token: 1, node: 'ask', key: 'due', after: 'PT8H', schedule: 'office' }]);
    const decided = h.decide('ask', '1', 'approved');
    expect(ofType(decided, 'cancel_timer')).toEqual([{ type: 'cancel_timer', token: 1, node: 'ask', key: 'due' }]);
    expect(h.state.status).toBe('approved');
    expect(h.send({ type: 'timer_fired', token: 1, key: 'due' }), 'a late timer after the end').toEqual([]);
  });

  it('expiry with onExpiry approve approves (withdrawing open requests, no timer to cancel)', () => {
    const h = new FlowHarness(withDue({ after: 'PT1H', onExpiry: 'approve' }));
    h.start({ ask: ['1', '2'] });
    const effects = h.send({ type: 'timer_fired', token: 1, key: 'due' });
    expect(audits(effects).slice(0, 2)).toEqual(['expired(ask)', 'outcome(ask)']);
    expect(ofType(effects, 'withdraw_approvals')).toHaveLength(1);
    expect(ofType(effects, 'cancel_timer')).toEqual([]);
    expect(h.state.status).toBe('approved');
  });

  it('expiry with onExpiry reject rejects', () => {
    const h = new FlowHarness(withDue({ after: 'PT1H', onExpiry: 'reject' }));
    h.start({ ask: ['1'] });
    h.send({ type: 'timer_fired', token: 1, key: 'due' });
    expect(h.state.status).toBe('rejected');
  });

  it('escalation withdraws, asks escalateTo with a fresh tally and a new due time; a second expiry rejects', () => {
    const h = new FlowHarness(withDue({ after: 'PT2H', onExpiry: 'escalate', escalateTo: [{ role: 'director' }] }, { kind: 'all' }));
    h.start({ ask: ['1', '2'] });
    h.decide('ask', '1', 'approved');
    const escalated = h.send({ type: 'timer_fired', token: 1, key: 'due' });
    expect(escalated.map((e) => e.type)).toEqual(['withdraw_approvals', 'audit', 'audit', 'request_approvals', 'set_timer', 'audit']);
    expect(ofType(escalated, 'request_approvals')).toEqual([{ type: 'request_approvals', token: 1, node: 'ask', sources: [{ role: 'director' }], escalation: true }]);
    expect(audits(escalated)).toEqual(['expired(ask)', 'escalated(ask)', 'timer_set(ask)']);
    expect(h.state.tokens[0]!.wait).toEqual({ kind: 'approval', tally: { asked: [], approved: [], rejected: [], resolved: false }, escalated: true });
    h.send({ type: 'approvers_resolved', token: 1, approvers: ['7', '8'] });
    expect(h.decide('ask', '2', 'approved'), 'someone asked before the escalation no longer counts').toEqual([]);
    h.decide('ask', '7', 'approved');
    expect(h.state.status).toBe('running');
    const second = h.send({ type: 'timer_fired', token: 1, key: 'due' });
    expect(ofType(second, 'request_approvals')).toEqual([]);
    expect(ofType(second, 'audit').find((a) => a.entry.kind === 'outcome')!.entry.detail).toEqual({ outcome: 'rejected', reason: 'expired' });
    expect(h.state.status).toBe('rejected');
  });

  it('escalation answered in time decides by the policy on the new round', () => {
    const h = new FlowHarness(withDue({ after: 'PT2H', onExpiry: 'escalate', escalateTo: [{ user: 'boss' }] }));
    h.start({ ask: ['1'] });
    h.send({ type: 'timer_fired', token: 1, key: 'due' });
    h.send({ type: 'approvers_resolved', token: 1, approvers: ['99'] });
    const effects = h.decide('ask', '99', 'approved');
    expect(ofType(effects, 'cancel_timer')).toHaveLength(1);
    expect(h.state.status).toBe('approved');
  });

  it('an escalation resolving to nobody takes ifNoApprovers', () => {
    const h = new FlowHarness(withDue({ after: 'PT2H', onExpiry: 'escalate', escalateTo: [{ group: 'empty' }] }));
    h.start({ ask: ['1'] });
    h.send({ type: 'timer_fired', token: 1, key: 'due' });
    h.send({ type: 'approvers_resolved', token: 1, approvers: [] });
    expect(h.state.status).toBe('rejected');
  });

  it('escalate without escalateTo rejects at the first expiry', () => {
    const h = new FlowHarness(withDue({ after: 'PT2H', onExpiry: 'escalate' }));
    h.start({ ask: ['1'] });
    h.send({ type: 'timer_fired', token: 1, key: 'due' });
    expect(h.state.status).toBe('rejected');
  });

  it('ignores a due timer on an approval without a due time, and a wait timer at an approval', () => {
    const h = new FlowHarness(buildFlow([{ id: 'start', kind: 'start' }, { id: 'ask', kind: 'approval', approvers: [{ user: 'ann' }] }, { id: 'ok', kind: 'end', outcome: 'approved' }, { id: 'no', kind: 'end', outcome: 'rejected' }], ['start>ask', 'ask>ok:approved', 'ask>no:rejected']));
    h.start({ ask: ['1'] });
    const before = h.state;
    expect(h.send({ type: 'timer_fired', token: 1, key: 'due' })).toEqual([]);
    expect(h.send({ type: 'timer_fired', token: 1, key: 'wait' })).toEqual([]);
    expect(h.state).toBe(before);
  });
});
