import { sql } from 'drizzle-orm';
import { fromGlobalId } from '../../../server/records/index.js';
import { DEMO_PACKS, readPack } from '../../../seeds/load-pack.js';
import type { TestServer } from '../../helpers/test-server.js';

/** The demo packs without their routing rules (and without case types' lists of them), plus `extra` files. */
export async function packWith(extra: { path: string; content: string }[]): Promise<{ path: string; content: string }[]> {
  const pack = (await readPack(...DEMO_PACKS)).filter((f) => !f.path.startsWith('routing-rules/'));
  return [...pack.map((f) => (f.path.startsWith('case-types/') ? { ...f, content: f.content.replace(/^routingRules:.*$/m, '') } : f)), ...extra];
}

/** Publishes the demo packs plus these routing rules (documents as in a routing-rules file) through importMetadata. */
export async function publishRules(t: TestServer, rules: Record<string, unknown>[]): Promise<void> {
  const files = await packWith(rules.map((r) => ({ path: `routing-rules/${r.name}.yaml`, content: JSON.stringify(r) })));
  await t.ok(`mutation($f: [MetadataFileInput!]!) { importMetadata(files: $f, dryRun: false, message: "rules") { applied } }`, { f: files });
}

/** People, groups, memberships and skills through the public mutations; ids by name. */
export async function createOrg(t: TestServer): Promise<{ people: Record<string, string>; groups: Record<string, string> }> {
  const people: Record<string, string> = {};
  for (const name of ['ada', 'grace', 'linus', 'kim', 'lee', 'mia', 'zed']) {
    const d = await t.ok(`mutation($i: CreatePersonInput!) { createPerson(input: $i) { person { id } } }`, { i: { userName: name, name: name.toUpperCase() } });
    people[name] = d.createPerson.person.id;
  }
  const groups: Record<string, string> = {};
  const members: Record<string, string[]> = { Network: ['ada', 'grace', 'linus'], 'Service Desk': ['kim', 'lee'], DBA: ['grace', 'linus', 'mia'], Ghost: [] };
  for (const [name, who] of Object.entries(members)) {
    const d = await t.ok(`mutation($i: CreateAssignmentGroupInput!) { createAssignmentGroup(input: $i) { assignmentGroup { id } } }`, { i: { name } });
    groups[name] = d.createAssignmentGroup.assignmentGroup.id;
    for (const p of who) await t.ok(`mutation($i: CreateGroupMemberInput!) { createGroupMember(input: $i) { groupMember { id } } }`, { i: { assignmentGroup: groups[name], person: people[p] } });
  }
  const skill = await t.ok(`mutation { createSkill(input: { name: "postgres" }) { skill { id } } }`);
  for (const [p, level] of [['grace', 4], ['linus', 2], ['mia', 5]] as const)
    await t.ok(`mutation($i: CreatePersonSkillInput!) { createPersonSkill(input: $i) { personSkill { id } } }`, { i: { person: people[p], skill: skill.createSkill.skill.id, level } });
  return { people, groups };
}

/** Creates an incident as the admin; resolves to its global id. */
export async function createIncident(t: TestServer, values: Record<string, unknown>, caller?: string): Promise<string> {
  const d = await t.ok(`mutation($i: CreateIncidentInput!) { createIncident(input: $i) { incident { id } } }`, { i: { shortDescription: 'Something broke', ...(caller ? { caller } : {}), ...values } });
  return d.createIncident.incident.id;
}

/** Where incidents are now: user name and group name per global id. */
export async function assignments(t: TestServer, ids: string[]): Promise<{ group: string | null; user: string | null }[]> {
  const rows = await t.atrium.db.run<{ id: string | number; g: string | null; u: string | null }>(
    sql`SELECT i.id, g.name AS g, p.user_name AS u FROM records.incident i LEFT JOIN records.assignment_group g ON g.id = i.assignment_group LEFT JOIN records.person p ON p.id = i.assigned_to WHERE i.id IN (${sql.join(ids.map((id) => sql`${fromGlobalId(id).id}`), sql`, `)})`,
  );
  const byId = new Map(rows.map((r) => [Number(r.id), { group: r.g, user: r.u }]));
  return ids.map((id) => byId.get(fromGlobalId(id).id)!);
}

/** How many of `values` each distinct value has. */
export function tally(values: (string | null)[]): Record<string, number> {
  const out: Record<string, number> = {};
  for (const v of values) out[String(v)] = (out[String(v)] ?? 0) + 1;
  return out;
}
