import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadDemoData, PERSONAS } from '../../seeds/itsm/demo-data.js';
import { asUser, importItsm } from '../helpers/itsm.js';
import type { TestDatabase } from '../helpers/test-database.js';
import { startTestServer, type TestServer } from '../helpers/test-server.js';
import { assertBrowserAndBuild, editorText, openE2eDatabase, startBrowserSession, type BrowserSession } from './browser-session.js';
import { expectAccessible, screenshot, waitForStudio } from './studio-page.js';

const QUERY = '{ incidents { totalCount } customerCases { totalCount } }';
const ERIN = 'erin.employee';

interface Counts {
  incidents: { totalCount: number };
  customerCases: { totalCount: number };
}

let database: TestDatabase;
let t: TestServer;
let session: BrowserSession;
let asAdmin: Counts;
let asErin: Counts;

beforeAll(async () => {
  assertBrowserAndBuild();
  database = await openE2eDatabase();
  // The demo's personas, offered by GET /auth/dev/personas as `npm start` offers them.
  t = await startTestServer({ database, personas: [...PERSONAS] });
  await importItsm(t);
  await loadDemoData(asUser(t));
  // What the server answers each identity outside the browser, to compare the explorer against.
  asAdmin = await t.ok<Counts>(QUERY);
  const erin = await t.gql<Counts>(QUERY, {}, await t.token({ subject: ERIN }));
  expect(erin.errors).toBeUndefined();
  asErin = erin.data!;
  session = await startBrowserSession({ baseUrl: t.atrium.url });
});

afterAll(async () => {
  await session?.close();
  await t?.stop();
  await database?.drop();
});

async function typeQuery(page: Page, query: string): Promise<void> {
  const queryEditor = page.locator('.graphiql-query-editor .monaco-editor').first();
  await queryEditor.waitFor({ state: 'visible' });
  await queryEditor.click();
  await page.keyboard.press('ControlOrMeta+A');
  await page.keyboard.press('Delete');
  await page.keyboard.insertText(query);
  await expect.poll(() => editorText(page, '.graphiql-query-editor')).toContain(query);
  await expect.poll(() => page.evaluate(() => localStorage.getItem('graphiql:query'))).toBe(query);
}

/** Runs the query in the editor and resolves with the response once it shows `expected` incidents. */
async function run(page: Page, expectedIncidents: number): Promise<Counts> {
  await page.locator('.graphiql-execute-button').click();
  const text = () => editorText(page, '.graphiql-response');
  await expect.poll(text, { timeout: 20_000 }).toMatch(new RegExp(`"totalCount": ${expectedIncidents}\\b`));
  const response = JSON.parse(await text());
  expect(response.errors).toBeUndefined();
  return response.data;
}

async function whoIs(authorization: string | null) {
  return (await t.atrium.auth.authenticate(authorization))?.subject;
}

describe('development sign-in against the real server', () => {
  it('has demo data that tells the two identities apart', () => {
    expect(asErin.incidents.totalCount).toBeGreaterThan(0);
    expect(asErin.incidents.totalCount).toBeLessThan(asAdmin.incidents.totalCount);
    expect(asAdmin.customerCases.totalCount).toBeGreaterThan(0);
    expect(asErin.customerCases.totalCount).toBe(0);
  });

  it('signs in as erin.employee in the explorer, and her query sees fewer incidents and no cases', async () => {
    const page = await session.openPage('/graphql');
    const control = page.locator('.dev-sign-in');
    await control.waitFor({ state: 'visible' });
    expect(await control.innerText()).toContain('Development sign-in');
    const options = await control.locator('select option').allInnerTexts();
    expect(options).toEqual(['Demo Admin (development admin)', ...PERSONAS.map((p) => `${p.name} (${p.userName})`)]);

    await typeQuery(page, QUERY);
    expect(await run(page, asAdmin.incidents.totalCount)).toEqual(asAdmin);
    expect(await whoIs(session.graphqlRequests.filter((r) => r.body.includes('customerCases')).at(-1)!.authorization)).toBe('admin');

    await control.locator('select').selectOption(ERIN);
    await expect.poll(() => control.getByRole('status').innerText()).toBe('Signed in as Erin Employee (erin.employee)');
    const before = session.graphqlRequests.length;
    const data = await run(page, asErin.incidents.totalCount);
    expect(data).toEqual(asErin);
    expect(data.incidents.totalCount).toBeLessThan(asAdmin.incidents.totalCount);
    expect(data.customerCases.totalCount).toBe(0);
    // Every request since the switch (the new introspection and the query) ran as Erin.
    const since = session.graphqlRequests.slice(before);
    expect(since.some((r) => r.body.includes('customerCases'))).toBe(true);
    for (const r of since) expect(await whoIs(r.authorization)).toBe(ERIN);
    await page.screenshot({ path: '/tmp/dev-sign-in-explorer.png' });

    // A reload in the same tab keeps the choice.
    await page.reload();
    await expect.poll(() => page.locator('.dev-sign-in').getByRole('status').innerText()).toBe('Signed in as Erin Employee (erin.employee)');
    expect(await page.locator('.dev-sign-in select').inputValue()).toBe(ERIN);
    await page.locator('.graphiql-query-editor .monaco-editor').first().waitFor({ state: 'visible' });
    await expect.poll(() => editorText(page, '.graphiql-query-editor')).toContain(QUERY);
    expect(await run(page, asErin.incidents.totalCount)).toEqual(asErin);

    // Back to the config's admin token.
    await page.locator('.dev-sign-in select').selectOption('');
    await expect.poll(() => page.locator('.dev-sign-in').getByRole('status').innerText()).toBe('Signed in as Demo Admin (development admin)');
    expect(await run(page, asAdmin.incidents.totalCount)).toEqual(asAdmin);
    await page.close();
  });

  it('switches the studio too: Erin gets the page naming the rights she lacks, the admin the designers', async () => {
    const page = await session.openPage('/studio/');
    await waitForStudio(page);
    const control = page.locator('.dev-sign-in');
    await control.locator('select').selectOption(ERIN);
    await expect.poll(() => control.getByRole('status').innerText()).toBe('Signed in as Erin Employee (erin.employee)');
    await page.getByRole('heading', { name: 'You need administrator rights to use the studio' }).waitFor({ state: 'visible' });
    expect(await page.getByRole('alert').innerText()).toContain("business unit's administrator");
    expect(await whoIs(session.graphqlRequests.filter((r) => r.body.includes('StudioAccess')).at(-1)!.authorization)).toBe(ERIN);
    await expectAccessible(page, 'the rights page');
    await screenshot(page, 'studio-no-rights');

    await page.locator('.dev-sign-in select').selectOption('');
    await waitForStudio(page);
    expect(await whoIs(session.graphqlRequests.filter((r) => r.body.includes('StudioAccess')).at(-1)!.authorization)).toBe('admin');
    await page.close();
  });

  it('logged no errors in the browser', () => {
    expect(session.consoleProblems).toEqual([]);
  });
});
