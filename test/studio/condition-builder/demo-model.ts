import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { buildModel, type Model } from '../../../schema/metadata/index.js';
import { importFiles, METADATA_FOLDERS, type MetadataFile } from '../../../server/metadata/metadata-files.js';

// Not seeds/load-pack nor the identity pack module: they find their folders through file URLs, which happy-dom's
// URL does not make; the component tests run under happy-dom.
const ROOT = path.resolve(import.meta.dirname, '../../..');
const PACKS = ['itsm', 'csm', 'hr', 'facilities', 'finance'].map((p) => path.join(ROOT, 'seeds', p));

async function yamlFiles(dir: string, folder: string): Promise<MetadataFile[]> {
  const names = (await readdir(dir).catch(() => [] as string[])).filter((n) => n.endsWith('.yaml')).sort();
  return Promise.all(names.map(async (n) => ({ path: `${folder}/${n}`, content: await readFile(path.join(dir, n), 'utf8') })));
}

let cached: Promise<Model> | null = null;

/** The model a new installation has: the platform's identity types and the demo packs, as the studio sees it. */
export function demoModel(): Promise<Model> {
  cached ??= (async () => {
    const files = await yamlFiles(path.join(ROOT, 'schema/platform/identity'), 'record-types');
    for (const pack of PACKS) for (const folder of METADATA_FOLDERS) files.push(...(await yamlFiles(path.join(pack, folder), folder)));
    return buildModel(importFiles(files));
  })();
  return cached;
}
