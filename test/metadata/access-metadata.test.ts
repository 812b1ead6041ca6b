import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../helpers/test-server.js';

let t: TestServer;
beforeAll(async () => {
  t = await startTestServer();
  // The user's record type: installed by the platform on newer servers, declared here where it is not.
  const person = await t.ok(`{ recordType(name: "person") { name } }`);
  if (!person.recordType)
    await t.ok(SAVE_TYPE, { i: { name: 'person', label: 'User', displayField: 'name', fields: [{ name: 'name', label: 'Name', type: 'STRING' }, { name: 'active', label: 'Active', type: 'BOOLEAN' }] } });
  await t.ok(SAVE_TYPE, {
    i: {
      name: 'asset',
      label: 'Asset',
      displayField: 'name',
      fields: [
        { name: 'name', label: 'Name', type: 'STRING' },
        { name: 'owner', label: 'Owner', type: 'REFERENCE', reference: 'person' },
        { name: 'cost', label: 'Cost', type: 'INTEGER' },
      ],
    },
  });
  expect((await publish('assets')).errors).toBeUndefined();
});
afterAll(() => t?.stop());

const SAVE_TYPE = `mutation($i: RecordTypeInput!) { saveRecordTypeDraft(input: $i) { name } }`;
const SAVE_CRITERIA = `mutation($i: UserCriteriaInput!) { saveUserCriteriaDraft(input: $i) { name label match users groups roles accounts { account includeChildren } departments locations condition hasDraft } }`;
const SAVE_ACL = `mutation($i: AclInput!) { saveAclDraft(input: $i) { name recordType field operation criteria condition active hasDraft } }`;
const CRITERIA = `query($p: Boolean) { userCriteria(published: $p) { name hasDraft condition } }`;
const ACLS = `query($t: String, $p: Boolean) { acls(recordType: $t, published: $p) { name operation field criteria condition active hasDraft } }`;

const MANAGERS = {
  name: 'asset_managers',
  label: 'Asset managers',
  match: 'ANY',
  groups: ['Hardware'],
  roles: ['asset_manager'],
  accounts: [{ account: 'Acme', includeChildren: true }],
  condition: { field: 'active', op: 'eq', value: true },
};
const READ_OWN = { name: 'asset_read_own', recordType: 'asset', operation: 'READ', criteria: ['asset_managers'], condition: { field: 'owner', op: 'eq', value: { dynamic: 'me' } } };
const WRITE_COST = { name: 'asset_cost_write', description: 'Only managers set costs', recordType: 'asset', field: 'cost', operation: 'WRITE', criteria: ['asset_managers'] };

async function publish(message: string) {
  return t.gql(`mutation($m: String!) { publishMetadata(message: $m) { version { id } changes { kind path before after } } }`, { m: message });
}

async function headVersion(): Promise<number> {
  return (await t.ok(`{ metadataVersions(limit: 1) { id } }`)).metadataVersions[0].id;
}

const kinds = (changes: { kind: string; path: string }[]) => changes.map((c) => `${c.kind} ${c.path}`);

