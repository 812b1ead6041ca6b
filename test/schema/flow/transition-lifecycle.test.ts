import { describe, expect, it } from 'vitest';
import { initialFlowState, transition, type FlowEvent, type FlowState } from '../../../schema/flow/index.js';
import { audits, buildFlow, FlowHarness, is, ofType, recordEnv } from './flow-harness.js';

const flow = buildFlow(
  [
    { id: 'start', kind: 'start', label: 'Start' },
    { id: 'split', kind: 'parallel' },
    { id: 'ask', kind: 'approval', approvers: [{ user: 'ann' }], due: { after: 'PT1H', onExpiry: 'reject' } },
    { id: 'wait', kind: 'timer', after: 'PT2H' },
    { id: 'join', kind: 'join' },
    { id: 'ok', kind: 'end', outcome: 'approved' },
    { id: 'no', kind: 'end', outcome: 'rejected' },
  ],
  ['start>split', 'split>ask', 'split>wait', 'ask>join:approved', 'ask>no:rejected', 'wait>join', 'join>ok'],
);

const deepFreeze = <T>(value: T): T => {
  if (value && typeof value === 'object') {
    for (const v of Object.values(value)) deepFreeze(v);
    Object.freeze(value);
  }
  return value;
};

describe('transition: lifecycle', () => {
  it('audits the entry of each node with its kind and label', () => {
    const h = new FlowHarness(flow);
    const effects = h.start();
    expect(ofType(effects, 'audit')[1]!.entry).toEqual({ kind: 'entered', node: 'start', token: 1, detail: { kind: 'start', label: 'Start' } });
    expect(h.state.visits).toEqual({ start: 1, split: 1, ask: 1, wait: 1 });
  });

  it('cancel withdraws everything, audits the reason and ends with ended(cancelled) last', () => {
    const h = new FlowHarness(flow);
    h.start({ ask: ['1'] });
    const effects = h.send({ type: 'cancel', reason: 'record deleted' });
    expect(effects.map((e) => e.type)).toEqual(['withdraw_approvals', 'cancel_timer', 'audit', 'cancel_timer', 'audit', 'audit', 'ended']);
    expect(ofType(effects, 'cancel_timer').map((e) => e.key)).toEqual(['due', 'wait']);
    expect(ofType(effects, 'audit').at(-1)!.entry).toEqual({ kind: 'cancelled', node: null, token: null, detail: { reason: 'record deleted' } });
    expect(effects.at(-1)).toEqual({ type: 'ended', outcome: 'cancelled' });
    expect(h.state).toMatchObject({ status: 'cancelled', outcome: 'cancelled', tokens: [], groups: {} });
  });

  it('ignores late events: the same state object back and no effects', () => {
    const h = new FlowHarness(flow);
    h.start({ ask: ['1'] });
    const live = h.state;
    const late: FlowEvent[] = [
      { type: 'start' },
      { type: 'decision', token: 99, person: '1', decision: 'approved' },
      { type: 'approvers_resolved', token: 3, approvers: ['2'] },
      { type: 'action_done', token: 2 },
      { type: 'subflow_ended', token: 2, outcome: 'approved' },
      { type: 'timer_fired', token: 2, key: 'wait' },
      { type: 'record_changed' },
    ];
    for (const event of late) {
      const step = transition(flow, live, event, h.env);
      expect(step.effects, event.type).toEqual([]);
      expect(step.state, event.type).toBe(live);
    }
  });

  it('ignores every event after the flow ended, cancel included', () => {
    const h = new FlowHarness(flow);
    h.start({ ask: ['1'] });
    h.decide('ask', '1', 'rejected');
    const ended = h.state;
    for (const event of [{ type: 'cancel', reason: 'x' }, { type: 'timer_fired', token: 3, key: 'wait' }, { type: 'start' }] as FlowEvent[]) {
      const step = transition(flow, ended, event, h.env);
      expect(step).toEqual({ state: ended, effects: [] });
    }
  });

  it('events before start move nothing; cancel before start ends the flow', () => {
    const fresh = initialFlowState('start');
    expect(transition(flow, fresh, { type: 'record_changed' }, recordEnv({})).effects).toEqual([]);
    const cancelled = transition(flow, fresh, { type: 'cancel', reason: 'never mind' }, recordEnv({}));
    expect(cancelled.state.status).toBe('cancelled');
  });

  it('is pure: a frozen input state works, and the same input gives the same output', () => {
    const h = new FlowHarness(flow);
    h.start({ ask: ['1'] });
    const frozen = deepFreeze(structuredClone(h.state)) as FlowState;
    const a = transition(flow, frozen, { type: 'decision', token: 2, person: '1', decision: 'approved' }, h.env);
    const b = transition(flow, frozen, { type: 'decision', token: 2, person: '1', decision: 'approved' }, h.env);
    expect(a).toEqual(b);
    expect(a.state).not.toBe(frozen);
    expect(a.state.groups['1']!.arrived).toEqual([2]);
    expect(frozen.groups['1']!.arrived).toEqual([]);
  });

  it('stops a loop with no wait in it after 1,000 entries, cancelled with reason loop', () => {
    const looping = buildFlow(
      [
        { id: 'start', kind: 'start' },
        { id: 'a', kind: 'condition', branches: [{ id: 'out', condition: is('done', true) }] },
        { id: 'b', kind: 'timer' },
        { id: 'ok', kind: 'end', outcome: 'approved' },
      ],
      ['start>a', 'a>b:default', 'a>ok:out', 'b>a'],
    );
    const h = new FlowHarness(looping, { done: false });
    const effects = h.start();
    expect(ofType(effects, 'audit').filter((a) => a.entry.kind === 'entered')).toHaveLength(1000);
    expect(ofType(effects, 'audit').at(-1)!.entry).toMatchObject({ kind: 'cancelled', detail: { reason: 'loop' } });
    expect(effects.at(-1)).toEqual({ type: 'ended', outcome: 'cancelled' });
    expect(h.state.status).toBe('cancelled');
  });

  it('a dead end (no edge for the port taken) ends the flow cancelled rather than leaving a token stuck', () => {
    const broken = buildFlow(
      [
        { id: 'start', kind: 'start' },
        { id: 'ask', kind: 'approval', approvers: [{ user: 'ann' }] },
        { id: 'ok', kind: 'end', outcome: 'approved' },
      ],
      ['start>ask', 'ask>ok:approved'],
    );
    const h = new FlowHarness(broken);
    h.start({ ask: ['1'] });
    const effects = h.decide('ask', '1', 'rejected');
    expect(audits(effects).at(-1)).toBe('cancelled(ask)');
    expect(ofType(effects, 'audit').at(-1)!.entry.detail).toEqual({ reason: 'dead_end', port: 'rejected' });
    expect(h.state.status).toBe('cancelled');
  });
});
