import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import express from 'express';
import { buildSchema } from 'graphql';
import { createHandler } from 'graphql-http/lib/use/express';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { serveExplorer, STUDIO_DIST_DIR, studioRouter } from '../../server/http/studio-routes.js';
import { assertBrowserAndBuild, editorText, isLocal, startBrowserSession, type BrowserSession } from './browser-session.js';

const AUTHORIZATION = 'Bearer e2e-development-token';
const SCREENSHOT = '/tmp/explorer.png';

interface SeenRequest {
  authorization: string | undefined;
  query: string;
}

let server: Server;
let session: BrowserSession;
const seenByGraphQL: SeenRequest[] = [];

beforeAll(async () => {
  assertBrowserAndBuild();

  const schema = buildSchema('type Query { hello: String }');
  const app = express();
  app.use(
    studioRouter({
      distDir: STUDIO_DIST_DIR,
      config: () => ({ endpoint: '/graphql', subscriptionEndpoint: null, headers: { Authorization: AUTHORIZATION } }),
    }),
  );
  app.get('/graphql', serveExplorer(STUDIO_DIST_DIR));
  app.post('/graphql', express.json(), (req, _res, next) => {
    seenByGraphQL.push({ authorization: req.headers.authorization, query: String(req.body?.query ?? '') });
    next();
  });
  app.all('/graphql', createHandler({ schema, rootValue: { hello: () => 'Hello from the toy server' } }));

  server = app.listen(0, '127.0.0.1');
  await new Promise<void>((resolve) => server.once('listening', resolve));
  // The explorer must work without internet: anything leaving localhost is recorded and refused.
  session = await startBrowserSession({
    baseUrl: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    // Monaco falls back to the main thread, with this warning, when its workers fail to load.
    consoleProblem: (message) => message.type() === 'error' || /web worker/i.test(message.text()),
  });
});

afterAll(async () => {
  await session?.close();
  await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
});

beforeEach(() => {
  seenByGraphQL.length = 0;
});

async function runHello(page: Page): Promise<void> {
  const queryEditor = page.locator('.graphiql-query-editor .monaco-editor').first();
  await queryEditor.waitFor({ state: 'visible' });
  await queryEditor.click();
  await page.keyboard.press('ControlOrMeta+A');
  await page.keyboard.press('Delete');
  // Monaco closes brackets as you type; inserting the text keeps the query exactly as written.
  await page.keyboard.insertText('{ hello }');
  await expect.poll(() => editorText(page, '.graphiql-query-editor')).toContain('{ hello }');
  // GraphiQL re-reads the operation name 100 ms after an edit, in the same callback that saves
  // the query; running before that would send the previous operation's name with the new text.
  await expect.poll(() => page.evaluate(() => localStorage.getItem('graphiql:query'))).toBe('{ hello }');
  await page.locator('.graphiql-execute-button').click();
  await expect.poll(() => editorText(page, '.graphiql-response'), { timeout: 20_000 }).toContain('"hello": "Hello from the toy server"');
}

describe('GraphQL explorer', () => {
  it('runs a query with the server-provided headers and renders the result', async () => {
    const page = await session.openPage('/studio/explorer.html');
    expect(await page.title()).toBe('Atrium GraphQL Explorer');

    await runHello(page);

    const helloRequests = seenByGraphQL.filter((request) => /\bhello\b/.test(request.query) && !request.query.includes('__schema'));
    expect(helloRequests.length).toBeGreaterThan(0);
    expect(helloRequests.every((request) => request.authorization === AUTHORIZATION)).toBe(true);
    // Introspection carries the token too, or a protected schema would leave the docs empty.
    const introspection = seenByGraphQL.filter((request) => request.query.includes('__schema'));
    expect(introspection.length).toBeGreaterThan(0);
    expect(introspection.every((request) => request.authorization === AUTHORIZATION)).toBe(true);

    // Both plugins are on: the doc explorer opens and shows the toy schema's root type.
    await page.getByRole('button', { name: /documentation explorer/i }).click();
    await expect.poll(() => page.locator('.graphiql-plugin').innerText()).toContain('Query');
    await page.getByRole('button', { name: /history/i }).first().click();
    await expect.poll(() => page.locator('.graphiql-plugin').innerText()).toMatch(/History/i);
    await page.getByRole('button', { name: /documentation explorer/i }).click();

    await page.screenshot({ path: SCREENSHOT });
    await page.close();
  });

  it('is what a browser gets for GET /graphql', async () => {
    const page = await session.openPage('/graphql');
    expect(await page.title()).toBe('Atrium GraphQL Explorer');
    await runHello(page);
    await page.close();
  });
});

describe('studio shell', () => {
  it('says plainly that it could not ask the server who you are, when the schema has no studioAccess', async () => {
    const page = await session.openPage('/studio/');
    // The toy schema has no studioAccess field: the studio's first question fails, and the page says so.
    const alert = page.getByRole('alert');
    await alert.waitFor({ state: 'visible' });
    expect(await alert.innerText()).toMatch(/could not ask the server who you are[\s\S]*studioAccess/);
    expect(seenByGraphQL.some((request) => request.authorization === AUTHORIZATION)).toBe(true);
    await page.screenshot({ path: '/tmp/studio.png' });
    await page.close();
  });
});

describe('offline', () => {
  it('sent no request beyond localhost and loaded monaco workers without errors', () => {
    expect(session.requests.length).toBeGreaterThan(0);
    expect(session.requests.filter((url) => !isLocal(url))).toEqual([]);
    expect(session.requests.some((url) => /\/studio\/assets\/.*worker.*\.js$/.test(url))).toBe(true);
    // The toy schema lacks studioAccess, so the studio's 400 response is the one expected console error.
    const unexpected = session.consoleProblems.filter((text) => !/status of 400/.test(text));
    expect(unexpected).toEqual([]);
  });
});
