import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { FlowDoc } from '../../schema/index.js';
import { importItsm } from '../helpers/itsm.js';
import { startTestServer, type GqlResult, type TestServer } from '../helpers/test-server.js';

/**
 * Approval flows as a metadata kind, through the admin API: drafted, validated, published, diffed, exported as
 * `flows/<name>.yaml` and imported back unchanged, rolled back; and managed by a business unit's administrator
 * for the unit's own case types only.
 */
let t: TestServer;
const tokens: Record<string, string> = {};

const SAVE_DOC = `mutation($k: MetadataKind!, $d: JSONObject!, $v: Int) { saveMetadataDraft(kind: $k, document: $d, draftVersion: $v) { kind name hasDraft draftVersion } }`;
const PUBLISH = `mutation($m: String!, $d: Boolean!) { publishMetadata(message: $m, dryRun: $d) { version { id } changes { kind path } } }`;
const VALIDATE = `{ validateMetadata { path code message } }`;
const FLOWS = `{ metadataDocuments(kind: FLOW) { name document hasDraft } }`;
const EXPORT = `{ exportMetadata { path content } }`;
const IMPORT = `mutation($f: [MetadataFileInput!]!, $d: Boolean!) { importMetadata(files: $f, dryRun: $d, message: "round trip") { applied changes { kind path } } }`;

const as = (user: string) => <T = any>(query: string, variables: Record<string, unknown> = {}): Promise<GqlResult<T>> => t.gql<T>(query, variables, tokens[user]);
const refusal = (r: GqlResult) => ({ code: r.errors?.[0]?.extensions?.code, message: r.errors?.[0]?.message ?? '' });
const changes = (r: { changes: { kind: string; path: string }[] }) => r.changes.map((c) => `${c.kind} ${c.path}`);

/** A major incident needs the duty manager's approval, within four hours, before it is communicated. */
const majorIncident = (over: Record<string, unknown> = {}) => ({
  name: 'major_incident',
  label: 'Major incident sign-off',
  trigger: { recordType: 'incident', on: 'update', condition: { field: 'priority', op: 'eq', value: 1 } },
  nodes: [
    { id: 'start', kind: 'start' },
    { id: 'duty', kind: 'approval', label: 'Duty manager', approvers: [{ group: 'Service Desk' }], policy: { kind: 'first' }, due: { after: 'PT4H', onExpiry: 'approve' } },
    { id: 'approved', kind: 'end', outcome: 'approved' },
    { id: 'rejected', kind: 'end', outcome: 'rejected' },
  ],
  edges: [
    { from: 'start', to: 'duty' },
    { from: 'duty', to: 'approved', port: 'approved' },
    { from: 'duty', to: 'rejected', port: 'rejected' },
  ],
  ...over,
});

let before: number;
beforeAll(async () => {
  t = await startTestServer();
  await importItsm(t);
  before = (await t.ok(`{ metadataVersions(limit: 1) { id } }`)).metadataVersions[0].id;
  const role = (await t.ok(`mutation { createRole(input: { name: "hr_admin" }) { role { id } } }`)).createRole.role.id;
  const hana = (await t.ok(`mutation { createPerson(input: { userName: "hana.hradmin", name: "Hana", email: "hana@example.com" }) { person { id } } }`)).createPerson.person.id;
  await t.ok(`mutation($r: ID!, $p: ID!) { createRoleGrant(input: { role: $r, person: $p }) { roleGrant { id } } }`, { r: role, p: hana });
  tokens['hana.hradmin'] = await t.token({ subject: 'hana.hradmin' });
});
afterAll(() => t?.stop());

