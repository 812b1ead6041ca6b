import type { Atrium } from '../server/atrium.js';
import { DEV_ADMIN } from '../server/atrium.js';
import type { Principal } from '../server/access/authenticator.js';
import type { AdminContext } from '../server/graphql/admin/admin-context.js';
import { loadDemoData, type Execute, type OnProgress } from './itsm/demo-data.js';
import { loadItsmDemoData } from './itsm/demo-itsm.js';
import { loadHrDemoData } from './hr/demo-data.js';
import { loadFacilitiesDemoData } from './facilities/demo-data.js';
import { loadFinanceDemoData } from './finance/demo-data.js';
import { DEMO_PACKS, readPack } from './load-pack.js';

/**
 * On an empty installation: import the ITSM and CSM packs through the public import path and write the demo
 * records through the public mutations, journal entries as their authors. Does nothing when the demo types were
 * already published. `onProgress` hears what it is doing, step by step (a first start takes several seconds).
 */
export async function seedIfEmpty(atrium: Atrium, onProgress: OnProgress = () => {}): Promise<{ seeded: boolean; records: number }> {
  const head = await atrium.metadata.published();
  if (head.snapshot.recordTypes.incident) return { seeded: false, records: 0 };
  onProgress('importing the ITSM, CSM, HR, facilities and finance packs');
  await atrium.metadata.importFiles(await readPack(...DEMO_PACKS), DEV_ADMIN.subject, { dryRun: false, message: 'demo packs (ITSM, CSM, HR, facilities, finance)' });
  const contextOf = async (principal: Principal) =>
    ({ db: atrium.db, actor: await atrium.identities.actorFor(principal), metadata: atrium.metadata, events: undefined }) as unknown as AdminContext;
  const admin = await contextOf(DEV_ADMIN);
  // Authors sign in (by development principal) to write what the server records as theirs.
  const users = new Map<string, AdminContext>();
  const execute: Execute = async (query, variables, as) => {
    let context = admin;
    if (as) {
      if (!users.has(as)) users.set(as, await contextOf({ subject: as, via: 'dev', admin: false, expiresAt: null }));
      context = users.get(as)!;
    }
    const res = await atrium.http.apollo.executeOperation({ query, variables }, { contextValue: context });
    if (res.body.kind !== 'single' || res.body.singleResult.errors?.length)
      throw new Error(`demo data failed: ${JSON.stringify(res.body.kind === 'single' ? res.body.singleResult.errors : res.body)}`);
    return res.body.singleResult.data as Record<string, any>;
  };
  const base = await loadDemoData(execute, onProgress);
  const itsm = await loadItsmDemoData(execute, base, onProgress);
  let more = 0;
  onProgress('HR, facilities and finance cases');
  for (const load of [loadHrDemoData, loadFacilitiesDemoData, loadFinanceDemoData]) more += (await load(execute)).records;
  return { seeded: true, records: base.records + itsm.records + more };
}
