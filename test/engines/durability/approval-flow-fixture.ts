import { sql } from 'drizzle-orm';
import { stringify } from 'yaml';
import type { Atrium } from '../../../server/atrium.js';
import { DEV_ADMIN } from '../../../server/atrium.js';
import type { Actor } from '../../../server/access/actor.js';
import type { Database } from '../../../server/db/index.js';
import type { EngineContext } from '../../../server/engines/index.js';
import type { FlowDoc } from '../../../schema/index.js';

/**
 * The world of the flow durability tests and the flow bench: two plain record types (`dur_request`, on whose
 * create the flows start, and `dur_task`, the child a `create_task` action makes) and two approvers.
 */
export const APPROVER = 'dur.approver';
export const SECOND_APPROVER = 'dur.second';

const RECORD_TYPES = [
  {
    path: 'record-types/dur_request.yaml',
    content: `name: dur_request\nlabel: Durability request\nnumberPrefix: DRQ\ndisplayField: title\nfields:
  - { name: title, label: Title, type: string, maxLength: 120 }
  - { name: done, label: Done, type: boolean, default: false }
`,
  },
  {
    path: 'record-types/dur_task.yaml',
    content: `name: dur_task\nlabel: Durability task\nnumberPrefix: DTK\ndisplayField: title\nfields:
  - { name: title, label: Title, type: string, maxLength: 120 }
  - { name: parent, label: Parent, type: reference, reference: dur_request }
`,
  },
];

/**
 * The kill test's flow: on create, in parallel an approval (due after `due`; at expiry approved) whose approval
 * creates a child task, and a timer; their join marks the record done and ends approved. A rejection ends the
 * flow at once (the timer branch is withdrawn), with no action run.
 */
export function killFlow(due = 'PT4S', wait = 'PT2S'): FlowDoc {
  return {
    name: 'dur_flow',
    label: 'Durability flow',
    trigger: { recordType: 'dur_request', on: 'create' },
    nodes: [
      { id: 'start', kind: 'start' },
      { id: 'split', kind: 'parallel' },
      { id: 'ask', kind: 'approval', approvers: [{ user: APPROVER }], policy: { kind: 'any' }, due: { after: due, onExpiry: 'approve' }, ifNoApprovers: 'reject' },
      { id: 'make_task', kind: 'action', action: { kind: 'create_task', recordType: 'dur_task', values: { title: 'follow-up' } } },
      { id: 'wait', kind: 'timer', after: wait },
      { id: 'join', kind: 'join', mode: 'all' },
      { id: 'mark', kind: 'action', action: { kind: 'set_fields', values: { done: true } } },
      { id: 'approved', kind: 'end', outcome: 'approved' },
      { id: 'rejected', kind: 'end', outcome: 'rejected' },
    ],
    edges: [
      { from: 'start', to: 'split' },
      { from: 'split', to: 'ask' },
      { from: 'split', to: 'wait' },
      { from: 'ask', to: 'make_task', port: 'approved' },
      { from: 'ask', to: 'rejected', port: 'rejected' },
      { from: 'make_task', to: 'join' },
      { from: 'wait', to: 'join' },
      { from: 'join', to: 'mark' },
      { from: 'mark', to: 'approved' },
    ],
  };
}

/**
 * One approval node asking `approvers` under `policy`; approved ends approved, rejected ends rejected. Starts on
 * the requests created with `title` (so several such flows live side by side).
 */
export function approvalFlow(name: string, title: string, approvers: string[], policy: 'any' | 'all' | 'first'): FlowDoc {
  return {
    name,
    trigger: { recordType: 'dur_request', on: 'create', condition: { field: 'title', op: 'eq', value: title } },
    nodes: [
      { id: 'start', kind: 'start' },
      { id: 'ask', kind: 'approval', approvers: approvers.map((user) => ({ user })), policy: { kind: policy }, ifNoApprovers: 'reject' },
      { id: 'approved', kind: 'end', outcome: 'approved' },
      { id: 'rejected', kind: 'end', outcome: 'rejected' },
    ],
    edges: [
      { from: 'start', to: 'ask' },
      { from: 'ask', to: 'approved', port: 'approved' },
      { from: 'ask', to: 'rejected', port: 'rejected' },
    ],
  };
}

/** Publishes the record types and `flows`, and creates the approvers as active users. */
export async function setUpFlowWorld(atrium: Atrium, flows: FlowDoc[]): Promise<void> {
  const files = [...RECORD_TYPES, ...flows.map((f) => ({ path: `flows/${f.name}.yaml`, content: stringify(f) }))];
  await atrium.metadata.importFiles(files, DEV_ADMIN.subject, { dryRun: false, message: 'test: approval flows' });
  for (const userName of [APPROVER, SECOND_APPROVER]) {
    await atrium.engines.context().write({ op: 'create', type: 'person', values: { userName, name: userName, email: `${userName}@example.com`, active: true } });
  }
}

/** The approver's actor, as a signed-in request of theirs would have it. */
export function actorOf(atrium: Atrium, userName: string): Promise<Actor> {
  return atrium.identities.actorFor({ subject: userName, name: userName, admin: false, via: 'dev', expiresAt: null });
}

/** Creates `n` requests through the write pipeline, `concurrency` at a time; resolves to their row ids. */
export async function createRequests(ctx: EngineContext, n: number, concurrency = 8, title = (i: number) => `Request ${i}`): Promise<number[]> {
  const ids: number[] = [];
  let next = 0;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      for (let i = next++; i < n; i = next++) ids.push((await ctx.write({ op: 'create', type: 'dur_request', values: { title: title(i) } })).id);
    }),
  );
  return ids;
}

/** Approval rows still waiting for a decision, at random (ids). */
export async function openApprovals(db: Database, limit: number): Promise<number[]> {
  const rows = await db.run<{ id: number | string }>(sql`SELECT id FROM records.approval WHERE state = 'requested' AND flow_instance IS NOT NULL ORDER BY random() LIMIT ${limit}`);
  return rows.map((r) => Number(r.id));
}

/** How many of `statement`'s single `n`. */
export async function count(db: Database, statement: ReturnType<typeof sql>): Promise<number> {
  const [row] = await db.run<{ n: number | string }>(statement);
  return Number(row.n);
}
