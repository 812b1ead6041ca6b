import { sql } from 'drizzle-orm';
import { parse, stringify } from 'yaml';
import type { Actor } from '../../../server/access/actor.js';
import type { AccessProfile } from '../../../server/access/access-profile.js';
import { fromGlobalId } from '../../../server/records/index.js';
import { DEMO_PACKS, readPack } from '../../../seeds/load-pack.js';
import type { TestServer } from '../../helpers/test-server.js';

/** Publishes the demo packs with these flows instead of any the packs bring (case types list none). */
export async function publishFlows(t: TestServer, flows: object[]): Promise<void> {
  const files = (await readPack(...DEMO_PACKS))
    .filter((f) => !f.path.startsWith('flows/'))
    .map((f) => {
      if (!f.path.startsWith('case-types/')) return f;
      const doc = parse(f.content) as Record<string, unknown>;
      delete doc.approvalFlows;
      return { ...f, content: stringify(doc) };
    });
  for (const f of flows) files.push({ path: `flows/${(f as { name: string }).name}.yaml`, content: stringify(f) });
  await t.ok(`mutation($f: [MetadataFileInput!]!) { importMetadata(files: $f, dryRun: false, message: "flows") { applied } }`, { f: files });
}

export interface Person {
  gid: string;
  id: string;
  userName: string;
}

export async function createPerson(t: TestServer, userName: string, groupGids: string[] = []): Promise<Person> {
  const d = await t.ok(`mutation($i: CreatePersonInput!) { createPerson(input: $i) { person { id } } }`, { i: { userName, name: userName, email: `${userName}@example.com` } });
  const gid = d.createPerson.person.id as string;
  for (const g of groupGids) await t.ok(`mutation($i: CreateGroupMemberInput!) { createGroupMember(input: $i) { groupMember { id } } }`, { i: { assignmentGroup: g, person: gid } });
  return { gid, id: String(fromGlobalId(gid).id), userName };
}

export async function createGroup(t: TestServer, name: string): Promise<string> {
  const d = await t.ok(`mutation($i: CreateAssignmentGroupInput!) { createAssignmentGroup(input: $i) { assignmentGroup { id } } }`, { i: { name } });
  return d.createAssignmentGroup.assignmentGroup.id as string;
}

/** An actor for a person, as the engine's services see it (only the person id matters to them). */
export function actorOf(p: Person | null, admin = false): Actor {
  const userName = p?.userName ?? 'admin';
  return {
    id: userName,
    name: userName,
    admin,
    profile: p ? ({ userId: p.id, userName } as unknown as AccessProfile) : null,
    principal: { subject: userName, name: userName, admin, via: 'dev', expiresAt: null },
    key: `test:${userName}`,
  };
}

export async function createIncident(t: TestServer, values: Record<string, unknown>): Promise<{ gid: string; id: number }> {
  const d = await t.ok(`mutation($i: CreateIncidentInput!) { createIncident(input: $i) { incident { id } } }`, { i: { shortDescription: 'Needs approval', priority: 3, ...values } });
  const gid = d.createIncident.incident.id as string;
  return { gid, id: fromGlobalId(gid).id };
}

export async function updateIncident(t: TestServer, gid: string, values: Record<string, unknown>): Promise<void> {
  const v = await t.ok(`query($id: ID!) { node(id: $id) { ... on Incident { version } } }`, { id: gid });
  await t.ok(`mutation($i: UpdateIncidentInput!) { updateIncident(input: $i) { incident { id } } }`, { i: { id: gid, version: v.node.version, patch: values } });
}

export async function transitionIncident(t: TestServer, gid: string, to: string, patch?: Record<string, unknown>): Promise<void> {
  const v = await t.ok(`query($id: ID!) { node(id: $id) { ... on Incident { version } } }`, { id: gid });
  await t.ok(`mutation($i: TransitionIncidentInput!) { transitionIncident(input: $i) { incident { id } } }`, { i: { id: gid, version: v.node.version, to, patch } });
}

export interface InstanceRow {
  id: number;
  flow: string;
  status: string;
  version_id: number;
  parent_id: number | null;
  requester_id: string | null;
  waiting: string[];
}

/** The flow instances on a record (by row id), oldest first. */
export async function instancesOn(t: TestServer, recordId: number, flow?: string): Promise<InstanceRow[]> {
  const rows = await t.atrium.db.run<Record<string, any>>(sql`SELECT * FROM "atrium"."flow_instance" WHERE "record_id" = ${recordId} ${flow ? sql`AND "flow" = ${flow}` : sql``} ORDER BY "id"`);
  return rows.map((r) => {
    const state = typeof r.state === 'string' ? JSON.parse(r.state) : r.state;
    return {
      id: Number(r.id),
      flow: r.flow,
      status: r.status,
      version_id: Number(r.version_id),
      parent_id: r.parent_id === null ? null : Number(r.parent_id),
      requester_id: r.requester_id === null ? null : String(r.requester_id),
      waiting: state.tokens.filter((x: any) => x.wait).map((x: any) => x.node),
    };
  });
}

/** An instance's audit trail as `kind` or `kind@node`, in order. */
export async function auditOf(t: TestServer, instanceId: number): Promise<string[]> {
  const rows = await t.atrium.db.run<{ kind: string; node: string | null }>(sql`SELECT "kind", "node" FROM "atrium"."flow_audit" WHERE "instance_id" = ${instanceId} ORDER BY "seq"`);
  return rows.map((r) => (r.node ? `${r.kind}@${r.node}` : r.kind));
}

export interface ApprovalRow {
  id: string;
  state: string;
  approver: string | null;
  requester: string | null;
  document: string;
  flow_node: string;
  due_at: string | null;
}

export async function approvalsOf(t: TestServer, instanceId: number): Promise<ApprovalRow[]> {
  const rows = await t.atrium.db.run<Record<string, any>>(sql`SELECT * FROM "records"."approval" WHERE "flow_instance" = ${instanceId} ORDER BY "id"`);
  return rows.map((r) => ({
    id: String(r.id),
    state: r.state,
    approver: r.approver === null ? null : String(r.approver),
    requester: r.requester === null ? null : String(r.requester),
    document: r.document,
    flow_node: r.flow_node,
    due_at: r.due_at ? new Date(r.due_at).toISOString() : null,
  }));
}
