/**
 * What every real-browser test sets up the same way: the system chromium, the studio build, a database, and a
 * browser context that stays offline and records what the pages send and log. One place for it, so the e2e files
 * say only what they test and a change to the sandbox (a chromium flag, the offline rule) is made once.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { chromium, type BrowserContext, type ConsoleMessage, type Page } from 'playwright-core';
import { openPglite } from '../../server/db/index.js';
import { STUDIO_DIST_DIR } from '../../server/http/studio-routes.js';
import { openTestDatabase, type TestDatabase } from '../helpers/test-database.js';

/** Debian's chromium; playwright never downloads a browser here. */
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** Fails early, with the command that fixes it, when the browser or the studio build the pages need is missing. */
export function assertBrowserAndBuild(): void {
  if (!existsSync(path.join(STUDIO_DIST_DIR, 'explorer.html'))) {
    throw new Error(`No studio build in ${STUDIO_DIST_DIR}: run \`npm run build\` before the e2e tests.`);
  }
  if (!existsSync(CHROMIUM)) {
    throw new Error(`${CHROMIUM} is missing: install it with \`apt-get install -y chromium\` or set CHROMIUM_PATH.`);
  }
}

/**
 * A database for one e2e file: a new PostgreSQL database with DATABASE_URL, otherwise a fresh PGlite. The e2e config
 * has no global setup, so there is no migrated PGlite snapshot: the server migrates the fresh one on start.
 */
export async function openE2eDatabase(): Promise<TestDatabase> {
  if (process.env.DATABASE_URL) return openTestDatabase();
  const db = await openPglite();
  return { db, url: null, drop: () => db.close() };
}

/** Whether a page may load `url`: only the test's own server (and inline data) — the studio must work offline. */
export function isLocal(url: string): boolean {
  const { protocol, hostname } = new URL(url);
  if (protocol === 'data:' || protocol === 'blob:') return true;
  return ['127.0.0.1', 'localhost', '[::1]'].includes(hostname);
}

export interface GraphqlRequest {
  /** The Authorization header the page sent, to tell which identity a request ran as. */
  authorization: string | null;
  body: string;
}

export interface BrowserSessionOptions {
  /** Where the server under test listens; `openPage` paths are relative to it. */
  baseUrl: string;
  /** Which console messages count as problems; by default the errors. */
  consoleProblem?: (message: ConsoleMessage) => boolean;
}

export interface BrowserSession {
  context: BrowserContext;
  /** Every URL the pages asked for, local or not (the others were refused). */
  requests: string[];
  /** Every POST /graphql the pages sent, in order. */
  graphqlRequests: GraphqlRequest[];
  /** Console problems and uncaught page errors, as `path: text`; a test ends by expecting none. */
  consoleProblems: string[];
  /** A new page at `baseUrl + urlPath`, its console and page errors collected into `consoleProblems`. */
  openPage(urlPath: string): Promise<Page>;
  close(): Promise<void>;
}

/**
 * Launches chromium headless with a 1400×860 context that records every request and every POST /graphql and refuses
 * anything beyond localhost, so a page that reaches for the internet fails the test instead of depending on it.
 */
export async function startBrowserSession({ baseUrl, consoleProblem = (message) => message.type() === 'error' }: BrowserSessionOptions): Promise<BrowserSession> {
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'],
  });
  const requests: string[] = [];
  const graphqlRequests: GraphqlRequest[] = [];
  const consoleProblems: string[] = [];
  try {
    const context = await browser.newContext({ viewport: { width: 1400, height: 860 } });
    await context.route('**/*', (route) => {
      const request = route.request();
      requests.push(request.url());
      if (new URL(request.url()).pathname === '/graphql' && request.method() === 'POST') {
        graphqlRequests.push({ authorization: request.headers()['authorization'] ?? null, body: request.postData() ?? '' });
      }
      return isLocal(request.url()) ? route.continue() : route.abort('blockedbyclient');
    });
    return {
      context,
      requests,
      graphqlRequests,
      consoleProblems,
      async openPage(urlPath) {
        const page = await context.newPage();
        page.on('console', (message) => {
          if (consoleProblem(message)) consoleProblems.push(`${urlPath}: ${message.text()}`);
        });
        page.on('pageerror', (error) => consoleProblems.push(`${urlPath}: ${error.message}`));
        await page.goto(baseUrl + urlPath);
        return page;
      },
      close: () => browser.close(),
    };
  } catch (error) {
    await browser.close();
    throw error;
  }
}

/** Monaco renders spaces as non-breaking spaces; compare text as a reader sees it. */
export async function editorText(page: Page, selector: string): Promise<string> {
  return (await page.locator(`${selector} .view-lines`).innerText()).replace(/\u00a0/g, ' ');
}
