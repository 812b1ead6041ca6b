import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startStudioFixture, type StudioFixture } from './studio-fixture.js';
import { expectAccessible, screenshot } from './studio-page.js';

let f: StudioFixture;
// The fixture imports every demo pack and its people: on a busy machine that takes longer than the default hook time.
beforeAll(async () => {
  f = await startStudioFixture();
}, 300_000);
afterAll(() => f?.close());

const FORM = `query($name: String!) { metadataDocument(kind: FORM, name: $name) { document draftVersion } }`;
const SAVE = `mutation($doc: JSONObject!, $v: Int) { saveMetadataDraft(kind: FORM, document: $doc, draftVersion: $v) { name } }`;

/** Drafts a form of the demo packs with another label, through the API as the platform admin. */
async function relabelForm(name: string, label: string): Promise<void> {
  const { metadataDocument } = await f.t.ok(FORM, { name });
  await f.t.ok(SAVE, { doc: { ...metadataDocument.document, label }, v: metadataDocument.draftVersion ?? 0 });
}

async function liveVersion(): Promise<number> {
  return (await f.t.ok(`{ metadataSnapshot(published: true) { publishedVersion } }`)).metadataSnapshot.publishedVersion;
}

async function draftNames(): Promise<string[]> {
  return (await f.t.ok(`{ metadataDrafts { name } }`)).metadataDrafts.map((d: { name: string }) => d.name).sort();
}

const section = (page: Page, name: string) => page.getByRole('region', { name });

