import { existsSync } from 'node:fs';
import path from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { IDENTITY_TYPES } from '../../schema/index.js';
import { openPglite } from '../../server/db/index.js';
import { STUDIO_DIST_DIR } from '../../server/http/studio-routes.js';
import { createSmallData, importItsm } from '../helpers/itsm.js';
import { openTestDatabase, type TestDatabase } from '../helpers/test-database.js';
import { startTestServer, type TestServer } from '../helpers/test-server.js';

// Debian's chromium; playwright never downloads a browser here.
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const QUERY = '{ incidents(first: 2) { totalCount nodes { number } } }';

let database: TestDatabase;
let t: TestServer;
let browser: Browser;
let context: BrowserContext;
const consoleProblems: string[] = [];
const graphqlRequests: { authorization: string | null; body: string }[] = [];

beforeAll(async () => {
  if (!existsSync(path.join(STUDIO_DIST_DIR, 'explorer.html'))) {
    throw new Error(`No studio build in ${STUDIO_DIST_DIR}: run \`npm run build\` before the e2e tests.`);
  }
  if (!existsSync(CHROMIUM)) {
    throw new Error(`${CHROMIUM} is missing: install it with \`apt-get install -y chromium\` or set CHROMIUM_PATH.`);
  }
  // The e2e config has no global setup, so no PGlite snapshot: a fresh PGlite, migrated by the server on start.
  if (process.env.DATABASE_URL) database = await openTestDatabase();
  else {
    const db = await openPglite();
    database = { db, url: null, drop: () => db.close() };
  }
  t = await startTestServer({ database });
  await importItsm(t);
  await createSmallData(t, 5);

  browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'],
  });
  context = await browser.newContext({ viewport: { width: 1400, height: 860 } });
  // Everything the pages load comes from the server; nothing may leave localhost.
  await context.route('**/*', (route) => {
    const request = route.request();
    const url = new URL(request.url());
    if (url.pathname === '/graphql' && request.method() === 'POST') graphqlRequests.push({ authorization: request.headers()['authorization'] ?? null, body: request.postData() ?? '' });
    return ['127.0.0.1', 'localhost'].includes(url.hostname) || url.protocol === 'data:' || url.protocol === 'blob:' ? route.continue() : route.abort('blockedbyclient');
  });
});

afterAll(async () => {
  await browser?.close();
  await t?.stop();
  await database?.drop();
});

async function openPage(urlPath: string): Promise<Page> {
  const page = await context.newPage();
  page.on('console', (message) => {
    if (message.type() === 'error') consoleProblems.push(`${urlPath}: ${message.text()}`);
  });
  page.on('pageerror', (error) => consoleProblems.push(`${urlPath}: ${error.message}`));
  await page.goto(t.atrium.url + urlPath);
  return page;
}

/** Monaco renders spaces as non-breaking spaces; compare text as a reader sees it. */
async function editorText(page: Page, selector: string): Promise<string> {
  return (await page.locator(`${selector} .view-lines`).innerText()).replace(/\u00a0/g, ' ');
}

describe('the real server in a browser', () => {
  it('runs a record query in the explorer at /graphql and shows the result', async () => {
    const page = await openPage('/graphql');
    expect(await page.title()).toBe('Atrium GraphQL Explorer');

    const queryEditor = page.locator('.graphiql-query-editor .monaco-editor').first();
    await queryEditor.waitFor({ state: 'visible' });
    await queryEditor.click();
    await page.keyboard.press('ControlOrMeta+A');
    await page.keyboard.press('Delete');
    // Monaco closes brackets as you type; inserting the text keeps the query exactly as written.
    await page.keyboard.insertText(QUERY);
    await expect.poll(() => editorText(page, '.graphiql-query-editor')).toContain(QUERY);
    // GraphiQL saves the edited query (and re-reads the operation) shortly after an edit; run after that.
    await expect.poll(() => page.evaluate(() => localStorage.getItem('graphiql:query'))).toBe(QUERY);
    await page.locator('.graphiql-execute-button').click();

    await expect.poll(() => editorText(page, '.graphiql-response'), { timeout: 20_000 }).toContain('"totalCount": 5');
    const response = JSON.parse(await editorText(page, '.graphiql-response'));
    expect(response.errors).toBeUndefined();
    expect(response.data.incidents.totalCount).toBe(5);
    expect(response.data.incidents.nodes).toHaveLength(2);
    for (const node of response.data.incidents.nodes) expect(node.number).toMatch(/^INC\d{7}$/);

    // Signed in as the admin with the server's development token, introspection included.
    const ours = graphqlRequests.filter((r) => r.body.includes('incidents(first: 2)'));
    expect(ours.length).toBeGreaterThan(0);
    const introspection = graphqlRequests.filter((r) => r.body.includes('__schema'));
    expect(introspection.length).toBeGreaterThan(0);
    for (const r of [...ours, ...introspection]) expect(await t.atrium.auth.authenticate(r.authorization)).toMatchObject({ subject: 'admin', admin: true });

    await page.screenshot({ path: '/tmp/server-explorer.png' });
    await page.close();
  });

  it('lists the published record types in the studio', async () => {
    const page = await openPage('/studio/');
    await expect.poll(() => page.getByRole('heading', { level: 1 }).innerText()).toBe('Atrium Studio');
    const table = page.locator('table.record-types');
    await table.waitFor({ state: 'visible' });
    const names = await table.locator('tbody tr td:nth-child(2)').allInnerTexts();
    const published = (await t.ok(`{ recordTypes(includeDrafts: false) { name archived } }`)).recordTypes.filter((r: { archived: boolean }) => !r.archived).map((r: { name: string }) => r.name);
    expect(names.map((n) => n.trim()).sort()).toEqual(published.sort());
    expect(names.map((n) => n.trim())).toEqual(expect.arrayContaining([...Object.values(IDENTITY_TYPES), 'incident', 'journal_entry', 'task', 'customer_case']));
    const incident = table.locator('tbody tr', { has: page.locator('code', { hasText: /^incident$/ }) });
    expect(await incident.locator('td').nth(0).innerText()).toContain('Incident');
    expect(await incident.locator('td').nth(2).innerText()).toBe('task');
    await page.screenshot({ path: '/tmp/server-studio.png' });
    await page.close();
  });

  it('logged no errors in the browser', () => {
    expect(consoleProblems).toEqual([]);
  });
});
