import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { editorText } from './browser-session.js';
import { startStudioFixture, type StudioFixture } from './studio-fixture.js';
import { expectAccessible, screenshot } from './studio-page.js';

/**
 * The case type wizard as HR's unit administrator: a Relocation case type built step by step with real pointer drags
 * (fields reordered, a field placed in the form's second column), published, then used through the API by an
 * employee who submits one and reads it back.
 */
let f: StudioFixture;
let page: Page;
// The server imports every demo pack and its people first: slow on a shared machine.
beforeAll(async () => {
  f = await startStudioFixture();
}, 600_000);
afterAll(() => f?.close());

/** A real drag: press on `from`, move in several steps to `to` (offset from its centre), release. */
async function drag(p: Page, from: Locator, to: { x: number; y: number }) {
  const box = (await from.boundingBox())!;
  const start = { x: box.x + box.width / 2, y: box.y + box.height / 2 };
  await p.mouse.move(start.x, start.y);
  await p.mouse.down();
  const steps = 12;
  for (let i = 1; i <= steps; i += 1) {
    await p.mouse.move(start.x + ((to.x - start.x) * i) / steps, start.y + ((to.y - start.y) * i) / steps);
    await p.waitForTimeout(25);
  }
  await p.waitForTimeout(100);
  await p.mouse.up();
  await p.waitForTimeout(250);
}

async function centre(l: Locator) {
  const b = (await l.boundingBox())!;
  return { x: b.x + b.width / 2, y: b.y + b.height / 2, top: b.y, bottom: b.y + b.height };
}

const fieldNames = (p: Page) => p.getByRole('list', { name: 'Fields' }).getByLabel('Name', { exact: true }).evaluateAll((els) => els.map((e) => (e as HTMLInputElement).value));
const columnItems = (p: Page, column: 1 | 2) => p.getByTestId(`column-${column}`).locator('[data-testid^="form-item-"]').evaluateAll((els) => els.map((e) => e.getAttribute('data-testid')!.slice('form-item-'.length)));

