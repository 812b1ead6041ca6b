import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { IDENTITY_TYPES, METADATA_KINDS } from '../../schema/index.js';
import { DEMO_PACKS, FACILITIES_PACK, FINANCE_PACK, HR_PACK, readPack } from '../../seeds/load-pack.js';
import { loadFacilitiesDemoData } from '../../seeds/facilities/demo-data.js';
import { loadFinanceDemoData } from '../../seeds/finance/demo-data.js';
import { loadHrDemoData } from '../../seeds/hr/demo-data.js';
import { asUser } from '../helpers/itsm.js';
import { startTestServer, type TestServer } from '../helpers/test-server.js';

/** The demo packs round-trip through the public import and export: importing twice changes nothing, export gives them back. */
let t: TestServer;
const IMPORT = `mutation($f: [MetadataFileInput!]!) { importMetadata(files: $f, dryRun: false, message: "packs") { applied changes { kind path } version { id } } }`;

beforeAll(async () => {
  t = await startTestServer();
});
afterAll(() => t?.stop());

/**
 * A file as the document it holds: read by its kind's schema, so a default a pack leaves implicit and the export
 * spells out (`match: any`) reads the same; field ids that are the default (`<type>.<field>`) are left out.
 */
function asData(file: { path: string; content: string }): unknown {
  const kind = METADATA_KINDS.find((k) => file.path.startsWith(`${k.folder}/`))!;
  const doc = kind.schema.parse(parse(file.content)) as Record<string, any>;
  if (file.path.startsWith('record-types/'))
    doc.fields = doc.fields.map((f: Record<string, unknown>) => (f.id === `${doc.name}.${f.name}` ? Object.fromEntries(Object.entries(f).filter(([k]) => k !== 'id')) : f));
  return doc;
}

describe('the demo packs', () => {
  it('hold every kind of the ESM packs, one unit each, and no hr_onboarding case type (onboarding is an approval flow on employee changes)', async () => {
    const files = await readPack(...DEMO_PACKS);
    const paths = files.map((f) => f.path);
    for (const [pack, unit, caseTypes] of [
      [HR_PACK, 'hr', ['hr_employee_change', 'hr_leave_request']],
      [FACILITIES_PACK, 'facilities', ['facilities_request']],
      [FINANCE_PACK, 'finance', ['expense_claim']],
    ] as const) {
      const own = (await readPack(pack)).map((f) => f.path);
      expect(own.filter((p) => p.startsWith('business-units/'))).toEqual([`business-units/${unit}.yaml`]);
      expect(own.filter((p) => p.startsWith('case-types/'))).toEqual(caseTypes.map((c) => `case-types/${c}.yaml`));
      for (const c of caseTypes) for (const folder of ['record-types', 'state-models', 'forms']) expect(own).toContain(`${folder}/${c}.yaml`);
      expect(path.basename(pack)).toBe(unit);
    }
    expect(paths).toEqual(expect.arrayContaining(['business-units/it.yaml', 'case-types/incident.yaml', 'business-units/customer_service.yaml', 'case-types/customer_case.yaml']));
    expect(paths).toEqual(expect.arrayContaining(['record-types/product.yaml', 'record-types/entitlement.yaml', 'record-types/knowledge_article.yaml']));
    expect(paths.filter((p) => p.includes('hr_onboarding'))).toEqual(['flows/hr_onboarding.yaml']);
  });

  it('import twice: the second import changes nothing; the export gives back every pack file, identical', async () => {
    const files = await readPack(...DEMO_PACKS);
    const first = (await t.ok(IMPORT, { f: files })).importMetadata;
    expect(first.applied).toBe(true);
    const second = (await t.ok(IMPORT, { f: files })).importMetadata;
    expect(second).toEqual({ applied: false, changes: [], version: null });

    const exported: { path: string; content: string }[] = (await t.ok(`{ exportMetadata { path content } }`)).exportMetadata;
    // The platform's documents (identity types, the contact registration flow) come back too.
    const identity = new Set([...Object.values(IDENTITY_TYPES).map((n) => `record-types/${n}.yaml`), 'flows/contact_registration.yaml']);
    const back = exported.filter((f) => !identity.has(f.path));
    expect(back.map((f) => f.path).sort()).toEqual(files.map((f) => f.path).sort());
    const packed = new Map(files.map((f) => [f.path, asData(f)]));
    for (const f of back) expect(asData(f), f.path).toEqual(packed.get(f.path));

    // The export imported again is no change either: it is the same metadata, written by the platform.
    const again = (await t.ok(IMPORT, { f: exported })).importMetadata;
    expect(again.applied).toBe(false);
  });

  it('carry the HR demo: Erin submits leave, Hugo (HR agent) records a change and sees every HR case, Erin only her own', async () => {
    const run = asUser(t);
    const erinId = (await t.ok(`mutation { createPerson(input: { userName: "erin.employee", name: "Erin", email: "erin@example.com" }) { person { id } } }`)).createPerson.person.id;
    expect(await loadHrDemoData(run)).toEqual({ records: 12 });
    const count = `{ hrLeaveRequests { totalCount } hrEmployeeChanges { totalCount } }`;
    const erin = await run(count, {}, 'erin.employee');
    expect(erin.hrLeaveRequests.totalCount).toBe(3);
    expect(erin.hrEmployeeChanges.totalCount).toBe(1);
    const hugo = await run(count, {}, 'hugo.hragent');
    expect(hugo.hrLeaveRequests.totalCount).toBe(3);
    // Hana administers HR's metadata, not its cases: she reads no one's leave but her own.
    expect((await run(count, {}, 'hana.hradmin')).hrLeaveRequests.totalCount).toBe(0);
    expect(hugo.hrEmployeeChanges.totalCount).toBe(1);
    // Leave is asked for oneself: the create ACL holds the employee to the signed-in user.
    const refused = await t.gql(`mutation($i: CreateHrLeaveRequestInput!) { createHrLeaveRequest(input: $i) { hrLeaveRequest { id } } }`, {
      i: { shortDescription: 'x', employee: erinId, startDate: '2026-01-01', endDate: '2026-01-02' },
    }, await t.token({ subject: 'hana.hradmin' }));
    expect(refused.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });

  it('carry the facilities and finance demos: Erin submits requests and claims, and sees them; her peers do not', async () => {
    const run = asUser(t);
    await t.ok(`mutation { createLocation(input: { name: "London", city: "London", country: "United Kingdom" }) { location { id } } }`);
    expect(await loadFacilitiesDemoData(run)).toEqual({ records: 6 });
    expect(await loadFinanceDemoData(run)).toEqual({ records: 6 });
    const mine = `{ facilitiesRequests { totalCount } expenseClaims { totalCount nodes { amount currency } } }`;
    const erin = await run(mine, {}, 'erin.employee');
    expect(erin.facilitiesRequests.totalCount).toBe(3);
    expect(erin.expenseClaims.nodes.map((c: any) => `${c.amount} ${c.currency}`).sort()).toEqual(['312.00 GBP', '450.00 USD', '86.40 EUR']);
    const hana = await run(mine, {}, 'hana.hradmin');
    expect([hana.facilitiesRequests.totalCount, hana.expenseClaims.totalCount]).toEqual([0, 0]);
  });
});
