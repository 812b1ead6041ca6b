import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startStudioFixture, type StudioFixture } from './studio-fixture.js';
import { expectAccessible, screenshot } from './studio-page.js';

let f: StudioFixture;
/** A case of Globex Europe (dave.contact's account) and one of Globex, the account above it. */
let ownCase: string;
let parentCase: string;

beforeAll(async () => {
  f = await startStudioFixture();
  const d = await f.t.ok(`{ own: customerCases(first: 1, filter: { account: { name: { eq: "Globex Europe" } } }) { nodes { number } }
    parent: customerCases(first: 1, filter: { account: { name: { eq: "Globex" } } }) { nodes { number } } }`);
  ownCase = d.own.nodes[0].number;
  parentCase = d.parent.nodes[0].number;
}, 300_000);
afterAll(() => f?.close());

async function explain(page: Page, search: string, option: RegExp, number: string) {
  const user = page.getByRole('combobox', { name: 'User' });
  await user.fill('');
  await user.fill(search);
  await page.getByRole('listbox', { name: 'User' }).getByRole('option', { name: option }).click();
  await page.getByRole('textbox', { name: 'Record number' }).fill(number);
  await page.getByRole('button', { name: 'Explain', exact: true }).click();
}

describe('the access rules designer', () => {
  it('lists the types of a unit with their rules per operation, inherited and admins-only ones said so', async () => {
    const page = await f.openStudio('/access-rules?unit=customer_service');
    const table = page.getByRole('table', { name: 'Record types and their access rules' });
    const row = table.getByRole('row', { name: /Case customer_case/ });
    await row.waitFor({ state: 'visible' });
    // Three read rules of its own; update from its own rule; delete: no type has a rule, only admins.
    await expect.poll(() => row.getByRole('cell').allInnerTexts()).toEqual([expect.stringContaining('Case'), '3', '1', '1', 'admins only', '–']);
    await expectAccessible(page, 'the access rules list');
    await screenshot(page, 'studio-access-rules-list');
    await page.close();
  });

  it('shows the rules of customer_case by operation, each with who it is for and which records', async () => {
    const page = await f.openStudio('/access-rules/customer_case?unit=customer_service');
    await page.getByRole('heading', { name: 'Access rules of Case' }).waitFor({ state: 'visible' });
    const read = page.getByRole('region', { name: 'read rules' });
    for (const name of ['case_read_account', 'case_read_group', 'case_read_partner']) await read.getByRole('article', { name: `Rule ${name}` }).waitFor({ state: 'visible' });
    await expect.poll(() => read.getByRole('article', { name: 'Rule case_read_account' }).innerText()).toMatch(/Customer and partner contacts/);
    await page.getByRole('region', { name: 'delete rules' }).getByText('No delete rule: only admins may delete').waitFor({ state: 'visible' });
    await expectAccessible(page, 'the customer_case rules');
    await screenshot(page, 'studio-access-rules-case');
    await page.close();
  });

  it("explains why dave.contact may not read a case of Globex, and may read one of Globex Europe", async () => {
    const page = await f.openStudio('/access-rules/customer_case');
    const panel = page.getByRole('region', { name: 'Explain access' });
    await explain(page, 'dave', /Dave Contact \(dave\.contact\)/, parentCase);
    const readDenied = panel.getByRole('button', { name: 'read: denied' });
    await readDenied.waitFor({ state: 'visible' });
    await panel.getByText('the rules for this user do not match this record').first().waitFor({ state: 'visible' });
    const verdict = panel.getByLabel('Rule case_read_account: does not grant');
    await expect.poll(() => verdict.innerText()).toMatch(/record does not match the condition/);
    await expect.poll(() => panel.getByLabel('Rule case_read_group: does not grant').innerText()).toMatch(/agents: not matched/);
    await expectAccessible(page, 'an explanation (denied)');
    await screenshot(page, 'studio-access-rules-explain-denied');

    await explain(page, 'dave', /Dave Contact \(dave\.contact\)/, ownCase.toLowerCase());
    await panel.getByRole('button', { name: 'read: allowed' }).waitFor({ state: 'visible' });
    await panel.getByText(ownCase, { exact: true }).waitFor({ state: 'visible' });
    await panel.getByLabel('Rule case_read_account: grants').waitFor({ state: 'visible' });
    await screenshot(page, 'studio-access-rules-explain-allowed');

    // A number that names no case says so, in the panel.
    await page.getByRole('textbox', { name: 'Record number' }).fill('CS9999999');
    await page.getByRole('button', { name: 'Explain', exact: true }).click();
    await panel.getByRole('alert').getByText('there is no case numbered "CS9999999"').waitFor({ state: 'visible' });
    await page.close();
  });

  it('adds a rule with criteria and a condition and saves it as a draft', async () => {
    const page = await f.openStudio('/access-rules/customer_case');
    await page.getByRole('button', { name: 'Add rule', exact: true }).click();
    const dialog = page.getByRole('dialog', { name: 'Add an access rule' });
    await expect.poll(() => dialog.getByRole('textbox', { name: 'Name' }).inputValue()).toBe('customer_case_read');
    await dialog.getByRole('button', { name: 'Add rule' }).click();
    const card = page.getByRole('article', { name: 'Rule customer_case_read' });
    await card.waitFor({ state: 'visible' });
    await card.getByRole('textbox', { name: /Description/ }).fill('Agents see the cases of web and phone channels.');
    await card.getByRole('combobox', { name: /For users matching/ }).click();
    await page.getByRole('listbox', { name: /For users matching/ }).getByRole('option', { name: 'Service agents (agents)' }).click();
    await page.keyboard.press('Escape');
    // The condition builder's advanced mode: the condition as JSON, checked as typed.
    const builder = card.getByRole('group', { name: /Condition of rule customer_case_read/ });
    await builder.getByRole('switch', { name: 'Advanced: edit as JSON' }).click();
    await builder.getByRole('textbox', { name: 'Condition as JSON' }).fill('{ "field": "channel", "op": "in", "value": ["web", "phone"] }');
    await expect.poll(() => builder.getByRole('status', { name: 'Summary' }).innerText()).toBe('Channel is Web or Phone');
    await expectAccessible(page, 'a new rule in the editor');
    await screenshot(page, 'studio-access-rules-new-rule');
    await card.getByRole('button', { name: 'Save draft' }).click();
    await card.getByText('Draft', { exact: true }).waitFor({ state: 'visible' });

    const drafts = await f.t.ok(`{ metadataDocuments(kind: ACL) { name hasDraft document } }`);
    const saved = drafts.metadataDocuments.find((d: { name: string }) => d.name === 'customer_case_read');
    expect(saved).toMatchObject({
      hasDraft: true,
      document: { name: 'customer_case_read', recordType: 'customer_case', operation: 'read', criteria: ['agents'], description: 'Agents see the cases of web and phone channels.', condition: { field: 'channel', op: 'in', value: ['web', 'phone'] } },
    });
    // Saved, it sits with the other read rules.
    await page.getByRole('region', { name: 'read rules' }).getByRole('article', { name: 'Rule customer_case_read' }).waitFor({ state: 'visible' });
    await page.close();
  });

  it('removes a rule as a draft, after asking', async () => {
    const page = await f.openStudio('/access-rules/customer_case');
    const card = page.getByRole('article', { name: 'Rule case_read_partner' });
    await card.getByRole('button', { name: 'Remove rule case_read_partner' }).click();
    const dialog = page.getByRole('dialog', { name: 'Remove rule case_read_partner?' });
    await dialog.getByText('The removal is saved as a draft').waitFor({ state: 'visible' });
    await dialog.getByRole('button', { name: 'Remove rule' }).click();
    await card.waitFor({ state: 'detached' });
    const { metadataDrafts } = await f.t.ok(`{ metadataDrafts { kind name removal } }`);
    expect(metadataDrafts).toContainEqual({ kind: expect.stringMatching(/^acl$/i), name: expect.stringContaining('case_read_partner'), removal: true });
    await page.close();
  });

  it("tells a unit administrator that explaining is the platform administrator's, and keeps other units' rules read-only", async () => {
    const page = await f.openStudio('/access-rules/hr_leave_request?unit=hr', 'hana.hradmin');
    await page.getByRole('region', { name: 'Explain access' }).getByText('For the platform administrator').waitFor({ state: 'visible' });
    await page.getByRole('button', { name: 'Add rule', exact: true }).waitFor({ state: 'visible' });
    await expectAccessible(page, 'the designer as a unit administrator');
    await screenshot(page, 'studio-access-rules-unit-admin');
    await page.goto(`${f.t.atrium.url}/studio/access-rules/customer_case?unit=hr`);
    await page.getByText('Read only', { exact: true }).waitFor({ state: 'visible' });
    expect(await page.getByRole('button', { name: 'Add rule', exact: true }).count()).toBe(0);
    await page.close();
  });

  it('logged no errors in the browser', () => {
    expect(f.session.consoleProblems).toEqual([]);
  });
});