describe('the case type wizard', () => {
  it('lists the unit’s case types with what they are made of', async () => {
    page = await f.openStudio('/case-types', 'hana.hradmin');
    const table = page.getByRole('table');
    await table.getByRole('link', { name: 'Leave request' }).waitFor();
    const row = table.getByRole('row', { name: /Leave request/ });
    expect(await row.innerText()).toMatch(/hr_leave_request[\s\S]*Leave request life[\s\S]*Leave request[\s\S]*Employees/);
    expect(await table.getByRole('link', { name: 'Incident' }).count()).toBe(0);
    await expectAccessible(page, 'the case types list');
    await screenshot(page, 'case-types-list');
  });

  it('step 1: unit, label, the name derived from it, number prefix', async () => {
    await page.getByRole('link', { name: 'New case type' }).click();
    await page.getByRole('heading', { name: 'New case type' }).waitFor();
    await page.getByRole('textbox', { name: 'Label', exact: true }).fill('Relocation');
    await expect.poll(() => page.getByRole('textbox', { name: 'Name', exact: true }).inputValue()).toBe('hr_relocation');
    await page.getByLabel('Number prefix').fill('rel');
    expect(await page.getByLabel('Number prefix').inputValue()).toBe('REL');
    await page.getByLabel('Description').fill('Employees ask HR to help them move.');
    // A name that is taken is refused inline.
    await page.getByRole('textbox', { name: 'Name', exact: true }).fill('hr_leave_request');
    await page.getByText('"hr_leave_request" is taken').waitFor();
    expect(await page.getByRole('button', { name: 'Next' }).isDisabled()).toBe(true);
    await page.getByRole('textbox', { name: 'Name', exact: true }).fill('hr_relocation');
    await expectAccessible(page, 'wizard step 1');
    await screenshot(page, 'case-type-wizard-1-basics');
    await page.getByRole('button', { name: 'Next' }).click();
  });

  it('step 2: fields added, the requester offered, reordered by dragging', async () => {
    const list = page.getByRole('list', { name: 'Fields' });
    await list.waitFor();
    expect(await fieldNames(page)).toEqual(['requested_for']);
    for (const [label, type] of [
      ['Destination', null],
      ['Move date', 'Date'],
    ] as const) {
      await page.getByRole('button', { name: 'Add field' }).click();
      const row = list.getByRole('listitem').last();
      await row.getByLabel('Label', { exact: true }).fill(label);
      if (type) {
        await row.getByLabel('Type').click();
        await page.getByRole('option', { name: type, exact: true }).click();
      }
    }
    expect(await fieldNames(page)).toEqual(['requested_for', 'destination', 'move_date']);
    // Drag "Move date" above "Destination" by its handle.
    const target = await centre(page.getByRole('button', { name: 'Drag Destination to reorder' }));
    await drag(page, page.getByRole('button', { name: 'Drag Move date to reorder' }), { x: target.x, y: target.top - 8 });
    await expect.poll(() => fieldNames(page)).toEqual(['requested_for', 'move_date', 'destination']);
    await expectAccessible(page, 'wizard step 2');
    await screenshot(page, 'case-type-wizard-2-fields');
    await page.getByRole('button', { name: 'Next' }).click();
  });

  it('step 3: a field dragged into the form’s second column; a reload loses nothing', async () => {
    await page.getByTestId('column-2').waitFor();
    expect(await columnItems(page, 1)).toEqual(['short_description', 'requested_for', 'description', 'destination', 'move_date']);
    expect(await columnItems(page, 2)).toEqual(['state', 'priority']);
    const columnTwo = await centre(page.getByTestId('column-2'));
    await drag(page, page.getByRole('button', { name: 'Drag Destination on the form' }), { x: columnTwo.x, y: columnTwo.bottom - 30 });
    await expect.poll(() => columnItems(page, 2)).toContain('destination');
    expect(await columnItems(page, 1)).not.toContain('destination');

    await page.reload();
    await page.getByTestId('column-2').waitFor();
    await expect.poll(() => columnItems(page, 2)).toContain('destination');
    expect(await page.getByRole('textbox', { name: 'Label', exact: true }).count()).toBe(0);
    await expectAccessible(page, 'wizard step 3');
    await screenshot(page, 'case-type-wizard-3-form');
    await page.getByRole('button', { name: 'Next' }).click();
  });

  it('step 4: the approval template, a state renamed and recategorised in the table', async () => {
    await page.getByText('With approval').click();
    await page.getByLabel('Label of state 2').waitFor();
    expect(await page.getByLabel('Label of state 2').inputValue()).toBe('Awaiting approval');
    await page.getByLabel('Label of state 3').fill('Planning');
    await page.getByLabel('Label of state 1').fill('Requested');
    await expectAccessible(page, 'wizard step 4');
    await screenshot(page, 'case-type-wizard-4-states');
    await page.getByRole('button', { name: 'Next' }).click();
  });

  it('step 5: submitters and fulfillers, the proposed access rules in plain sentences', async () => {
    await page.getByRole('combobox', { name: 'Who may submit' }).click();
    await page.getByRole('option', { name: 'Employees', exact: true }).click();
    await page.keyboard.press('Escape');
    await page.getByRole('combobox', { name: 'Who works them' }).click();
    await page.getByRole('option', { name: 'HR agents', exact: true }).click();
    await page.keyboard.press('Escape');
    const rules = page.getByRole('region', { name: 'Proposed access rules' });
    await rules.getByText('HR agents may update every Relocation case.').waitFor();
    expect((await rules.getByRole('listitem').allInnerTexts()).map((t) => t.trim())).toEqual([
      'Employees may create Relocation cases whose Requested for is themselves.',
      'Employees may see Relocation cases whose Requested for is themselves.',
      'HR agents may see every Relocation case.',
      'HR agents may update every Relocation case.',
    ]);
    await expectAccessible(page, 'wizard step 5');
    await screenshot(page, 'case-type-wizard-5-access');
    await page.getByRole('button', { name: 'Review', exact: true }).click();
  });

  it('step 6: no problems, drafts saved in order, the diff, published', async () => {
    await page.getByRole('heading', { name: /What the wizard saves/ }).waitFor();
    await screenshot(page, 'case-type-wizard-6-review');
    await page.getByText('No problems').waitFor();
    await expectAccessible(page, 'wizard step 6');
    await page.getByRole('button', { name: 'Save drafts', exact: true }).click();
    const diff = page.getByRole('region', { name: 'What publishing changes' });
    await diff.waitFor({ timeout: 30_000 });
    expect(await diff.innerText()).toMatch(/hr_relocation/);
    await expectAccessible(page, 'wizard step 6 with the diff');
    await screenshot(page, 'case-type-wizard-6-diff');
    await page.getByRole('button', { name: 'Publish', exact: true }).click();
    await page.getByText('Relocation is live').waitFor({ timeout: 60_000 });
    const mutation = await page.getByLabel('Create mutation').innerText();
    expect(mutation).toContain('mutation CreateHrRelocation($input: CreateHrRelocationInput!)');
    const href = await page.getByRole('link', { name: 'Open in the explorer' }).getAttribute('href');
    expect(new URL(href!, f.t.atrium.url).searchParams.get('query')?.trim()).toBe(mutation.trim());
    await expectAccessible(page, 'wizard published');
    await screenshot(page, 'case-type-wizard-7-published');

    // The explorer opens with the mutation in a tab.
    const explorer = await f.session.openPage(href!);
    await expect.poll(() => editorText(explorer, '.graphiql-query-editor'), { timeout: 30_000 }).toContain('mutation CreateHrRelocation');
    await screenshot(explorer, 'case-type-wizard-8-explorer');
    await explorer.close();
  });

  it('is live: an employee submits a Relocation through the API and reads it back', async () => {
    const token = await f.t.token({ subject: 'erin.employee' });
    const me = await f.t.gql(`{ people(filter: { userName: { eq: "erin.employee" } }) { nodes { id } } }`, {}, token);
    expect(me.errors).toBeUndefined();
    const erin = me.data.people.nodes[0].id;
    const created = await f.t.gql(
      `mutation($i: CreateHrRelocationInput!) { createHrRelocation(input: $i) { hrRelocation { id number state destination requestedFor { id } } } }`,
      { i: { shortDescription: 'Moving to Lisbon', requestedFor: erin, destination: 'Lisbon', moveDate: '2027-03-01' } },
      token,
    );
    expect(created.errors).toBeUndefined();
    const record = created.data.createHrRelocation.hrRelocation;
    expect(record).toMatchObject({ number: expect.stringMatching(/^REL/), state: 'NEW', destination: 'Lisbon', requestedFor: { id: erin } });
    const read = await f.t.gql(`query($id: ID!) { hrRelocation(id: $id) { number destination moveDate } }`, { id: record.id }, token);
    expect(read.data.hrRelocation).toEqual({ number: record.number, destination: 'Lisbon', moveDate: '2027-03-01' });
    // Someone else's is refused: the ACL is on the requester field.
    const other = await f.t.gql(`{ people(filter: { userName: { eq: "hana.hradmin" } }) { nodes { id } } }`);
    const refused = await f.t.gql(`mutation($i: CreateHrRelocationInput!) { createHrRelocation(input: $i) { hrRelocation { id } } }`, { i: { shortDescription: 'Not mine', requestedFor: other.data.people.nodes[0].id, destination: 'Oslo' } }, token);
    expect(refused.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });

  it('the published case type’s page shows its parts, with links', async () => {
    await page.getByRole('link', { name: 'Open the case type' }).click();
    const parts = page.getByRole('region', { name: 'Made of' });
    await parts.getByRole('link', { name: 'Relocation (hr_relocation)' }).waitFor();
    expect(await parts.getByRole('link', { name: '4 rules on hr_relocation' }).count()).toBe(1);
    await expectAccessible(page, 'case type page');
    await screenshot(page, 'case-type-page');
    await page.close();
  });

  it('logged no errors in the browser', () => {
    expect(f.session.consoleProblems).toEqual([]);
  });
});
