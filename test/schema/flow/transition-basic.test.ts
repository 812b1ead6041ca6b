import { describe, expect, it } from 'vitest';
import { audits, buildFlow, FlowHarness, is, ofType } from './flow-harness.js';

const simple = buildFlow(
  [
    { id: 'start', kind: 'start' },
    { id: 'risk', kind: 'condition', branches: [{ id: 'high', condition: is('risk', 'high') }, { id: 'low', condition: is('risk', 'low') }] },
    { id: 'mgr', kind: 'approval', approvers: [{ manager: { levels: 1 } }] },
    { id: 'cab', kind: 'approval', approvers: [{ group: 'cab' }], policy: { kind: 'all' } },
    { id: 'notify', kind: 'action', action: { kind: 'set_fields', values: { approval: 'approved' } } },
    { id: 'ok', kind: 'end', outcome: 'approved' },
    { id: 'no', kind: 'end', outcome: 'rejected' },
  ],
  ['start>risk', 'risk>cab:high', 'risk>mgr:low', 'risk>ok:default', 'mgr>notify:approved', 'mgr>no:rejected', 'cab>notify:approved', 'cab>no:rejected', 'notify>ok'],
);

describe('transition: start, condition, approval, action, end', () => {
  it('leaves the start node, takes the default branch when no branch holds and ends at once', () => {
    const h = new FlowHarness(simple, { risk: 'none' });
    const effects = h.start();
    expect(audits(effects)).toEqual(['started', 'entered(start)', 'entered(risk)', 'branch(risk)', 'entered(ok)', 'ended(ok)']);
    expect(ofType(effects, 'audit').find((a) => a.entry.kind === 'branch')!.entry.detail).toMatchObject({ port: 'default' });
    expect(effects.at(-1)).toEqual({ type: 'ended', outcome: 'approved' });
    expect(h.state).toMatchObject({ status: 'approved', outcome: 'approved', tokens: [] });
    expect(h.state.visits).toEqual({ start: 1, risk: 1, ok: 1 });
  });

  it('takes the first branch that holds, asks the approvers and waits', () => {
    const h = new FlowHarness(simple, { risk: 'low' });
    const effects = h.send({ type: 'start' });
    expect(ofType(effects, 'audit').find((a) => a.entry.kind === 'branch')!.entry.detail).toMatchObject({ port: 'low' });
    expect(ofType(effects, 'request_approvals')).toEqual([{ type: 'request_approvals', token: 1, node: 'mgr', sources: [{ manager: { levels: 1 } }], escalation: false }]);
    expect(h.state.tokens).toEqual([{ id: 1, node: 'mgr', groups: [], wait: { kind: 'approval', tally: { asked: [], approved: [], rejected: [], resolved: false }, escalated: false } }]);
    expect(h.state.status).toBe('running');
  });

  it('any: the first approval decides; then the action runs once and its completion ends the flow', () => {
    const h = new FlowHarness(simple, { risk: 'low' });
    h.start({ mgr: ['10', '11'] });
    expect(h.state.tokens[0]!.wait).toMatchObject({ tally: { asked: ['10', '11'], resolved: true } });
    const decided = h.decide('mgr', '11', 'approved');
    expect(ofType(decided, 'withdraw_approvals')).toEqual([{ type: 'withdraw_approvals', token: 1, node: 'mgr' }]);
    expect(ofType(decided, 'run_action')).toEqual([{ type: 'run_action', token: 1, node: 'notify', action: { kind: 'set_fields', values: { approval: 'approved' } } }]);
    expect(audits(decided)).toEqual(['decided(mgr)', 'outcome(mgr)', 'entered(notify)', 'action(notify)']);
    expect(h.state.tokens[0]).toMatchObject({ node: 'notify', wait: { kind: 'action' } });
    const done = h.send({ type: 'action_done', token: 1 });
    expect(done.at(-1)).toEqual({ type: 'ended', outcome: 'approved' });
    expect(h.state.status).toBe('approved');
  });

  it('all: the first rejection rejects; approvals wait for everyone', () => {
    const h = new FlowHarness(simple, { risk: 'high' });
    h.start({ cab: ['1', '2', '3'] });
    expect(h.decide('cab', '1', 'approved')).toHaveLength(1);
    expect(h.state.status).toBe('running');
    const effects = h.decide('cab', '2', 'rejected');
    expect(audits(effects)).toEqual(['decided(cab)', 'outcome(cab)', 'entered(no)', 'ended(no)']);
    expect(h.state).toMatchObject({ status: 'rejected', outcome: 'rejected' });
  });

  it('all: approved once every person asked approved', () => {
    const h = new FlowHarness(simple, { risk: 'high' });
    h.start({ cab: ['1', '2'] });
    h.decide('cab', '2', 'approved');
    expect(h.state.tokens[0]!.node).toBe('cab');
    h.decide('cab', '1', 'approved');
    expect(h.state.tokens[0]).toMatchObject({ node: 'notify', wait: { kind: 'action' } });
  });
});
