import { buildModel, type Model } from '../../../schema/metadata/index.js';
import { DEMO_PACKS, readPack } from '../../../seeds/load-pack.js';
import { importFiles } from '../../../server/metadata/index.js';
import { identityFiles } from '../../../server/metadata/identity-pack.js';

let cached: Promise<Model> | null = null;

/** The model a new installation has: the platform's identity types and the demo packs, as the studio sees it. */
export function demoModel(): Promise<Model> {
  cached ??= (async () => buildModel(importFiles([...(await identityFiles()), ...(await readPack(...DEMO_PACKS))])))();
  return cached;
}
