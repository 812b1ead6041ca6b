import { describe, expect, it } from 'vitest';
import { audits, buildFlow, FlowHarness, is, ofType } from './flow-harness.js';

const timerFlow = (timer: Record<string, unknown>) =>
  buildFlow(
    [{ id: 'start', kind: 'start' }, { id: 'wait', kind: 'timer', ...timer }, { id: 'ok', kind: 'end', outcome: 'approved' }],
    ['start>wait', 'wait>ok'],
  );

describe('transition: timer', () => {
  it('after: sets a wait timer and goes on when it fires', () => {
    const h = new FlowHarness(timerFlow({ after: 'P2D', schedule: 'office' }));
    const started = h.start();
    expect(ofType(started, 'set_timer')).toEqual([{ type: 'set_timer', token: 1, node: 'wait', key: 'wait', after: 'P2D', schedule: 'office' }]);
    expect(audits(started)).toContain('timer_set(wait)');
    expect(h.state.tokens[0]!.wait).toEqual({ kind: 'timer' });
    expect(h.send({ type: 'record_changed' }), 'a write does not end a pure duration').toEqual([]);
    expect(h.send({ type: 'timer_fired', token: 1, key: 'due' }), 'not its key').toEqual([]);
    const fired = h.send({ type: 'timer_fired', token: 1, key: 'wait' });
    expect(audits(fired)).toEqual(['timer_fired(wait)', 'entered(ok)', 'ended(ok)']);
    expect(h.state.status).toBe('approved');
  });

  it('until: goes on at once when the condition already holds', () => {
    const h = new FlowHarness(timerFlow({ until: is('state', 'resolved') }), { state: 'resolved' });
    const effects = h.start();
    expect(ofType(effects, 'set_timer')).toEqual([]);
    expect(h.state.status).toBe('approved');
  });

  it('until: waits, and re-checks on each record change', () => {
    const record = { state: 'new' };
    const h = new FlowHarness(timerFlow({ until: is('state', 'resolved') }), record);
    const started = h.start();
    expect(ofType(started, 'set_timer')).toEqual([]);
    expect(h.state.tokens[0]!.wait).toEqual({ kind: 'timer' });
    h.record.state = 'in_progress';
    expect(h.send({ type: 'record_changed' })).toEqual([]);
    h.record.state = 'resolved';
    const changed = h.send({ type: 'record_changed' });
    expect(ofType(changed, 'cancel_timer')).toEqual([]);
    expect(ofType(changed, 'audit')[0]!.entry).toMatchObject({ kind: 'timer_fired', detail: { reason: 'condition' } });
    expect(h.state.status).toBe('approved');
  });

  it('after and until: the condition winning cancels the timer', () => {
    const h = new FlowHarness(timerFlow({ after: 'PT4H', until: is('state', 'resolved') }), { state: 'new' });
    h.start();
    h.record.state = 'resolved';
    const changed = h.send({ type: 'record_changed' });
    expect(ofType(changed, 'cancel_timer')).toEqual([{ type: 'cancel_timer', token: 1, node: 'wait', key: 'wait' }]);
    expect(h.state.status).toBe('approved');
  });

  it('after and until: the timer winning goes on without waiting for the condition', () => {
    const h = new FlowHarness(timerFlow({ after: 'PT4H', until: is('state', 'resolved') }), { state: 'new' });
    h.start();
    h.send({ type: 'timer_fired', token: 1, key: 'wait' });
    expect(h.state.status).toBe('approved');
  });

  it('a wait timer firing for an until-only timer changes nothing', () => {
    const h = new FlowHarness(timerFlow({ until: is('state', 'resolved') }), { state: 'new' });
    h.start();
    const before = h.state;
    expect(h.send({ type: 'timer_fired', token: 1, key: 'wait' })).toEqual([]);
    expect(h.state).toBe(before);
  });

  it('record_changed moves every until-timer that now holds, on parallel paths', () => {
    const flow = buildFlow(
      [
        { id: 'start', kind: 'start' },
        { id: 'split', kind: 'parallel' },
        { id: 'w1', kind: 'timer', until: is('a', 1) },
        { id: 'w2', kind: 'timer', until: is('b', 1) },
        { id: 'join', kind: 'join' },
        { id: 'ok', kind: 'end', outcome: 'approved' },
      ],
      ['start>split', 'split>w1', 'split>w2', 'w1>join', 'w2>join', 'join>ok'],
    );
    const h = new FlowHarness(flow, { a: 0, b: 0 });
    h.start();
    h.record.a = 1;
    h.send({ type: 'record_changed' });
    expect(h.where()).toEqual(['join', 'w2']);
    h.record.b = 1;
    h.send({ type: 'record_changed' });
    expect(h.state.status).toBe('approved');
  });
});
