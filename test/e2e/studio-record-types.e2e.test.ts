import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startStudioFixture, type StudioFixture } from './studio-fixture.js';
import { expectAccessible, screenshot } from './studio-page.js';

let f: StudioFixture;
beforeAll(async () => {
  f = await startStudioFixture();
});
afterAll(() => f?.close());

const inspector = (page: Page) => page.getByRole('region', { name: /^Field / });
const fieldRow = (page: Page, name: string) => page.getByRole('table', { name: 'Fields' }).locator(`tr[data-field="${name}"]`);

async function pickType(page: Page, label: RegExp) {
  await inspector(page).getByRole('combobox', { name: /^Type/ }).click();
  await page.getByRole('option', { name: label }).click();
}

describe('the record types designer', () => {
  it('lists the record types with what they extend and their field counts, searchable', async () => {
    const page = await f.openStudio('/record-types');
    const table = page.getByRole('table', { name: 'Record types' });
    const incident = table.getByRole('row').filter({ has: page.getByRole('link', { name: 'Incident', exact: true }) });
    await incident.waitFor({ state: 'visible' });
    expect(await incident.getByRole('cell').allInnerTexts()).toEqual([expect.stringMatching(/^Incident/), 'incident', 'task', expect.stringMatching(/^\d+$/), '']);
    await page.getByRole('button', { name: 'New record type' }).waitFor({ state: 'visible' });
    await expectAccessible(page, 'the record types list');
    await screenshot(page, 'studio-record-types-list');

    await page.getByRole('textbox', { name: 'Search record types' }).fill('leave');
    await expect.poll(async () => (await table.getByRole('link').allInnerTexts()).sort()).toEqual(['Leave request']);
    await page.close();
  });

  it("tells a unit administrator that a unit's new record type comes with its case type", async () => {
    const page = await f.openStudio('/record-types', 'hana.hradmin');
    await page.getByText('New record types come with their case type').waitFor({ state: 'visible' });
    expect(await page.getByRole('button', { name: 'New record type' }).count()).toBe(0);
    expect(await page.getByRole('link', { name: 'Create a case type' }).getAttribute('href')).toMatch(/\/case-types\/new\?unit=hr$/);
    const links = await page.getByRole('table', { name: 'Record types' }).getByRole('link').allInnerTexts();
    expect(links).toContain('Leave request');
    expect(links).not.toContain('Incident');
    await page.close();
  });

  it('shows on the field how many records the server would not convert once the type change is saved', async () => {
    const page = await f.openStudio('/record-types/hr_leave_request');
    await fieldRow(page, 'days').getByRole('button', { name: 'Edit field days' }).click();
    await pickType(page, /^Whole number/);
    await page.getByRole('button', { name: 'Save draft' }).click();
    const refusal = inspector(page).getByRole('alert').filter({ hasText: 'The publish would refuse this change' });
    await refusal.waitFor({ state: 'visible', timeout: 30_000 });
    expect(await refusal.innerText()).toMatch(/1 record[\s\S]*cannot convert hr_leave_request\.days from decimal\(scale 1\) to integer: 1 record\(s\) are not whole numbers/i);
    await fieldRow(page, 'days').getByText('1 record(s) are not whole numbers', { exact: false }).waitFor({ state: 'visible' });
    await screenshot(page, 'studio-record-types-refusal');
    await page.close();
  });

  it('adds a field, renames another, changes a type as offered, saves a draft without problems; a bad name is refused inline', async () => {
    const page = await f.openStudio('/record-types/incident');
    await page.getByRole('heading', { name: 'Record type Incident' }).waitFor({ state: 'visible' });
    // Inherited from task, read-only.
    await page.getByRole('table', { name: 'Inherited fields' }).locator('tr[data-field="short_description"]').getByText('Inherited').waitFor({ state: 'visible' });

    await page.getByRole('button', { name: 'Add field' }).click();
    await inspector(page).getByRole('textbox', { name: /^Name/ }).fill('urgency_note');
    await inspector(page).getByRole('textbox', { name: /^Label/ }).fill('Urgency note');
    await fieldRow(page, 'urgency_note').getByText('New').waitFor({ state: 'visible' });

    await fieldRow(page, 'configuration_item').getByRole('button', { name: 'Edit field configuration_item' }).click();
    await inspector(page).getByRole('textbox', { name: /^Name/ }).fill('affected_item');
    await fieldRow(page, 'affected_item').getByText('was configuration_item').waitFor({ state: 'visible' });

    // A published choice field is offered only what the publish converts; the rest are shown disabled, with why.
    await fieldRow(page, 'category').getByRole('button', { name: 'Edit field category' }).click();
    await inspector(page).getByRole('combobox', { name: /^Type/ }).click();
    const yesNo = page.getByRole('option', { name: /Yes \/ no/ });
    expect(await yesNo.getAttribute('data-combobox-disabled')).toBe('true');
    expect(await yesNo.innerText()).toContain('No safe conversion from choice');
    await page.keyboard.press('Escape');

    await fieldRow(page, 'time_worked').getByRole('button', { name: 'Edit field time_worked' }).click();
    await pickType(page, /^Long text/);
    await expect.poll(() => inspector(page).getByRole('combobox', { name: /^Type/ }).inputValue()).toBe('Long text');
    await fieldRow(page, 'time_worked').getByText('was Duration').waitFor({ state: 'visible' });

    await page.getByRole('button', { name: 'Save draft' }).click();
    await page.getByText('Draft', { exact: true }).waitFor({ state: 'visible' });
    expect(await page.getByRole('region', { name: 'Problems' }).count()).toBe(0);
    await expectAccessible(page, 'the record type designer');
    await screenshot(page, 'studio-record-types-designer');
    await inspector(page).screenshot({ path: 'test-results/screenshots/studio-record-types-inspector.png' });

    await fieldRow(page, 'urgency_note').getByRole('button', { name: 'Edit field urgency_note' }).click();
    await inspector(page).getByRole('textbox', { name: /^Name/ }).fill('BadName');
    await inspector(page).getByText('field name "BadName" is not a valid name', { exact: false }).waitFor({ state: 'visible' });
    await fieldRow(page, 'BadName').getByText('is not a valid name', { exact: false }).waitFor({ state: 'visible' });
    await page.getByRole('region', { name: 'Problems' }).waitFor({ state: 'visible' });
    await screenshot(page, 'studio-record-types-bad-name');
    await page.getByRole('button', { name: 'Discard changes' }).click();
    await fieldRow(page, 'urgency_note').waitFor({ state: 'visible' });
    await page.close();
  });

  it('reorders choices from the keyboard, archives and restores a field', async () => {
    const page = await f.openStudio('/record-types/incident');
    await fieldRow(page, 'impact').getByRole('button', { name: 'Edit field impact' }).click();
    const order = () => inspector(page).locator('[data-choice]').evaluateAll((els) => els.map((e) => e.getAttribute('data-choice')));
    expect(await order()).toEqual(['high', 'medium', 'low']);
    // Before any edit: the frame's orange "Unsaved changes" badge is below AA contrast (shared frame, reported).
    await expectAccessible(page, 'the choices editor');
    await inspector(page).getByRole('button', { name: 'Reorder High' }).focus();
    // dnd-kit measures the rows after the pick-up: each key waits for the frame before the next.
    for (const key of ['Space', 'ArrowDown', 'Space']) {
      await page.keyboard.press(key);
      await page.waitForTimeout(250);
    }
    await expect.poll(order).toEqual(['medium', 'high', 'low']);
    await inspector(page).getByText('records whose values are not among the choices', { exact: false }).waitFor({ state: 'visible' });
    await inspector(page).screenshot({ path: 'test-results/screenshots/studio-record-types-choices.png' });

    await fieldRow(page, 'close_code').getByRole('button', { name: 'Archive field close_code' }).click();
    await fieldRow(page, 'close_code').getByText('Archived').waitFor({ state: 'visible' });
    await fieldRow(page, 'close_code').getByRole('button', { name: 'Restore field close_code' }).click();
    expect(await fieldRow(page, 'close_code').getByText('Archived').count()).toBe(0);
    await page.getByRole('button', { name: 'Discard changes' }).click();
    await page.close();
  });

  it('creates a record type: the name is checked at once, the designer opens on the new type and saves it as a draft', async () => {
    const page = await f.openStudio('/record-types');
    await page.getByRole('button', { name: 'New record type' }).click();
    const dialog = page.getByRole('dialog', { name: 'New record type' });
    await dialog.getByRole('textbox', { name: /^Label/ }).fill('Vendor');
    await dialog.getByRole('textbox', { name: /^Name/ }).fill('Vendor');
    await dialog.getByText('is not a valid name', { exact: false }).waitFor({ state: 'visible' });
    await dialog.getByRole('textbox', { name: /^Name/ }).fill('incident');
    await dialog.getByText('"incident" already exists').waitFor({ state: 'visible' });
    await dialog.getByRole('textbox', { name: /^Name/ }).fill('vendor');
    await dialog.getByRole('button', { name: 'Create' }).click();

    await page.getByRole('heading', { name: 'Record type Vendor' }).waitFor({ state: 'visible' });
    await page.getByRole('table', { name: 'Fields' }).getByText('No fields of its own yet', { exact: false }).waitFor({ state: 'visible' });
    await page.getByRole('button', { name: 'Add field' }).click();
    await inspector(page).getByRole('textbox', { name: /^Name/ }).fill('vendor_name');
    await inspector(page).getByRole('textbox', { name: /^Label/ }).fill('Vendor name');
    expect(await page.getByRole('region', { name: 'Problems' }).count()).toBe(0);
    await page.getByRole('button', { name: 'Save draft' }).click();
    await page.getByText('Draft', { exact: true }).waitFor({ state: 'visible' });

    await page.getByRole('link', { name: 'Record types' }).first().click();
    const row = page.getByRole('table', { name: 'Record types' }).getByRole('row').filter({ has: page.getByRole('link', { name: 'Vendor', exact: true }) });
    await row.getByText('Draft').waitFor({ state: 'visible' });
    await page.close();
  });

  it('logged no errors in the browser', () => {
    expect(f.session.consoleProblems).toEqual([]);
  });
});
