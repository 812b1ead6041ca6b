import { describe, expect, it } from 'vitest';
import type { FlowOutcome } from '../../../schema/flow/index.js';
import { audits, buildFlow, FlowHarness, ofType } from './flow-harness.js';

const parent = buildFlow(
  [
    { id: 'start', kind: 'start' },
    { id: 'legal', kind: 'subflow', flow: 'legal_review' },
    { id: 'ok', kind: 'end', outcome: 'approved' },
    { id: 'no', kind: 'end', outcome: 'rejected' },
  ],
  ['start>legal', 'legal>ok:approved', 'legal>no:rejected'],
);

describe('transition: subflow', () => {
  it('starts the child flow and waits for it', () => {
    const h = new FlowHarness(parent);
    const effects = h.start();
    expect(ofType(effects, 'start_subflow')).toEqual([{ type: 'start_subflow', token: 1, node: 'legal', flow: 'legal_review' }]);
    expect(audits(effects)).toContain('subflow(legal)');
    expect(h.state.tokens[0]!.wait).toEqual({ kind: 'subflow' });
  });

  it.each<[FlowOutcome, FlowOutcome]>([
    ['approved', 'approved'],
    ['rejected', 'rejected'],
    ['cancelled', 'rejected'],
  ])('a child ending %s takes the %s port', (child, taken) => {
    const h = new FlowHarness(parent);
    h.start();
    h.send({ type: 'subflow_ended', token: 1, outcome: child });
    expect(h.state.status).toBe(taken);
  });

  it('cancelling the parent cancels the child', () => {
    const h = new FlowHarness(parent);
    h.start();
    const effects = h.send({ type: 'cancel', reason: 'withdrawn by the requester' });
    expect(ofType(effects, 'cancel_subflow')).toEqual([{ type: 'cancel_subflow', token: 1, node: 'legal' }]);
    expect(h.state.status).toBe('cancelled');
  });
});
