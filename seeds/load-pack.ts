import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { METADATA_FOLDERS, type MetadataFile } from '../server/metadata/index.js';

const FOLDERS = METADATA_FOLDERS;

/**
 * Reads metadata pack folders (one folder per kind — record-types/, acls/, case-types/… — with one YAML file each) into files for the
 * public import path. Several packs import together: an import is the complete metadata.
 */
export async function readPack(...packDirs: string[]): Promise<MetadataFile[]> {
  const files: MetadataFile[] = [];
  for (const packDir of packDirs) {
    for (const folder of FOLDERS) {
      const dir = path.join(packDir, folder);
      const names = (await readdir(dir).catch(() => [] as string[])).filter((n) => n.endsWith('.yaml')).sort();
      for (const n of names) files.push({ path: `${folder}/${n}`, content: await readFile(path.join(dir, n), 'utf8') });
    }
  }
  return files;
}

const SEEDS = path.dirname(new URL(import.meta.url).pathname);
export const ITSM_PACK = path.join(SEEDS, 'itsm');
export const CSM_PACK = path.join(SEEDS, 'csm');
export const HR_PACK = path.join(SEEDS, 'hr');
export const FACILITIES_PACK = path.join(SEEDS, 'facilities');
export const FINANCE_PACK = path.join(SEEDS, 'finance');
/** What `npm start` imports on a new installation. */
export const DEMO_PACKS = [ITSM_PACK, CSM_PACK, HR_PACK, FACILITIES_PACK, FINANCE_PACK];
