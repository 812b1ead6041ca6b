import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import type { MetadataFile } from '../server/metadata/index.js';

/** Reads a metadata pack folder (record-types/*.yaml) into files for the public import path. */
export async function readPack(packDir: string): Promise<MetadataFile[]> {
  const dir = path.join(packDir, 'record-types');
  const names = (await readdir(dir)).filter((n) => n.endsWith('.yaml')).sort();
  return Promise.all(names.map(async (n) => ({ path: `record-types/${n}`, content: await readFile(path.join(dir, n), 'utf8') })));
}

export const ITSM_PACK = path.join(path.dirname(new URL(import.meta.url).pathname), 'itsm');
