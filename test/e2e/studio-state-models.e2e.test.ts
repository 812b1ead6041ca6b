import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bigModel } from '../studio/state-model-designer/fixtures.js';
import { startStudioFixture, type StudioFixture } from './studio-fixture.js';
import { expectAccessible, screenshot } from './studio-page.js';

let f: StudioFixture;
beforeAll(async () => {
  f = await startStudioFixture();
}, 240_000);
afterAll(() => f?.close());

/** Waits until the canvas shows `count` states, laid out (the overlay gone). */
async function waitForCanvas(page: Page, count: number) {
  await expect.poll(() => page.locator('.react-flow__node').count(), { timeout: 30_000 }).toBe(count);
  await page.getByLabel('Laying out the states').waitFor({ state: 'detached', timeout: 30_000 }).catch(() => undefined);
  await expect.poll(() => page.locator('.mantine-LoadingOverlay-root').count(), { timeout: 30_000 }).toBe(0);
}

/** The zoom-to-fit animation is over: the viewport's transform stays the same for a while. */
async function waitForStillViewport(page: Page) {
  const transform = () => page.locator('.react-flow__viewport').evaluate((el) => (el as HTMLElement).style.transform);
  let last = '';
  for (let i = 0; i < 40; i++) {
    await page.waitForTimeout(250);
    const now = await transform();
    if (now === last) return;
    last = now;
  }
}

async function pick(page: Page, label: string, option: string) {
  await page.getByRole('combobox', { name: label }).click();
  await page.getByRole('option', { name: option }).click();
}

const transitionsTab = (page: Page) => page.getByRole('tab', { name: /^Transitions/ });
const findings = (page: Page) => page.getByRole('list', { name: 'Findings' }).getByRole('listitem');

