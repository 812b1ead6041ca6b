import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { IDENTITY_TYPES, type MetadataSnapshot } from '../../schema/index.js';
import type { MetadataFile } from './metadata-files.js';
import { importFiles } from './metadata-files.js';
import { DomainError, ErrorCode } from '../domain-error.js';

const IDENTITY_DIR = fileURLToPath(new URL('../../schema/platform/identity/', import.meta.url));
const NAMES = new Set<string>(Object.values(IDENTITY_TYPES));

/** The identity record types as metadata files (`record-types/<name>.yaml`), as shipped with the platform. */
export async function identityFiles(): Promise<MetadataFile[]> {
  const names = (await readdir(IDENTITY_DIR)).filter((n) => n.endsWith('.yaml')).sort();
  return Promise.all(names.map(async (n) => ({ path: `record-types/${n}`, content: await readFile(path.join(IDENTITY_DIR, n), 'utf8') })));
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

let shippedDocs: Promise<MetadataSnapshot['recordTypes']> | null = null;

/** The identity types as shipped, read once. */
function shipped(): Promise<MetadataSnapshot['recordTypes']> {
  shippedDocs ??= identityFiles().then((files) => importFiles(files).recordTypes);
  return shippedDocs;
}

/**
 * What is wrong with the identity types of a snapshot: archived, or lacking a field the access layer reads.
 * Admins may add fields to them; nothing may take theirs away.
 */
export async function identityProblems(snapshot: MetadataSnapshot): Promise<string[]> {
  const problems: string[] = [];
  for (const [name, doc] of Object.entries(await shipped())) {
    const published = snapshot.recordTypes[name];
    if (!published) continue;
    if (published.archived) problems.push(`platform type "${name}" cannot be removed`);
    const active = new Set(published.fields.filter((f) => !f.archived).map((f) => f.name));
    const lacking = doc.fields.map((f) => f.name).filter((f) => !active.has(f));
    if (lacking.length) problems.push(`platform type "${name}" needs its field${lacking.length > 1 ? 's' : ''} ${lacking.join(', ')}`);
  }
  return problems;
}

/**
 * The published snapshot with any identity type it lacks added from the shipped files; null when none lacks.
 * Identity types that are there but damaged (see `identityProblems`) are not repaired silently — their data is
 * someone's: that is an error saying what to do.
 */
export async function withIdentityTypes(head: MetadataSnapshot): Promise<MetadataSnapshot | null> {
  const problems = await identityProblems(head);
  if (problems.length)
    throw new DomainError(
      ErrorCode.VALIDATION_FAILED,
      `the published metadata does not have the identity types this version of Atrium needs (${problems.join('; ')}). ` +
        'If this data folder was made by an earlier Atrium, start with a fresh ATRIUM_DATA_DIR (or database); otherwise restore those types and fields, then start again.',
    );
  const docs = await shipped();
  const missing = Object.keys(docs).filter((n) => !head.recordTypes[n]);
  if (!missing.length) return null;
  return { ...head, recordTypes: { ...head.recordTypes, ...Object.fromEntries(missing.map((n) => [n, docs[n]])) } };
}
