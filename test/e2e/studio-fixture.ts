/**
 * One studio e2e file's world: a database, the server with the demo packs and base demo data (people, groups,
 * accounts, the personas and HR's; no incidents), a
 * browser, and `openStudio(path, as)` that opens a studio page signed in as a persona (or the development admin).
 */
import type { Page } from 'playwright-core';
import { HR_PERSONAS, loadHrDemoData } from '../../seeds/hr/demo-data.js';
import { loadDemoData, PERSONAS } from '../../seeds/itsm/demo-data.js';
import { asUser, importItsm } from '../helpers/itsm.js';
import type { TestDatabase } from '../helpers/test-database.js';
import { startTestServer, type TestServer } from '../helpers/test-server.js';
import { assertBrowserAndBuild, openE2eDatabase, startBrowserSession, type BrowserSession } from './browser-session.js';
import { waitForStudio } from './studio-page.js';

export interface StudioFixture {
  t: TestServer;
  session: BrowserSession;
  /** Opens `/studio/<path>` signed in as `as` (a persona's user name; none: the development admin) and waits for the frame. */
  openStudio(path: string, as?: string): Promise<Page>;
  close(): Promise<void>;
}

export async function startStudioFixture({ demoData = true }: { demoData?: boolean } = {}): Promise<StudioFixture> {
  assertBrowserAndBuild();
  const database: TestDatabase = await openE2eDatabase();
  const t = await startTestServer({ database, personas: [...PERSONAS, ...HR_PERSONAS] });
  await importItsm(t);
  if (demoData) {
    // The people (personas included) and HR's, for its unit administrator hana.hradmin.
    await loadDemoData(asUser(t));
    await loadHrDemoData(asUser(t));
  }
  const session = await startBrowserSession({ baseUrl: t.atrium.url });
  return {
    t,
    session,
    async openStudio(path, as) {
      const page = await session.openPage('/studio/config.json');
      if (as) {
        const token = await t.token({ subject: as });
        const name = [...PERSONAS, ...HR_PERSONAS].find((p) => p.userName === as)?.name ?? as;
        await page.evaluate((s) => sessionStorage.setItem('atrium:dev-sign-in', JSON.stringify(s)), { userName: as, name, token });
      }
      await page.goto(`${t.atrium.url}/studio/${path.replace(/^\//, '')}`);
      await waitForStudio(page);
      return page;
    },
    async close() {
      await session.close();
      await t.stop();
      await database.drop();
    },
  };
}
