import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PACKS, readPack } from '../../seeds/load-pack.js';
import { importItsm } from '../helpers/itsm.js';
import { startTestServer, type TestServer } from '../helpers/test-server.js';

let t: TestServer;
beforeAll(async () => {
  t = await startTestServer();
  await importItsm(t);
});
afterAll(() => t?.stop());

const IMPORT = `mutation($f: [MetadataFileInput!]!) { importMetadata(files: $f, dryRun: false, message: "slas") { applied } }`;

const SCHEDULE = `name: office
timeZone: Europe/Berlin
hours:
  - days: [mon, tue, wed, thu, fri]
    start: "09:00"
    end: "17:00"
`;

const sla = (name: string, extra: string) => `name: ${name}
recordType: incident
stop:
  field: state
  op: eq
  value: resolved
target: PT4H
schedule: office
${extra}`;

/** The demo packs plus the given files, as one complete import. */
async function importWith(files: { path: string; content: string }[]) {
  return t.gql(IMPORT, { f: [...(await readPack(...DEMO_PACKS)), ...files] });
}

describe('SLA metadata through importMetadata', () => {
  it('publishes a well-formed schedule and SLA', async () => {
    const good = sla('p1_resolution', `retroactiveStart: opened_at\npause:\n  field: priority\n  op: gt\n  value: 3\nwarnings:\n  - percent: 50\n  - percent: 75\n`);
    const r = await importWith([
      { path: 'schedules/office.yaml', content: SCHEDULE },
      { path: 'slas/p1_resolution.yaml', content: good },
    ]);
    expect(r.errors).toBeUndefined();
    expect(r.data?.importMetadata.applied).toBe(true);
  });

  it('refuses a malformed SLA, naming the field of each problem, and publishes nothing', async () => {
    const before = await t.ok(`{ metadataVersions(limit: 1) { id } }`);
    const bad = sla('broken', `retroactiveStart: category\npause:\n  field: colour\n  op: eq\n  value: red\nwarnings:\n  - percent: 75\n  - percent: 50\n`);
    const r = await importWith([
      { path: 'schedules/office.yaml', content: SCHEDULE.replace('Europe/Berlin', 'Europe/Atlantis') },
      { path: 'slas/broken.yaml', content: bad },
    ]);
    expect(r.errors?.[0].extensions?.code).toBe('VALIDATION_FAILED');
    const paths = (r.errors?.[0].extensions?.problems as { path: string }[]).map((p) => p.path);
    expect(paths).toEqual(
      expect.arrayContaining(['schedules.office.timeZone', 'slaDefinitions.broken.pause.field', 'slaDefinitions.broken.retroactiveStart', 'slaDefinitions.broken.warnings.1.percent']),
    );
    expect(r.errors?.[0].message).toContain('slaDefinitions.broken.retroactiveStart: SLA "broken" starts retroactively from "category", which is a choice field');
    expect(await t.ok(`{ metadataVersions(limit: 1) { id } }`)).toEqual(before);
  });
});
