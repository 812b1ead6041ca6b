import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { defaultFieldId, IDENTITY_TYPES, type MetadataSnapshot, type RecordTypeDoc } from '../../schema/index.js';
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
 * The published snapshot with what the shipped identity types have and it lacks — a whole type (a new
 * installation) or a field a newer Atrium added (an upgrade: `approval.flow_instance`, `account.approver`) —
 * added from the shipped files; null when nothing lacks. What is there but damaged (an archived type or field, see
 * `identityProblems`) is not repaired silently — its data is someone's: that is an error saying what to do.
 */
export async function withIdentityTypes(head: MetadataSnapshot): Promise<MetadataSnapshot | null> {
  const docs = await shipped();
  let changed = false;
  const recordTypes = { ...head.recordTypes };
  for (const [name, doc] of Object.entries(docs)) {
    const published = recordTypes[name];
    if (!published) {
      recordTypes[name] = doc;
      changed = true;
      continue;
    }
    // Archived fields count as there: bringing one back is the admin's decision, reported below.
    const known = new Set(published.fields.map((f) => f.name));
    const added = doc.fields.filter((f) => !known.has(f.name)).map((f) => ({ ...f, id: freshFieldId(published, name, f.name) }));
    if (!added.length) continue;
    recordTypes[name] = { ...published, fields: [...published.fields, ...added] };
    changed = true;
  }
  const repaired = { ...head, recordTypes };
  const problems = await identityProblems(repaired);
  if (problems.length)
    throw new DomainError(
      ErrorCode.VALIDATION_FAILED,
      `the published metadata does not have the identity types this version of Atrium needs (${problems.join('; ')}). ` +
        'If this data folder was made by an earlier Atrium, start with a fresh ATRIUM_DATA_DIR (or database); otherwise restore those types and fields, then start again.',
    );
  return changed ? repaired : null;
}

/** A shipped field's id on an installed type: its default id, unless a field of the type (since renamed) holds it. */
function freshFieldId(doc: RecordTypeDoc, type: string, field: string): string {
  const used = new Set(doc.fields.map((f) => f.id));
  const base = defaultFieldId(type, field);
  let id = base;
  for (let n = 2; used.has(id); n++) id = `${base}~${n}`;
  return id;
}
