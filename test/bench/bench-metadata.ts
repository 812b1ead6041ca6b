import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { postGraphql } from './post-graphql.js';

const METADATA_DIR = path.join(path.dirname(fileURLToPath(import.meta.url)), 'metadata');

/** The bench's own record types (person, assignment_group, incident, journal_entry) as import files. */
export async function benchMetadataFiles(): Promise<{ path: string; content: string }[]> {
  const names = (await readdir(METADATA_DIR)).filter((n) => n.endsWith('.yaml')).sort();
  return Promise.all(names.map(async (n) => ({ path: `record-types/${n}`, content: await readFile(path.join(METADATA_DIR, n), 'utf8') })));
}

/** Publishes the bench metadata through Atrium's public import mutation. */
export async function importBenchMetadata(graphqlUrl: string, token: string): Promise<void> {
  await postGraphql(graphqlUrl, `mutation($f: [MetadataFileInput!]!) { importMetadata(files: $f, dryRun: false, message: "bench") { applied } }`, { f: await benchMetadataFiles() }, token);
}