describe('approval flows as metadata', () => {
  it('come with the packs, beside the platform’s contact registration flow', async () => {
    const names = (await t.ok(FLOWS)).metadataDocuments.map((d: { name: string }) => d.name);
    expect(names.sort()).toEqual(['catalog_request_approval', 'change_cab_approval', 'contact_registration', 'expense_claim', 'hr_onboarding']);
  });

  it('refuse an invalid draft at validation and publish, naming the node, and publish nothing', async () => {
    const bad = majorIncident({ edges: majorIncident().edges.filter((e) => e.port !== 'rejected') });
    await t.ok(SAVE_DOC, { k: 'FLOW', d: bad });
    const problem = {
      path: 'flows.major_incident.nodes.1',
      code: 'INVALID_DOCUMENT',
      message: 'approval "duty" ("Duty manager") has no edge for "rejected"; connect every outcome to the next step',
    };
    expect((await t.ok(VALIDATE)).validateMetadata).toEqual(expect.arrayContaining([problem]));
    const r = await t.gql(PUBLISH, { m: 'bad flow', d: false });
    expect(r.errors?.[0].extensions?.code).toBe('VALIDATION_FAILED');
    expect(r.errors?.[0].message).toContain(problem.message);
    expect((await t.ok(`{ metadataVersions(limit: 1) { id } }`)).metadataVersions[0].id).toBe(before);
    await t.ok(`mutation { discardDrafts }`);
  });

  it('are drafted, published (flow_added), changed (flow_changed) and diffed between versions', async () => {
    await t.ok(SAVE_DOC, { k: 'FLOW', d: majorIncident() });
    expect((await t.ok(FLOWS)).metadataDocuments.find((d: { name: string }) => d.name === 'major_incident')).toMatchObject({ hasDraft: true });
    expect((await t.ok(VALIDATE)).validateMetadata).toEqual([]);
    expect(changes((await t.ok(PUBLISH, { m: 'dry', d: true })).publishMetadata)).toEqual(['flow_added major_incident']);
    const added = (await t.ok(PUBLISH, { m: 'major incident flow', d: false })).publishMetadata;
    expect(changes(added)).toEqual(['flow_added major_incident']);

    const nodes = majorIncident().nodes.map((n) => (n.id === 'duty' ? { ...n, policy: { kind: 'percentage', percent: 50 } } : n));
    await t.ok(SAVE_DOC, { k: 'FLOW', d: majorIncident({ nodes, label: 'Major incident approval' }) });
    const changed = (await t.ok(PUBLISH, { m: 'half the desk', d: false })).publishMetadata;
    expect(changes(changed)).toEqual(['flow_changed major_incident']);
    const diff = await t.ok(`query($a: Int!, $b: Int!) { metadataDiff(from: $a, to: $b) { kind path } }`, { a: before, b: changed.version.id });
    expect(changes({ changes: diff.metadataDiff })).toEqual(['flow_added major_incident']);
    const stored = (await t.ok(`{ metadataDocument(kind: FLOW, name: "major_incident") { document hasDraft } }`)).metadataDocument;
    expect(stored).toMatchObject({ hasDraft: false, document: { label: 'Major incident approval' } });
    expect(stored.document.nodes[1]).toMatchObject({ id: 'duty', policy: { kind: 'percentage', percent: 50 } });
  });

  it('export as flows/<name>.yaml and import back identically', async () => {
    const exported = (await t.ok(EXPORT)).exportMetadata as { path: string; content: string }[];
    const file = exported.find((f) => f.path === 'flows/major_incident.yaml');
    expect(file).toBeDefined();
    const doc = FlowDoc.parse(parse(file!.content));
    expect(doc).toEqual(FlowDoc.parse(majorIncident({ nodes: majorIncident().nodes.map((n) => (n.id === 'duty' ? { ...n, policy: { kind: 'percentage', percent: 50 } } : n)), label: 'Major incident approval' })));
    // Written short: defaults left out, keys in a fixed order (id and kind first).
    expect(file!.content).not.toContain('active:');
    expect(file!.content).toMatch(/- id: duty\n\s+kind: approval\n\s+label: Duty manager/);
    expect((await t.ok(IMPORT, { f: exported, d: true })).importMetadata).toEqual({ applied: false, changes: [] });
    expect((await t.ok(IMPORT, { f: exported.filter((f) => f.path !== 'flows/major_incident.yaml'), d: true })).importMetadata.changes).toEqual([
      { kind: 'flow_removed', path: 'major_incident' },
    ]);
  });

  it('roll back with the rest of the metadata: back to before the flow, it is gone', async () => {
    const rb = (await t.ok(`mutation($v: Int!) { rollbackMetadata(toVersion: $v) { version { rollbackOf } changes { kind path } } }`, { v: before })).rollbackMetadata;
    expect(rb.version.rollbackOf).toBe(before);
    expect(changes(rb)).toEqual(['flow_removed major_incident']);
    expect((await t.gql(`{ metadataDocument(kind: FLOW, name: "major_incident") { name } }`)).data?.metadataDocument ?? null).toBeNull();
  });
});

describe("a business unit's administrator and flows", () => {
  const leaveFlow = majorIncident({
    name: 'hr_leave_approval',
    label: 'Leave approval',
    trigger: { recordType: 'hr_leave_request', on: 'create' },
    nodes: majorIncident().nodes.map((n) => (n.id === 'duty' ? { id: 'duty', kind: 'approval', label: 'Manager', approvers: [{ manager: { levels: 1 } }] } : n)),
  });

  it("drafts and publishes a flow on its unit's case type", async () => {
    expect((await as('hana.hradmin')(SAVE_DOC, { k: 'FLOW', d: leaveFlow })).errors).toBeUndefined();
    const r = await as('hana.hradmin')(PUBLISH, { m: 'leave approval', d: false });
    expect(r.errors).toBeUndefined();
    expect(changes(r.data.publishMetadata)).toEqual(['flow_added hr_leave_approval']);
  });

  it("is refused a flow on another unit's record type, and told whose it is", async () => {
    const r = refusal(await as('hana.hradmin')(SAVE_DOC, { k: 'FLOW', d: majorIncident({ name: 'sneaky' }) }));
    expect(r.code).toBe('FORBIDDEN');
    expect(r.message).toBe('flow "sneaky" is outside your business units (hr): it belongs to business unit "it"');
    const platform = refusal(await as('hana.hradmin')(SAVE_DOC, { k: 'FLOW', d: majorIncident({ name: 'changes', trigger: { recordType: 'change_request', on: 'create' } }) }));
    expect(platform.code).toBe('FORBIDDEN');
    expect(platform.message).toMatch(/^flow "changes" is outside your business units \(hr\): record type "change_request" is not the record type of any case type/);
    expect(refusal(await as('hana.hradmin')(`mutation { removeMetadataDocument(kind: FLOW, name: "change_cab_approval") { name } }`)).code).toBe('FORBIDDEN');
  });
});
