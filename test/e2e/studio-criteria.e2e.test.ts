import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startStudioFixture, type StudioFixture } from './studio-fixture.js';
import { expectAccessible, screenshot } from './studio-page.js';

/**
 * The user criteria builder in a real browser: the platform admin narrows `agents` to the agents of Network, sees
 * who matches change live, saves and sees who loses access to how many records; HR's unit administrator may only look.
 */
let f: StudioFixture;
beforeAll(async () => {
  f = await startStudioFixture();
}, 240_000);
afterAll(() => f?.close());

const matchCount = (page: Page) => page.getByTestId('criteria-match-count').innerText();
const sampleNames = (page: Page) => page.getByRole('table', { name: 'Users who match' }).getByRole('row').allInnerTexts();

describe('the user criteria builder', () => {
  it('lists every criteria with who it is for and where it is used', async () => {
    const page = await f.openStudio('/user-criteria');
    const table = page.getByRole('table', { name: 'User criteria' });
    const agents = table.getByRole('row').filter({ hasText: 'Service agents' });
    await agents.waitFor({ state: 'visible' });
    expect(await agents.innerText()).toMatch(/role agent/);
    expect(await agents.innerText()).toMatch(/\d+ documents/);
    expect(await table.getByRole('row').filter({ hasText: 'Employees' }).innerText()).toMatch(/person: /);
    await page.getByRole('textbox', { name: 'Search criteria' }).fill('hr_');
    await expect.poll(() => table.getByRole('row').count()).toBe(3); // header, hr_admins, hr_agents
    await page.getByRole('textbox', { name: 'Search criteria' }).fill('');
    await expectAccessible(page, 'the criteria list');
    await screenshot(page, 'studio-criteria-list');
    await page.close();
  });

  it('edits agents: the match count and sample follow every edit, and the access diff lists who loses access', async () => {
    const page = await f.openStudio('/user-criteria/agents');
    await page.getByRole('heading', { name: 'Service agents', level: 2 }).waitFor();
    await expect.poll(() => matchCount(page), { timeout: 20_000 }).toMatch(/^14\s+of \d+ active users/);
    expect((await sampleNames(page)).join('\n')).toMatch(/Alice Agent/);
    expect(await page.getByRole('region', { name: 'Used by' }).innerText()).toMatch(/incident/);
    await expectAccessible(page, 'the agents criteria');
    await screenshot(page, 'studio-criteria-agents');

    // Add a role: the admin (no group) now matches too, and the sample shows her.
    await page.getByRole('combobox', { name: 'Roles', exact: true }).click();
    await page.getByRole('option', { name: /^admin\b/ }).click();
    await page.keyboard.press('Escape');
    await expect.poll(() => matchCount(page), { timeout: 20_000 }).toMatch(/^15\s+of \d+ active users\s*\+1 since saved/i);
    expect((await sampleNames(page)).join('\n')).toMatch(/Ada Admin/);

    // Narrow to the agents of Network: take admin out again (Backspace drops the last pill), match all, add the group.
    await page.getByRole('combobox', { name: 'Roles', exact: true }).focus();
    await page.keyboard.press('Backspace');
    await page.keyboard.press('Escape');
    await expect.poll(() => matchCount(page), { timeout: 20_000 }).toMatch(/^14\s+of/);
    await page.getByRole('combobox', { name: 'Groups', exact: true }).click();
    await page.getByRole('combobox', { name: 'Groups', exact: true }).fill('Netw');
    await page.getByRole('option', { name: 'Network', exact: true }).click();
    await page.keyboard.press('Escape');
    await page.getByText('All dimensions match').click();
    await expect.poll(() => matchCount(page), { timeout: 20_000 }).toMatch(/^5\s+of \d+ active users\s*-9 since saved/i);
    const sample = (await sampleNames(page)).join('\n');
    expect(sample).toMatch(/Bob Agent/);
    expect(sample).not.toMatch(/Alice Agent/);
    await page.getByRole('region', { name: 'Who matches' }).waitFor();

    // Save as a draft and see who would lose access if the drafts were published.
    await page.getByRole('button', { name: 'Save draft and check access' }).click();
    const diff = page.getByRole('table', { name: 'Access changes by user and record type' });
    await diff.waitFor({ state: 'visible', timeout: 60_000 });
    const rows = await diff.getByRole('row').allInnerTexts();
    expect(rows.join('\n')).toMatch(/alice\.agent\s+incident\s+(\d+) → 0\s+loses \1/i);
    expect(rows.join('\n')).not.toMatch(/bob\.agent/);
    await expect.poll(() => page.getByText('Draft', { exact: true }).first().isVisible()).toBe(true);
    expect(await page.getByRole('region', { name: 'Access changes if the drafts were published' }).innerText()).toMatch(/all drafts/);
    await expectAccessible(page, 'the agents criteria with the access diff');
    await screenshot(page, 'studio-criteria-access-diff');
    await page.close();
  }, 180_000);

  it("shows HR's unit administrator the criteria read-only, and says why", async () => {
    const page = await f.openStudio('/user-criteria/hr_agents', 'hana.hradmin');
    await page.getByRole('heading', { name: 'HR agents', level: 2 }).waitFor();
    await page.getByText('Read-only: user criteria are platform-wide').waitFor();
    expect(await page.getByRole('button', { name: 'Save draft' }).count()).toBe(0);
    expect(await page.getByRole('textbox', { name: 'Label' }).getAttribute('readonly')).not.toBeNull();
    expect(await page.getByRole('region', { name: 'Who matches' }).innerText()).toMatch(/Only the platform administrator/);
    await expectAccessible(page, 'criteria read-only for a unit administrator');
    await screenshot(page, 'studio-criteria-readonly');
    await page.close();
  });

  it('logged no errors in the browser', () => {
    expect(f.session.consoleProblems).toEqual([]);
  });
});
