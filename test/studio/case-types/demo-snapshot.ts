import { DEMO_PACKS, readPack } from '../../../seeds/load-pack.js';
import { importFiles } from '../../../server/metadata/index.js';
import { identityFiles } from '../../../server/metadata/identity-pack.js';
import type { MetadataSnapshot } from '../../../schema/metadata/index.js';

/** The platform's identity types and the demo packs as one snapshot: what the studio reads from the server on a fresh installation. */
export async function demoSnapshot(): Promise<MetadataSnapshot> {
  return importFiles([...(await identityFiles()), ...(await readPack(...DEMO_PACKS))]);
}
