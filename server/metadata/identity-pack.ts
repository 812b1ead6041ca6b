import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { defaultFieldId, IDENTITY_TYPES, type MetadataSnapshot, type RecordTypeDoc } from '../../schema/index.js';
import type { MetadataFile } from './metadata-files.js';
import { importFiles } from './metadata-files.js';
import { DomainError, ErrorCode } from '../domain-error.js';

const IDENTITY_DIR = fileURLToPath(new URL('../../schema/platform/identity/', import.meta.url));
const FLOWS_DIR = fileURLToPath(new URL('../../schema/platform/flows/', import.meta.url));
const NAMES = new Set<string>(Object.values(IDENTITY_TYPES));

/** The identity record types as metadata files (`record-types/<name>.yaml`), as shipped with the platform. */
export async function identityFiles(): Promise<MetadataFile[]> {
  const names = (await readdir(IDENTITY_DIR)).filter((n) => n.endsWith('.yaml')).sort();
  return Promise.all(names.map(async (n) => ({ path: `record-types/${n}`, content: await readFile(path.join(IDENTITY_DIR, n), 'utf8') })));
}

/** The platform flows' names: an administrator may edit them (or set them inactive) but not delete them. */
const PLATFORM_FLOWS = ['contact_registration'];

/** The platform's own approval flows (contact registration) as metadata files (`flows/<name>.yaml`). */
export async function platformFlowFiles(): Promise<MetadataFile[]> {
  const names = (await readdir(FLOWS_DIR)).filter((n) => n.endsWith('.yaml')).sort();
  return Promise.all(names.map(async (n) => ({ path: `flows/${n}`, content: await readFile(path.join(FLOWS_DIR, n), 'utf8') })));
}

/**
 * The identity types and the platform flows belong to the platform, not to a pack: an import that does not
 * mention them keeps them as published (an import that does, e.g. adding fields to `person` or editing the
 * registration flow, changes them like any document).
 */
export function keepIdentityTypes(head: MetadataSnapshot, incoming: MetadataSnapshot): MetadataSnapshot {
  const recordTypes = { ...incoming.recordTypes };
  for (const name of NAMES) if (!recordTypes[name] && head.recordTypes[name]) recordTypes[name] = head.recordTypes[name];
  const flows = { ...(incoming.flows ?? {}) };
  for (const name of PLATFORM_FLOWS) if (!flows[name] && head.flows?.[name]) flows[name] = head.flows[name];
  return { ...incoming, recordTypes, flows };
}

let shippedFlows: Promise<MetadataSnapshot['flows']> | null = null;

function platformFlows(): Promise<MetadataSnapshot['flows']> {
  shippedFlows ??= platformFlowFiles().then((files) => importFiles(files).flows);
  return shippedFlows;
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
  // Once installed (the registration type is there), the platform flows stay: registrations are decided by them.
  if (snapshot.recordTypes[IDENTITY_TYPES.registration])
    for (const name of Object.keys(await platformFlows()))
      if (!snapshot.flows?.[name]) problems.push(`platform flow "${name}" cannot be removed (edit it, or set it inactive, instead)`);
  return problems;
}

/**
 * The published snapshot with what the shipped identity types have and it lacks — a whole type (a new
 * installation) or a field a newer Atrium added (an upgrade: `approval.flow_instance`, `account.approver`) — and
 * the platform flows it lacks, added from the shipped files; null when nothing lacks. What is there but damaged (an archived type or field, see
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
  const flows = { ...(head.flows ?? {}) };
  for (const [name, doc] of Object.entries(await platformFlows())) {
    if (flows[name]) continue;
    flows[name] = doc;
    changed = true;
  }
  const repaired = { ...head, recordTypes, flows };
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
