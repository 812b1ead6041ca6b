import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startStudioFixture, type StudioFixture } from './studio-fixture.js';
import { expectAccessible, screenshot } from './studio-page.js';

let f: StudioFixture;
beforeAll(async () => {
  f = await startStudioFixture();
});
afterAll(() => f?.close());

describe('the studio frame', () => {
  it('shows the platform admin every designer and every unit; a deep link opens its page', async () => {
    const page = await f.openStudio('/');
    const nav = page.getByRole('navigation', { name: 'Designers' });
    for (const label of ['Overview', 'Record types', 'Forms', 'Case types', 'State models', 'User criteria', 'Access rules', 'Versions'])
      await nav.getByRole('link', { name: new RegExp(label) }).waitFor({ state: 'visible' });
    await page.getByRole('combobox', { name: 'Business unit' }).click();
    expect(await page.getByRole('listbox', { name: 'Business unit' }).getByRole('option').allInnerTexts()).toEqual(['All units', 'Customer service', 'Facilities', 'Finance', 'Human Resources', 'IT']);
    await page.keyboard.press('Escape');
    await expectAccessible(page, 'the overview');
    await screenshot(page, 'studio-shell');

    await page.goto(`${f.t.atrium.url}/studio/no/such/page`);
    await page.getByRole('heading', { name: 'Nothing here' }).waitFor({ state: 'visible' });
    await page.close();
  });

  it("keeps a unit administrator inside its units: HR's admin looks at HR", async () => {
    const page = await f.openStudio('/forms?unit=it', 'hana.hradmin');
    await expect.poll(() => page.getByRole('combobox', { name: 'Business unit' }).inputValue()).toBe('Human Resources');
    await page.close();
  });

  it('logged no errors in the browser', () => {
    expect(f.session.consoleProblems).toEqual([]);
  });
});
