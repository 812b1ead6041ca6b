import { describe, expect, it } from 'vitest';
import { FlowDoc, type ApproverSourceDoc, type Condition } from '../../../schema/index.js';
import type { ApproverResolution } from '../../../server/engines/flows/flow-types.js';
import { simulateRecord } from '../../../server/engines/flows/simulate-record.js';

/** Each user source asks that one person; a group source asks nobody (an empty group). */
const resolve = async (sources: ApproverSourceDoc[]): Promise<ApproverResolution> => ({
  approvers: sources.flatMap((s) => ('user' in s ? [{ personId: s.user, delegatedFrom: null, via: `user:${s.user}` }] : [])),
  flags: sources.flatMap((s) => ('group' in s ? [{ kind: 'empty_group' as const, source: `group:${s.group}`, message: 'empty' }] : [])),
});
const never = (_: Condition) => false;

const flow = FlowDoc.parse({
  name: 'sim_kinds',
  trigger: { recordType: 'incident', on: 'create' },
  nodes: [
    { id: 'start', kind: 'start' },
    { id: 'split', kind: 'parallel' },
    { id: 'tech', kind: 'approval', approvers: [{ user: 'a' }, { user: 'b' }], policy: { kind: 'all' } },
    { id: 'wait', kind: 'timer', until: { field: 'priority', op: 'eq', value: 1 } },
    { id: 'child', kind: 'subflow', flow: 'other' },
    { id: 'join', kind: 'join', mode: 'all' },
    { id: 'nobody', kind: 'approval', approvers: [{ group: 'empty' }], ifNoApprovers: 'approve' },
    { id: 'pause', kind: 'timer', after: 'PT4H' },
    { id: 'act', kind: 'action', action: { kind: 'set_fields', values: { category: 'x' } } },
    { id: 'ok', kind: 'end', outcome: 'approved' },
    { id: 'no', kind: 'end', outcome: 'rejected' },
  ],
  edges: [
    { from: 'start', to: 'split' },
    { from: 'split', to: 'tech' },
    { from: 'split', to: 'wait' },
    { from: 'wait', to: 'child' },
    { from: 'tech', to: 'join', port: 'approved' },
    { from: 'tech', to: 'no', port: 'rejected' },
    { from: 'child', to: 'join', port: 'approved' },
    { from: 'child', to: 'no', port: 'rejected' },
    { from: 'join', to: 'nobody' },
    { from: 'nobody', to: 'pause', port: 'approved' },
    { from: 'nobody', to: 'no', port: 'rejected' },
    { from: 'pause', to: 'act' },
    { from: 'act', to: 'ok' },
  ],
});

describe('simulateRecord', () => {
  it('runs every kind to the end: approvals answered, until-timers assumed to hold, timers fired, subflows and actions done', async () => {
    const run = await simulateRecord(flow, never, resolve, 'approved');
    expect(run.stuck).toBeNull();
    expect(run.outcome).toBe('approved');
    expect(new Set(run.path)).toEqual(new Set(['start', 'split', 'tech', 'wait', 'child', 'join', 'nobody', 'pause', 'act', 'ok']));
    // Each branch enters the join (the approval's first, while the other still waits); the flow goes on after the last.
    expect(run.path.filter((n) => n === 'join')).toHaveLength(2);
    expect(run.path.lastIndexOf('join')).toBeGreaterThan(run.path.indexOf('child'));
    expect(run.path.slice(-4)).toEqual(['nobody', 'pause', 'act', 'ok']);
    expect(run.askings.map((a) => [a.node, a.approvers.map((x) => x.personId), a.flags.map((f) => f.kind)])).toEqual([
      ['tech', ['a', 'b'], []],
      ['nobody', [], ['empty_group']],
    ]);
  });

  it('with rejections assumed, the first rejection ends it', async () => {
    const run = await simulateRecord(flow, never, resolve, 'rejected');
    expect(run.outcome).toBe('rejected');
    expect(run.path).toContain('no');
    expect(run.path).not.toContain('act');
  });

  it('takes condition branches on the record as given', async () => {
    const branchy = FlowDoc.parse({
      name: 'sim_branch',
      trigger: { recordType: 'incident', on: 'create' },
      nodes: [
        { id: 'start', kind: 'start' },
        { id: 'c', kind: 'condition', branches: [{ id: 'hot', condition: { field: 'priority', op: 'eq', value: 1 } }] },
        { id: 'yes', kind: 'end', outcome: 'approved' },
        { id: 'nah', kind: 'end', outcome: 'cancelled' },
      ],
      edges: [
        { from: 'start', to: 'c' },
        { from: 'c', to: 'yes', port: 'hot' },
        { from: 'c', to: 'nah', port: 'default' },
      ],
    });
    expect((await simulateRecord(branchy, () => true, resolve, 'approved')).path).toEqual(['start', 'c', 'yes']);
    const cold = await simulateRecord(branchy, never, resolve, 'approved');
    expect([cold.path, cold.outcome]).toEqual([['start', 'c', 'nah'], 'cancelled']);
  });
});
