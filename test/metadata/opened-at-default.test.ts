import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importItsm } from '../helpers/itsm.js';
import { startTestServer, type TestServer } from '../helpers/test-server.js';

let t: TestServer;
beforeAll(async () => {
  t = await startTestServer();
  await importItsm(t);
});
afterAll(() => t?.stop());

const SAVE = `mutation($i: RecordTypeInput!) { saveRecordTypeDraft(input: $i) { name } }`;

describe('task.opened_at defaults to the time of the create (default: now)', () => {
  it('is set on a new case type extending task when the writer leaves it out, and may be backdated', async () => {
    await t.ok(SAVE, { i: { name: 'hr_case', label: 'HR case', extends: 'task', numberPrefix: 'HRC', fields: [{ name: 'employee_note', label: 'Note', type: 'TEXT' }] } });
    const published = await t.gql(`mutation { publishMetadata(message: "hr") { version { id } } }`);
    expect(published.errors).toBeUndefined();

    const before = Date.now();
    const created = await t.ok(`mutation { createHrCase(input: { shortDescription: "Laptop for new hire" }) { hrCase { number openedAt } } }`);
    const after = Date.now();
    const opened = Date.parse(created.createHrCase.hrCase.openedAt);
    // The database clock and ours may differ by a little; a null or a fixed publish-time value would not pass.
    expect(opened).toBeGreaterThanOrEqual(before - 2_000);
    expect(opened).toBeLessThanOrEqual(after + 2_000);

    const backdated = await t.ok(`mutation { createHrCase(input: { shortDescription: "Imported", openedAt: "2024-03-01T08:00:00Z" }) { hrCase { openedAt } } }`);
    expect(Date.parse(backdated.createHrCase.hrCase.openedAt)).toBe(Date.parse('2024-03-01T08:00:00Z'));
  });

  it('is set on an incident (a pack type extending task) created without it', async () => {
    const before = Date.now();
    const r = await t.gql(`mutation { createIncident(input: { shortDescription: "Printer jam" }) { incident { openedAt } } }`);
    expect(r.errors).toBeUndefined();
    expect(Date.parse(r.data.createIncident.incident.openedAt)).toBeGreaterThanOrEqual(before - 2_000);
  });
});
