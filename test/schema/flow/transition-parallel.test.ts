import { describe, expect, it } from 'vitest';
import { audits, buildFlow, FlowHarness, ofType } from './flow-harness.js';

/** split → (tech approval | business approval) → join → end; rejections end the flow. */
const twoApprovals = (mode: 'all' | 'any') =>
  buildFlow(
    [
      { id: 'start', kind: 'start' },
      { id: 'split', kind: 'parallel' },
      { id: 'tech', kind: 'approval', approvers: [{ group: 'tech' }], due: { after: 'PT4H', onExpiry: 'reject' } },
      { id: 'biz', kind: 'approval', approvers: [{ group: 'biz' }] },
      { id: 'join', kind: 'join', mode },
      { id: 'ok', kind: 'end', outcome: 'approved' },
      { id: 'no', kind: 'end', outcome: 'rejected' },
    ],
    ['start>split', 'split>tech', 'split>biz', 'tech>join:approved', 'tech>no:rejected', 'biz>join:approved', 'biz>no:rejected', 'join>ok'],
  );

describe('transition: parallel and join', () => {
  it('split: consumes the token and makes one per edge inside a new group', () => {
    const h = new FlowHarness(twoApprovals('all'));
    const effects = h.send({ type: 'start' });
    expect(h.state.tokens.map((t) => ({ id: t.id, node: t.node, groups: t.groups }))).toEqual([
      { id: 2, node: 'tech', groups: [1] },
      { id: 3, node: 'biz', groups: [1] },
    ]);
    expect(h.state.groups).toEqual({ '1': { split: 'split', branches: 2, arrived: [], join: null } });
    expect(h.state).toMatchObject({ nextToken: 4, nextGroup: 2 });
    expect(ofType(effects, 'request_approvals').map((e) => [e.token, e.node])).toEqual([
      [2, 'tech'],
      [3, 'biz'],
    ]);
  });

  it('join all: waits for every branch, then one new token outside the group goes on', () => {
    const h = new FlowHarness(twoApprovals('all'));
    h.start({ tech: ['1'], biz: ['2'] });
    const first = h.decide('tech', '1', 'approved');
    expect(audits(first)).toEqual(['decided(tech)', 'outcome(tech)', 'entered(join)', 'joined(join)']);
    expect(h.state.tokens.find((t) => t.id === 2)).toMatchObject({ node: 'join', wait: { kind: 'join' } });
    expect(h.state.groups['1']).toMatchObject({ arrived: [2], join: 'join' });
    const second = h.decide('biz', '2', 'approved');
    expect(audits(second)).toEqual(['decided(biz)', 'outcome(biz)', 'entered(join)', 'joined(join)', 'entered(ok)', 'ended(ok)']);
    expect(h.state).toMatchObject({ status: 'approved', tokens: [], groups: {} });
    expect(h.state.nextToken, 'the joined token is a new one').toBe(5);
  });

  it('a rejected branch reaching an end ends the flow and withdraws the other branch', () => {
    const h = new FlowHarness(twoApprovals('all'));
    h.start({ tech: ['1'], biz: ['2'] });
    const effects = h.decide('biz', '2', 'rejected');
    expect(ofType(effects, 'withdraw_approvals').map((e) => [e.token, e.node])).toEqual([
      [3, 'biz'],
      [2, 'tech'],
    ]);
    expect(ofType(effects, 'cancel_timer')).toEqual([{ type: 'cancel_timer', token: 2, node: 'tech', key: 'due' }]);
    expect(audits(effects).slice(-2)).toEqual(['withdrawn(tech)', 'ended(no)']);
    expect(effects.at(-1)).toEqual({ type: 'ended', outcome: 'rejected' });
    expect(h.state).toMatchObject({ status: 'rejected', tokens: [], groups: {} });
  });

  it('join any: the first branch goes on, the others are withdrawn with what they wait on', () => {
    const h = new FlowHarness(twoApprovals('any'));
    h.start({ tech: ['1'], biz: ['2'] });
    const effects = h.decide('biz', '2', 'approved');
    expect(ofType(effects, 'withdraw_approvals').map((e) => [e.token, e.node])).toEqual([
      [3, 'biz'],
      [2, 'tech'],
    ]);
    expect(ofType(effects, 'cancel_timer')).toEqual([{ type: 'cancel_timer', token: 2, node: 'tech', key: 'due' }]);
    expect(audits(effects)).toEqual(['decided(biz)', 'outcome(biz)', 'entered(join)', 'joined(join)', 'withdrawn(tech)', 'entered(ok)', 'ended(ok)']);
    expect(h.state.status).toBe('approved');
    expect(h.send({ type: 'decision', token: 2, person: '1', decision: 'approved' }), 'the withdrawn token is gone').toEqual([]);
  });

  it('join any withdraws timers and child flows too', () => {
    const flow = buildFlow(
      [
        { id: 'start', kind: 'start' },
        { id: 'split', kind: 'parallel' },
        { id: 'wait', kind: 'timer', after: 'P1D' },
        { id: 'child', kind: 'subflow', flow: 'legal_review' },
        { id: 'work', kind: 'action', action: { kind: 'assign', group: 'ops' } },
        { id: 'join', kind: 'join', mode: 'any' },
        { id: 'after', kind: 'action', action: { kind: 'transition', to: 'approved' } },
        { id: 'ok', kind: 'end', outcome: 'approved' },
      ],
      ['start>split', 'split>wait', 'split>child', 'split>work', 'wait>join', 'child>join:approved', 'child>join:rejected', 'work>join', 'join>after', 'after>ok'],
    );
    const h = new FlowHarness(flow);
    h.start();
    expect(h.where()).toEqual(['child', 'wait', 'work']);
    const effects = h.send({ type: 'action_done', token: h.tokenAt('work') });
    expect(ofType(effects, 'cancel_timer')).toEqual([{ type: 'cancel_timer', token: 2, node: 'wait', key: 'wait' }]);
    expect(ofType(effects, 'cancel_subflow')).toEqual([{ type: 'cancel_subflow', token: 3, node: 'child' }]);
    expect(h.state.tokens.map((t) => [t.id, t.node, t.groups])).toEqual([[4, 'after', []]]);
    expect(h.state).toMatchObject({ status: 'running', groups: {} });
  });

  it('nested groups: an inner join closes the inner group only; the outer join waits for the outer branches', () => {
    const flow = buildFlow(
      [
        { id: 'start', kind: 'start' },
        { id: 'outer', kind: 'parallel' },
        { id: 'inner', kind: 'parallel' },
        { id: 'it', kind: 'action', action: { kind: 'assign', group: 'it' } },
        { id: 'fac', kind: 'action', action: { kind: 'assign', group: 'facilities' } },
        { id: 'inner_join', kind: 'join' },
        { id: 'mgr', kind: 'approval', approvers: [{ manager: { levels: 1 } }] },
        { id: 'outer_join', kind: 'join' },
        { id: 'ok', kind: 'end', outcome: 'approved' },
        { id: 'no', kind: 'end', outcome: 'rejected' },
      ],
      ['start>outer', 'outer>inner', 'outer>mgr', 'inner>it', 'inner>fac', 'it>inner_join', 'fac>inner_join', 'inner_join>outer_join', 'mgr>outer_join:approved', 'mgr>no:rejected', 'outer_join>ok'],
    );
    const h = new FlowHarness(flow);
    h.start({ mgr: ['5'] });
    expect(h.state.tokens.map((t) => [t.id, t.node, t.groups])).toEqual([
      [3, 'mgr', [1]],
      [4, 'it', [1, 2]],
      [5, 'fac', [1, 2]],
    ]);
    h.send({ type: 'action_done', token: 4 });
    expect(h.state.groups['2']).toMatchObject({ arrived: [4], join: 'inner_join' });
    h.send({ type: 'action_done', token: 5 });
    expect(h.state.groups['2'], 'the inner group is closed').toBeUndefined();
    expect(h.state.tokens.map((t) => [t.id, t.node, t.groups])).toEqual([
      [3, 'mgr', [1]],
      [6, 'outer_join', [1]],
    ]);
    expect(h.state.groups['1']).toMatchObject({ arrived: [6], branches: 2 });
    h.decide('mgr', '5', 'approved');
    expect(h.state.status).toBe('approved');
    expect(h.state.visits).toMatchObject({ outer_join: 2, inner_join: 2, ok: 1 });
  });

  it('join any on an outer group withdraws the paths of a nested group and drops that group', () => {
    const flow = buildFlow(
      [
        { id: 'start', kind: 'start' },
        { id: 'outer', kind: 'parallel' },
        { id: 'inner', kind: 'parallel' },
        { id: 'a', kind: 'approval', approvers: [{ user: 'a' }] },
        { id: 'b', kind: 'approval', approvers: [{ user: 'b' }] },
        { id: 'inner_join', kind: 'join' },
        { id: 'fast', kind: 'action', action: { kind: 'assign', group: 'x' } },
        { id: 'outer_join', kind: 'join', mode: 'any' },
        { id: 'after', kind: 'action', action: { kind: 'transition', to: 'approved' } },
        { id: 'ok', kind: 'end', outcome: 'approved' },
        { id: 'no', kind: 'end', outcome: 'rejected' },
      ],
      ['start>outer', 'outer>inner', 'outer>fast', 'inner>a', 'inner>b', 'a>inner_join:approved', 'a>no:rejected', 'b>inner_join:approved', 'b>no:rejected', 'inner_join>outer_join', 'fast>outer_join', 'outer_join>after', 'after>ok'],
    );
    const h = new FlowHarness(flow);
    h.start({ a: ['1'], b: ['2'] });
    h.decide('a', '1', 'approved');
    expect(Object.keys(h.state.groups).sort()).toEqual(['1', '2']);
    const effects = h.send({ type: 'action_done', token: h.tokenAt('fast') });
    expect(ofType(effects, 'withdraw_approvals').map((e) => e.node)).toEqual(['b']);
    expect(audits(effects).filter((a) => a.startsWith('withdrawn'))).toEqual(['withdrawn(inner_join)', 'withdrawn(b)']);
    expect(h.where()).toEqual(['after']);
    expect(h.state).toMatchObject({ status: 'running', groups: {} });
  });

  it('join any while sibling branches have not yet entered their first node: they are dropped before asking anyone', () => {
    const flow = buildFlow(
      [
        { id: 'start', kind: 'start' },
        { id: 'split', kind: 'parallel' },
        { id: 'ask', kind: 'approval', approvers: [{ user: 'a' }] },
        { id: 'join', kind: 'join', mode: 'any' },
        { id: 'after', kind: 'action', action: { kind: 'transition', to: 'approved' } },
        { id: 'ok', kind: 'end', outcome: 'approved' },
        { id: 'no', kind: 'end', outcome: 'rejected' },
      ],
      ['start>split', 'split>join', 'split>ask', 'ask>join:approved', 'ask>no:rejected', 'join>after', 'after>ok'],
    );
    const h = new FlowHarness(flow);
    const effects = h.start();
    expect(ofType(effects, 'request_approvals')).toEqual([]);
    expect(audits(effects)).toContain('withdrawn(ask)');
    expect(h.state.visits.ask, 'never entered').toBeUndefined();
    expect(h.where()).toEqual(['after']);
  });

  it('a token in no group passes a join straight through', () => {
    const flow = buildFlow(
      [
        { id: 'start', kind: 'start' },
        { id: 'join', kind: 'join' },
        { id: 'ok', kind: 'end', outcome: 'approved' },
      ],
      ['start>join', 'join>ok'],
    );
    const h = new FlowHarness(flow);
    h.start();
    expect(h.state.status).toBe('approved');
  });
});
