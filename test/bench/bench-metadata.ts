import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { readPack } from '../../seeds/load-pack.js';
import type { ContactRule } from './bench-settings.js';
import { postGraphql } from './post-graphql.js';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const METADATA_DIR = path.join(HERE, 'metadata');
/** Files that replace those of the same path with BENCH_CONTACT_RULE=account. */
const CONTACT_ACCOUNT_DIR = path.join(HERE, 'metadata-contact-account');

/**
 * The bench's own metadata as import files: `record-types/` (incident, journal_entry — person and
 * assignment_group are the platform's identity types), `user-criteria/` and `acls/` (copies of seeds/itsm rules
 * plus two bench rules for contacts: on the caller's account by default, on the incident's account with
 * `contactRule` "account").
 */
export async function benchMetadataFiles(contactRule: ContactRule = 'caller'): Promise<{ path: string; content: string }[]> {
  const files = await readPack(METADATA_DIR);
  if (contactRule === 'caller') return files;
  const replacements = new Map((await readPack(CONTACT_ACCOUNT_DIR)).map((f) => [f.path, f]));
  const replaced = files.filter((f) => replacements.has(f.path)).length;
  if (replaced !== replacements.size) throw new Error(`${CONTACT_ACCOUNT_DIR} has files that replace nothing`);
  return files.map((f) => replacements.get(f.path) ?? f);
}

/** Publishes the bench metadata through Atrium's public import mutation. */
export async function importBenchMetadata(graphqlUrl: string, token: string, contactRule: ContactRule = 'caller'): Promise<void> {
  await postGraphql(graphqlUrl, `mutation($f: [MetadataFileInput!]!) { importMetadata(files: $f, dryRun: false, message: "bench") { applied } }`, { f: await benchMetadataFiles(contactRule) }, token);
}