describe('the publish loop', () => {
  let published = 0;

  it('shows a broken draft as a problem that links to its designer', async () => {
    await relabelForm('incident', 'Incident (reviewed)');
    // A form showing a field its type lacks: the validators refuse it, at forms.publish_probe.sections.0.columns.0.0.
    await f.t.ok(SAVE, { doc: { name: 'publish_probe', label: 'Probe', recordType: 'incident', sections: [{ columns: [['no_such_field']] }] }, v: 0 });

    const page = await f.openStudio('/publish');
    const problems = section(page, 'Problems');
    const link = problems.getByRole('link', { name: 'Fix forms.publish_probe.sections.0.columns.0.0' });
    await link.waitFor({ state: 'visible' });
    expect(await problems.getByRole('cell', { name: /not a field of "incident"/ }).count()).toBe(1);
    await expect.poll(() => section(page, 'Changes').innerText()).toContain('once the drafts pass the checks');
    expect(await page.getByRole('button', { name: /^Publish 2 drafts$/ }).isDisabled()).toBe(true);
    await expectAccessible(page, 'the publish page with a problem');
    await screenshot(page, 'studio-publish-problem');

    await link.click();
    await page.waitForURL(/\/studio\/forms\/publish_probe$/);
    await page.close();
  });

  it('discards the broken draft after a confirmation, then shows the diff, the DDL and the access diff', async () => {
    const page = await f.openStudio('/publish');
    const drafts = section(page, 'Drafts');
    await drafts.getByRole('checkbox', { name: 'Select Form publish_probe' }).check();
    await drafts.getByRole('button', { name: 'Discard selected (1)' }).click();
    const dialog = page.getByRole('dialog', { name: 'Discard 1 draft?' });
    await dialog.getByText('publish_probe').waitFor({ state: 'visible' });
    await expectAccessible(page, 'the discard confirmation');
    await dialog.getByRole('button', { name: 'Discard', exact: true }).click();
    await dialog.waitFor({ state: 'hidden' });
    expect(await draftNames()).toEqual(['form:incident']);

    await section(page, 'Problems').getByText('No problems: the drafts can be published.').waitFor({ state: 'visible' });
    const change = page.getByRole('listitem', { name: 'Form incident' });
    await change.waitFor({ state: 'visible' });
    const row = change.getByRole('row').filter({ hasText: 'label' });
    expect((await row.innerText()).replace(/\s+/g, ' ')).toContain('label Incident Incident (reviewed)');
    await section(page, 'Changes')
      .getByText(/No schema changes|Schema changes:/)
      .waitFor({ state: 'visible' });
    await section(page, 'Access')
      .getByText(/users? checked/)
      .waitFor({ state: 'visible', timeout: 30_000 });
    await expectAccessible(page, 'the publish page ready to publish');
    await screenshot(page, 'studio-publish-ready');
    await page.close();
  });

  it('publishes with a message and links the new version', async () => {
    const before = await liveVersion();
    const page = await f.openStudio('/publish');
    const publish = page.getByRole('button', { name: 'Publish 1 draft' });
    await publish.waitFor({ state: 'visible' });
    expect(await publish.isDisabled()).toBe(true);
    await page.getByRole('textbox', { name: 'Version message' }).fill('Incident form: reviewed label');
    await publish.click();
    const done = page.getByRole('status').filter({ hasText: `Published version ${before + 1}` });
    await done.waitFor({ state: 'visible' });
    published = before + 1;
    expect(await liveVersion()).toBe(published);
    expect(await draftNames()).toEqual([]);
    await expectAccessible(page, 'the publish page after publishing');
    await screenshot(page, 'studio-publish-done');
    await done.getByRole('link', { name: `Open version ${published}` }).click();
    await page.getByRole('heading', { name: `Version ${published}` }).waitFor({ state: 'visible' });
    expect(await page.getByText('Incident form: reviewed label').count()).toBeGreaterThan(0);
    await page.getByRole('listitem', { name: 'Form incident' }).waitFor({ state: 'visible' });
    await page.close();
  });

  it('lists the version and diffs it against the previous one', async () => {
    const page = await f.openStudio('/versions');
    const table = page.getByRole('table', { name: 'Published versions' });
    const row = table.getByRole('row').filter({ hasText: `Version ${published}` });
    await row.waitFor({ state: 'visible' });
    expect(await row.innerText()).toContain('Incident form: reviewed label');
    const compare = section(page, 'Compare versions');
    await expect.poll(() => compare.getByRole('combobox', { name: 'From' }).inputValue()).toBe(`Version ${published - 1}`);
    expect(await compare.getByRole('combobox', { name: 'To' }).inputValue()).toBe(`Version ${published}`);
    await compare.getByRole('listitem', { name: 'Form incident' }).waitFor({ state: 'visible' });
    await expectAccessible(page, 'the versions page');
    await screenshot(page, 'studio-versions');

    // Any two versions, also backwards: from the new one to the one before it undoes the label.
    await compare.getByRole('button', { name: 'Swap the versions' }).click();
    await page.waitForURL(new RegExp(`from=${published}&to=${published - 1}`));
    const reversed = compare.getByRole('listitem', { name: 'Form incident' }).getByRole('row').filter({ hasText: 'label' });
    // The URL changes first; the comparison follows once the new diff has arrived.
    await expect.poll(async () => (await reversed.innerText()).replace(/\s+/g, ' ')).toContain('label Incident (reviewed) Incident');
    await page.close();
  });

  it('rolls back to the previous version after a confirmation, as a new version', async () => {
    const page = await f.openStudio(`/versions/${published - 1}`);
    await page.getByRole('button', { name: 'Roll back to this version' }).click();
    const dialog = page.getByRole('dialog', { name: `Roll back to version ${published - 1}?` });
    await dialog.waitFor({ state: 'visible' });
    await expectAccessible(page, 'the rollback confirmation');
    await dialog.getByRole('button', { name: 'Roll back', exact: true }).click();
    await page.waitForURL(new RegExp(`/studio/versions/${published + 1}$`));
    await page.getByText(`Rollback to version ${published - 1}`).waitFor({ state: 'visible' });
    expect(await liveVersion()).toBe(published + 1);
    const { metadataDocument } = await f.t.ok(FORM, { name: 'incident' });
    expect(metadataDocument.document.label).toBe('Incident');
    await expectAccessible(page, 'a version page');
    await screenshot(page, 'studio-version');
    await page.close();
  });

  it("lets HR's administrator see and publish only HR's drafts", async () => {
    await relabelForm('incident', 'Incident (IT draft)');
    await relabelForm('hr_leave_request', 'Leave request (HR draft)');
    const page = await f.openStudio('/publish', 'hana.hradmin');
    await page.getByText('1 other draft (other units or shared metadata) waits for their administrators.').waitFor({ state: 'visible' });
    const drafts = page.getByRole('table', { name: 'Drafts to publish' });
    await drafts.getByRole('link', { name: 'hr_leave_request' }).waitFor({ state: 'visible' });
    expect(await drafts.getByRole('link', { name: 'incident' }).count()).toBe(0);
    await section(page, 'Access').getByText('Only the platform administrator').waitFor({ state: 'visible' });
    await page.getByRole('listitem', { name: 'Form hr_leave_request' }).waitFor({ state: 'visible' });
    await expectAccessible(page, 'the publish page of a unit administrator');
    await screenshot(page, 'studio-publish-unit-admin');
    await page.getByRole('textbox', { name: 'Version message' }).fill('Leave request label');
    await page.getByRole('button', { name: 'Publish 1 draft' }).click();
    await page.getByRole('status').filter({ hasText: 'Published version' }).waitFor({ state: 'visible' });
    expect(await draftNames()).toEqual(['form:incident']);
    await page.close();
  });

  it('shows the overview: drafts waiting, problems, recent versions, the designers', async () => {
    const page = await f.openStudio('/');
    const waiting = page.getByRole('table', { name: 'Drafts waiting' });
    await waiting.getByRole('link', { name: 'incident' }).waitFor({ state: 'visible' });
    await page.getByRole('list', { name: 'Recent versions' }).getByText('Leave request label').waitFor({ state: 'visible' });
    await page.getByRole('link', { name: 'Problems: 0' }).waitFor({ state: 'visible' });
    expect(await page.getByRole('link', { name: 'Review and publish: 1 draft' }).count()).toBe(1);
    await expectAccessible(page, 'the overview');
    await screenshot(page, 'studio-overview');
    await page.close();

    // HR's administrator sees HR's view: the IT draft is not among its drafts.
    const hr = await f.openStudio('/', 'hana.hradmin');
    await hr.getByRole('heading', { name: 'Overview: Human Resources' }).waitFor({ state: 'visible' });
    await hr.getByText('No drafts wait.').waitFor({ state: 'visible' });
    await screenshot(hr, 'studio-overview-unit-admin');
    await hr.close();
  });

  it('logged no errors in the browser', () => {
    expect(f.session.consoleProblems).toEqual([]);
  });
});