describe('user criteria and ACLs travel the metadata workflow', () => {
  it('needs an administrator', async () => {
    const r = await t.gql(`{ acls { name } }`, {}, null);
    expect(r.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
  });

  it('saves drafts, lists them as working metadata, and publishes them', async () => {
    const c = await t.ok(SAVE_CRITERIA, { i: MANAGERS });
    expect(c.saveUserCriteriaDraft).toEqual({
      name: 'asset_managers',
      label: 'Asset managers',
      match: 'ANY',
      users: [],
      groups: ['Hardware'],
      roles: ['asset_manager'],
      accounts: [{ account: 'Acme', includeChildren: true }],
      departments: [],
      locations: [],
      condition: { field: 'active', op: 'eq', value: true },
      hasDraft: true,
    });
    expect((await t.ok(SAVE_ACL, { i: READ_OWN })).saveAclDraft).toMatchObject({ operation: 'READ', field: null, active: true, hasDraft: true });
    expect((await t.ok(SAVE_ACL, { i: WRITE_COST })).saveAclDraft).toMatchObject({ operation: 'WRITE', field: 'cost', criteria: ['asset_managers'] });

    expect((await t.ok(CRITERIA)).userCriteria.map((x: any) => x.name)).toEqual(['asset_managers']);
    expect((await t.ok(CRITERIA, { p: true })).userCriteria).toEqual([]);
    expect((await t.ok(ACLS, { t: 'asset' })).acls.map((x: any) => x.name)).toEqual(['asset_cost_write', 'asset_read_own']);
    expect((await t.ok(ACLS, { t: 'person' })).acls).toEqual([]);

    const r = await publish('access rules');
    expect(r.errors).toBeUndefined();
    expect(kinds(r.data.publishMetadata.changes)).toEqual(['criteria_added asset_managers', 'acl_added asset_cost_write', 'acl_added asset_read_own']);
    const published = await t.ok(ACLS, { p: true });
    expect(published.acls).toEqual([
      { name: 'asset_cost_write', operation: 'WRITE', field: 'cost', criteria: ['asset_managers'], condition: null, active: true, hasDraft: false },
      { name: 'asset_read_own', operation: 'READ', field: null, criteria: ['asset_managers'], condition: READ_OWN.condition, active: true, hasDraft: false },
    ]);
    const versions = await t.ok(`{ metadataVersions(limit: 1) { message changes { kind path } } }`);
    expect(versions.metadataVersions[0].message).toBe('access rules');
    expect(kinds(versions.metadataVersions[0].changes)).toContain('acl_added asset_read_own');
  });

  it('checks a document when it is saved', async () => {
    const r = await t.gql(SAVE_ACL, { i: { ...READ_OWN, condition: { field: 'cost', op: 'near', value: 1 } } });
    expect(r.errors?.[0].extensions?.code).toBe('VALIDATION_FAILED');
    expect(r.errors?.[0].message).toMatch(/^condition/);
    const missing = await t.gql(`mutation { removeAcl(name: "no_such_rule") }`);
    expect(missing.errors?.[0].extensions?.code).toBe('NOT_FOUND');
    expect(missing.errors?.[0].message).toMatch(/there is no ACL "no_such_rule"/);
    expect((await t.gql(`mutation { removeUserCriteria(name: "nobody") }`)).errors?.[0].extensions?.code).toBe('NOT_FOUND');
  });

  /**
   * Saves drafts, expects the publish to be refused with a problem of `code` at `path` whose message matches
   * `pattern`, the same problem from validateMetadata, and nothing to change.
   */
  async function refused(save: () => Promise<unknown>, code: string, path: string | RegExp, pattern: RegExp) {
    const before = await headVersion();
    await save();
    const r = await publish('bad rule');
    expect(r.errors?.[0].extensions?.code).toBe('VALIDATION_FAILED');
    const problems: { path: string; code: string; message: string }[] = (await t.ok(`{ validateMetadata { path code message } }`)).validateMetadata;
    const problem = problems.find((p) => p.code === code && (typeof path === 'string' ? p.path === path : path.test(p.path)));
    expect(problem, JSON.stringify(problems)).toBeDefined();
    expect(problem!.message).toMatch(pattern);
    expect(r.errors?.[0].message).toContain(`${problem!.path}: ${problem!.message}`);
    await t.ok(`mutation { discardDrafts }`);
    expect(await headVersion()).toBe(before);
  }
  const acl = (i: Record<string, unknown>) => () => t.ok(SAVE_ACL, { i: { name: 'bad_rule', operation: 'READ', recordType: 'asset', ...i } });

  it('refuses rules that point at nothing, with a message naming what is wrong', async () => {
    await refused(acl({ recordType: 'gadget' }), 'UNKNOWN_TYPE', 'acls.bad_rule.recordType', /ACL "bad_rule" is on record type "gadget", which does not exist/);
    await refused(acl({ field: 'colour' }), 'INVALID_FIELD', 'acls.bad_rule.field', /ACL "bad_rule" is on field "colour" of "asset", which does not exist/);
    await refused(acl({ criteria: ['asset_managers', 'nobody'] }), 'UNKNOWN_CRITERIA', 'acls.bad_rule.criteria.1', /ACL "bad_rule" names user criteria "nobody", which do not exist/);
    await refused(acl({ name: 'Bad-Rule' }), 'INVALID_NAME', 'acls.Bad-Rule', /ACL name "Bad-Rule" is not a valid name/);
  });

  it('refuses an operation the kind of rule does not have', async () => {
    await refused(acl({ field: 'cost', operation: 'DELETE' }), 'INVALID_OPERATION', 'acls.bad_rule.operation', /field rule \(on "cost"\), which governs read or write; "delete" is for record rules/);
    await refused(acl({ operation: 'WRITE' }), 'INVALID_OPERATION', 'acls.bad_rule.operation', /record rule, which governs read, create, update, delete; "write" is for field rules/);
  });

  it('refuses conditions that do not fit the record type (the user record, for criteria)', async () => {
    await refused(acl({ condition: { field: 'colour', op: 'eq', value: 'red' } }), 'INVALID_CONDITION', /^acls\.bad_rule\.condition/, /colour/);
    await refused(
      () => t.ok(SAVE_CRITERIA, { i: { name: 'bad_criteria', label: 'Bad', condition: { field: 'shoe_size', op: 'gt', value: 40 } } }),
      'INVALID_CONDITION',
      /^userCriteria\.bad_criteria\.condition/,
      /shoe_size/,
    );
  });

  it('refuses removing criteria while an ACL still names them', async () => {
    await refused(() => t.ok(`mutation { removeUserCriteria(name: "asset_managers") }`), 'UNKNOWN_CRITERIA', 'acls.asset_cost_write.criteria.0', /names user criteria "asset_managers", which do not exist/);
  });

  it('changes and removes rules for good; rollback brings the old rules back', async () => {
    const first = await headVersion();
    await t.ok(SAVE_ACL, { i: { ...READ_OWN, operation: 'READ', condition: null, active: false } });
    await t.ok(`mutation { removeAcl(name: "asset_cost_write") }`);
    expect((await t.ok(ACLS)).acls.map((x: any) => x.name)).toEqual(['asset_read_own']);
    const r = await publish('narrow');
    expect(r.errors).toBeUndefined();
    expect(r.data.publishMetadata.changes).toEqual([
      { kind: 'acl_removed', path: 'asset_cost_write', before: expect.objectContaining({ field: 'cost', operation: 'write' }), after: null },
      { kind: 'acl_changed', path: 'asset_read_own', before: { condition: READ_OWN.condition, active: true }, after: { active: false } },
    ]);

    // A later publish carries record types forward, never removed rules.
    await t.ok(`mutation { addField(type: "asset", field: { name: "serial", label: "Serial", type: STRING }) { name } }`);
    expect((await publish('serial')).errors).toBeUndefined();
    expect((await t.ok(ACLS, { p: true })).acls.map((x: any) => x.name)).toEqual(['asset_read_own']);

    const rb = await t.gql(`mutation($v: Int!) { rollbackMetadata(toVersion: $v) { changes { kind path } } }`, { v: first });
    expect(rb.errors).toBeUndefined();
    expect(kinds(rb.data.rollbackMetadata.changes)).toEqual(expect.arrayContaining(['acl_added asset_cost_write', 'acl_changed asset_read_own', 'field_archived asset.serial']));
    const back = await t.ok(ACLS, { p: true });
    expect(back.acls).toEqual([
      expect.objectContaining({ name: 'asset_cost_write', field: 'cost', operation: 'WRITE' }),
      expect.objectContaining({ name: 'asset_read_own', condition: READ_OWN.condition, active: true }),
    ]);
  });

  it('exports one file per rule and imports them back with no changes; files are the whole metadata', async () => {
    const files = (await t.ok(`{ exportMetadata { path content } }`)).exportMetadata as { path: string; content: string }[];
    const file = (p: string) => files.find((f) => f.path === p)?.content;
    expect(file('user-criteria/asset_managers.yaml')).toBe(
      [
        'name: asset_managers',
        'label: Asset managers',
        'match: any',
        'groups:',
        '  - Hardware',
        'roles:',
        '  - asset_manager',
        'accounts:',
        '  - account: Acme',
        '    includeChildren: true',
        'condition:',
        '  field: active',
        '  op: eq',
        '  value: true',
        '',
      ].join('\n'),
    );
    expect(file('acls/asset_read_own.yaml')).toBe(
      ['name: asset_read_own', 'recordType: asset', 'operation: read', 'criteria:', '  - asset_managers', 'condition:', '  field: owner', '  op: eq', '  value:', '    dynamic: me', ''].join('\n'),
    );
    expect(file('acls/asset_cost_write.yaml')).toBe(
      ['name: asset_cost_write', 'description: Only managers set costs', 'recordType: asset', 'field: cost', 'operation: write', 'criteria:', '  - asset_managers', ''].join('\n'),
    );

    const IMPORT = `mutation($f: [MetadataFileInput!]!, $d: Boolean!) { importMetadata(files: $f, dryRun: $d) { applied changes { kind path } } }`;
    expect((await t.ok(IMPORT, { f: files, d: true })).importMetadata).toEqual({ applied: false, changes: [] });

    const inactive = files.map((f) => (f.path === 'acls/asset_read_own.yaml' ? { ...f, content: `${f.content}active: false\n` } : f));
    const without = inactive.filter((f) => f.path !== 'acls/asset_cost_write.yaml');
    const r = await t.ok(IMPORT, { f: without, d: false });
    expect(r.importMetadata).toEqual({ applied: true, changes: [{ kind: 'acl_removed', path: 'asset_cost_write' }, { kind: 'acl_changed', path: 'asset_read_own' }] });
    expect((await t.ok(ACLS, { p: true })).acls).toEqual([expect.objectContaining({ name: 'asset_read_own', active: false })]);
    expect((await t.ok(`{ exportMetadata { path content } }`)).exportMetadata.find((f: any) => f.path === 'acls/asset_read_own.yaml').content).toMatch(/\nactive: false\n$/);
  });

  it('names the file that is wrong on import', async () => {
    const IMPORT = `mutation($f: [MetadataFileInput!]!) { importMetadata(files: $f) { applied } }`;
    const bad = await t.gql(IMPORT, { f: [{ path: 'user-criteria/x.yaml', content: 'name: x\n' }] });
    expect(bad.errors?.[0].extensions?.code).toBe('VALIDATION_FAILED');
    expect(bad.errors?.[0].message).toMatch(/^user-criteria\/x\.yaml: label/);
    const twice = await t.gql(IMPORT, {
      f: [
        { path: 'acls/a.yaml', content: 'name: a\nrecordType: asset\noperation: read\n' },
        { path: 'acls/b.yaml', content: 'name: a\nrecordType: asset\noperation: read\n' },
      ],
    });
    expect(twice.errors?.[0].message).toMatch(/acls\/b\.yaml: ACL "a" is defined in more than one file/);
    const stray = await t.gql(IMPORT, { f: [{ path: 'rules/a.yaml', content: 'name: a\n' }] });
    expect(stray.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    expect(stray.errors?.[0].message).toMatch(/rules\/a\.yaml: a metadata file belongs in one of the folders record-types\/, user-criteria\/, acls\//);
  });
});
