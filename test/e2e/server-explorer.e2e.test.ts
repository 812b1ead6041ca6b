import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { IDENTITY_TYPES } from '../../schema/index.js';
import { createSmallData, importItsm } from '../helpers/itsm.js';
import type { TestDatabase } from '../helpers/test-database.js';
import { startTestServer, type TestServer } from '../helpers/test-server.js';
import { assertBrowserAndBuild, editorText, openE2eDatabase, startBrowserSession, type BrowserSession } from './browser-session.js';

const QUERY = '{ incidents(first: 2) { totalCount nodes { number } } }';

let database: TestDatabase;
let t: TestServer;
let session: BrowserSession;

beforeAll(async () => {
  assertBrowserAndBuild();
  database = await openE2eDatabase();
  t = await startTestServer({ database });
  await importItsm(t);
  await createSmallData(t, 5);
  session = await startBrowserSession({ baseUrl: t.atrium.url });
});

afterAll(async () => {
  await session?.close();
  await t?.stop();
  await database?.drop();
});

describe('the real server in a browser', () => {
  it('runs a record query in the explorer at /graphql and shows the result', async () => {
    const page = await session.openPage('/graphql');
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
    const ours = session.graphqlRequests.filter((r) => r.body.includes('incidents(first: 2)'));
    expect(ours.length).toBeGreaterThan(0);
    const introspection = session.graphqlRequests.filter((r) => r.body.includes('__schema'));
    expect(introspection.length).toBeGreaterThan(0);
    for (const r of [...ours, ...introspection]) expect(await t.atrium.auth.authenticate(r.authorization)).toMatchObject({ subject: 'admin', admin: true });

    await page.screenshot({ path: '/tmp/server-explorer.png' });
    await page.close();
  });

  it('lists the published record types in the studio', async () => {
    const page = await session.openPage('/studio/record-types');
    await expect.poll(() => page.getByRole('heading', { level: 1 }).innerText()).toBe('Atrium Studio');
    const table = page.getByRole('table', { name: 'Record types' });
    await table.waitFor({ state: 'visible' });
    const names = async () => (await table.locator('tbody tr td:nth-child(2)').allInnerTexts()).map((n) => n.trim());
    const published = (await t.ok(`{ recordTypes(includeDrafts: false) { name archived } }`)).recordTypes.filter((r: { archived: boolean }) => !r.archived).map((r: { name: string }) => r.name);
    await expect.poll(async () => (await names()).sort()).toEqual(published.sort());
    expect(await names()).toEqual(expect.arrayContaining([...Object.values(IDENTITY_TYPES), 'incident', 'journal_entry', 'task', 'customer_case']));
    const incident = table.getByRole('row').filter({ has: page.getByRole('link', { name: 'Incident', exact: true }) });
    expect(await incident.getByRole('cell').nth(2).innerText()).toBe('task');
    await page.screenshot({ path: '/tmp/server-studio.png' });
    await page.close();
  });

  it('logged no errors in the browser', () => {
    expect(session.consoleProblems).toEqual([]);
  });
});
