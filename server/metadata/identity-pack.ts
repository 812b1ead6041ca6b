import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { IDENTITY_TYPES, type MetadataSnapshot } from '../../schema/index.js';
import type { MetadataFile } from './metadata-files.js';
import { importFiles } from './metadata-files.js';

const IDENTITY_DIR = fileURLToPath(new URL('../../schema/platform/identity/', import.meta.url));
const NAMES = new Set<string>(Object.values(IDENTITY_TYPES));

/** The identity record types as metadata files (`record-types/<name>.yaml`), as shipped with the platform. */
export async function identityFiles(): Promise<MetadataFile[]> {
  const names = (await readdir(IDENTITY_DIR)).filter((n) => n.endsWith('.yaml')).sort();
  return Promise.all(names.map(async (n) => ({ path: `record-types/${n}`, content: await readFile(path.join(IDENTITY_DIR, n), 'utf8') })));
}

export function isIdentityType(name: string): boolean {
  return NAMES.has(name);
}

/**
 * The identity types belong to the platform, not to a pack: an import that does not mention them keeps them
 * as published (an import that does, e.g. adding fields to `person`, changes them like any type).
 */
export function keepIdentityTypes(head: MetadataSnapshot, incoming: MetadataSnapshot): MetadataSnapshot {
  const recordTypes = { ...incoming.recordTypes };
  for (const name of NAMES) if (!recordTypes[name] && head.recordTypes[name]) recordTypes[name] = head.recordTypes[name];
  return { ...incoming, recordTypes };
}

/** The published snapshot with any identity type it lacks added from the shipped files; null when none lacks. */
export async function withIdentityTypes(head: MetadataSnapshot): Promise<MetadataSnapshot | null> {
  const shipped = importFiles(await identityFiles()).recordTypes;
  const missing = Object.keys(shipped).filter((n) => !head.recordTypes[n]);
  if (!missing.length) return null;
  return { ...head, recordTypes: { ...head.recordTypes, ...Object.fromEntries(missing.map((n) => [n, shipped[n]])) } };
}