describe('the state model designer', () => {
  it('lists the state models of the chosen unit with record type, counts and status', async () => {
    const page = await f.openStudio('/state-models?unit=it');
    const table = page.getByRole('table', { name: 'State models' });
    await table.getByRole('link', { name: 'Incident lifecycle' }).waitFor({ state: 'visible' });
    const row = table.getByRole('row').filter({ hasText: 'Incident lifecycle' });
    expect((await row.getByRole('cell').allInnerTexts()).map((c) => c.replace(/\s+/g, ' ').trim())).toEqual([
      'Incident lifecycle incident',
      expect.stringMatching(/ incident$/),
      '6',
      '8',
      // Badges are upper-cased by CSS.
      'PUBLISHED',
    ]);
    // change_request has no case type, so it lies in no unit: listed under all units only.
    expect(await table.getByRole('link', { name: 'Change lifecycle' }).count()).toBe(0);
    await page.getByRole('combobox', { name: 'Business unit' }).click();
    await page.getByRole('option', { name: 'All units' }).click();
    await table.getByRole('link', { name: 'Change lifecycle' }).waitFor({ state: 'visible' });
    await table.getByRole('link', { name: 'Leave request life' }).waitFor({ state: 'visible' });
    await expectAccessible(page, 'the state models list');
    await screenshot(page, 'state-models-list');

    await page.getByRole('button', { name: 'New state model' }).click();
    const dialog = page.getByRole('dialog', { name: 'New state model' });
    await dialog.getByRole('button', { name: 'Create and open' }).click();
    await dialog.getByText('Choose the record type whose states this model defines').waitFor({ state: 'visible' });
    await expectAccessible(page, 'the new state model dialog');
    await screenshot(page, 'state-models-new');
    await page.close();
  });

  it('edits the change model: add a state, connect it by form and by dragging, lint, undo and redo, save', async () => {
    const page = await f.openStudio('/state-models/change_request');
    await waitForCanvas(page, 8);
    await expectAccessible(page, 'the change_request state model');
    await screenshot(page, 'state-model-change-request');

    await page.getByRole('button', { name: 'Add state' }).click();
    await waitForCanvas(page, 9);
    await expect.poll(() => findings(page).allInnerTexts()).toEqual([expect.stringContaining('No transition reaches "New state"')]);
    await page.getByRole('region', { name: 'Inspector' }).getByRole('textbox', { name: 'Label' }).fill('Post-implementation check');

    await pick(page, 'From state', 'Implement (implement)');
    await pick(page, 'To state', 'Post-implementation check (new_state)');
    await page.getByRole('form', { name: 'Add transition' }).getByRole('button', { name: 'Add transition' }).click();
    await expect.poll(() => findings(page).count()).toBe(0);
    await expect.poll(() => transitionsTab(page).innerText()).toBe('Transitions (12)');

    // By hand on the canvas: from the new state's right handle to Review's left handle.
    await page.getByRole('button', { name: 'Zoom to fit' }).click();
    await waitForStillViewport(page);
    // Out of the column the new state was added to, so the drag crosses no other node or edge.
    const node = await page.locator('.react-flow__node[data-id="new_state"]').boundingBox();
    await page.mouse.move(node!.x + node!.width / 2, node!.y + node!.height / 2);
    await page.mouse.down();
    await page.mouse.move(node!.x + node!.width * 1.8, node!.y - node!.height * 2, { steps: 10 });
    await page.mouse.up();
    await page.getByRole('button', { name: 'Zoom to fit' }).click();
    await waitForStillViewport(page);
    const from = await page.locator('.react-flow__node[data-id="new_state"] .react-flow__handle.source').boundingBox();
    const to = await page.locator('.react-flow__node[data-id="review"] .react-flow__handle.target').boundingBox();
    await page.mouse.move(from!.x + from!.width / 2, from!.y + from!.height / 2);
    await page.mouse.down();
    await page.mouse.move(to!.x + to!.width / 2, to!.y + to!.height / 2, { steps: 12 });
    await page.mouse.up();
    await expect.poll(() => transitionsTab(page).innerText()).toBe('Transitions (13)');
    await page.getByRole('region', { name: 'Inspector' }).getByRole('heading', { name: 'Transition new_state → review' }).waitFor({ state: 'visible' });
    await screenshot(page, 'state-model-connected');

    await page.getByRole('button', { name: 'Undo' }).click();
    await expect.poll(() => transitionsTab(page).innerText()).toBe('Transitions (12)');
    await page.getByRole('button', { name: 'Redo' }).click();
    await expect.poll(() => transitionsTab(page).innerText()).toBe('Transitions (13)');
    // The keyboard does the same, with focus anywhere in the editor but a field.
    await page.getByRole('button', { name: 'Zoom to fit' }).focus();
    await page.keyboard.press('Control+z');
    await expect.poll(() => transitionsTab(page).innerText()).toBe('Transitions (12)');
    await page.keyboard.press('Control+Shift+z');
    await expect.poll(() => transitionsTab(page).innerText()).toBe('Transitions (13)');

    await page.getByRole('button', { name: 'Save draft' }).click();
    await page.getByText('Draft', { exact: true }).waitFor({ state: 'visible' });
    expect(await page.getByRole('button', { name: 'Save draft' }).isDisabled()).toBe(true);
    await expectAccessible(page, 'the change_request state model after editing');
    await screenshot(page, 'state-model-saved');

    // The draft is on the server: a fresh page shows the new state and its two transitions.
    await page.reload();
    await waitForCanvas(page, 9);
    await expect.poll(() => transitionsTab(page).innerText()).toBe('Transitions (13)');
    await page.close();
  });

  it('opens a 200-state model and renders it (time printed, not asserted)', async () => {
    const page = await f.openStudio('/state-models');
    const doc = { ...bigModel(200), name: 'perf_200' };
    await page.evaluate((d) => localStorage.setItem('atrium.studio.unsaved:stateModel:perf_200', JSON.stringify({ doc: d, baseDraftVersion: 0, savedAt: new Date().toISOString() })), doc);
    const started = Date.now();
    await page.goto(`${f.t.atrium.url}/studio/state-models/perf_200`);
    await waitForCanvas(page, 200);
    const inPage = await page.evaluate(() => Math.round(performance.now()));
    console.log(`200-state model: canvas laid out and rendered ${Date.now() - started} ms after navigation (${inPage} ms by the page's clock)`);
    await screenshot(page, 'state-model-200');
    await page.evaluate(() => localStorage.removeItem('atrium.studio.unsaved:stateModel:perf_200'));
    await page.close();
  });

  it("lets HR's unit administrator open and edit an HR model", async () => {
    const page = await f.openStudio('/state-models', 'hana.hradmin');
    await page.getByRole('link', { name: 'Leave request life' }).click();
    await waitForCanvas(page, 4);
    await page.getByRole('button', { name: 'Add state' }).waitFor({ state: 'visible' });
    expect(await page.getByText('Read only').count()).toBe(0);
    await expectAccessible(page, 'an HR state model as its unit administrator');
    await screenshot(page, 'state-model-hr');
    await page.close();
  });

  it('logged no errors in the browser', () => {
    expect(f.session.consoleProblems).toEqual([]);
  });
});
