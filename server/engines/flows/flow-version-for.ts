import { createHash } from 'node:crypto';
import { sql } from 'drizzle-orm';
import type { FlowDoc } from '../../../schema/index.js';
import { canonical } from '../../../schema/metadata/file-order.js';
import type { Database, Executor } from '../../db/index.js';
import { DomainError, ErrorCode } from '../../domain-error.js';

interface VersionCache {
  docs: Map<number, FlowDoc>;
}

// Per database: tests (and tools) run several databases in one process, and ids are only unique within one.
const caches = new WeakMap<Database, VersionCache>();

function cacheOf(db: Database): VersionCache {
  let c = caches.get(db);
  if (!c) caches.set(db, (c = { docs: new Map() }));
  return c;
}

/** sha-256 of a flow document's canonical JSON: the same document (whatever its key order) is the same version. */
export function flowHash(doc: FlowDoc): string {
  return createHash('sha256').update(JSON.stringify(canonical(doc))).digest('hex');
}

/**
 * The `flow_version` row of a published flow document, added the first time an instance starts on it (at
 * `metadataVersion`, or the newest published metadata version when not given). Versions are immutable, so
 * id → document is cached in memory per database.
 */
export async function flowVersionFor(db: Database, tx: Executor, doc: FlowDoc, metadataVersion?: number): Promise<number> {
  const hash = flowHash(doc);
  // Looked up every time, never cached: an id cached from a transaction that rolled back would name nothing.
  const find = async () => (await tx.run<{ id: unknown }>(sql`SELECT "id" FROM "atrium"."flow_version" WHERE "flow" = ${doc.name} AND "hash" = ${hash}`))[0];
  let row = await find();
  if (!row) {
    const mv = metadataVersion ?? Number((await tx.run<{ v: unknown }>(sql`SELECT coalesce(max("id"), 0) AS "v" FROM "atrium"."meta_version"`))[0]?.v ?? 0);
    // Two starts of a new version at once: one inserts, the other finds it (DO NOTHING, then the SELECT).
    await tx.run(sql`INSERT INTO "atrium"."flow_version" ("flow", "hash", "metadata_version", "doc") VALUES (${doc.name}, ${hash}, ${mv}, ${JSON.stringify(doc)}::jsonb) ON CONFLICT ("flow", "hash") DO NOTHING`);
    row = await find();
  }
  const id = Number(row.id);
  cacheOf(db).docs.set(id, doc);
  return id;
}

/** The document of a flow version (what its instances run, for life). */
export async function flowVersionDoc(db: Database, tx: Executor, versionId: number): Promise<FlowDoc> {
  const cache = cacheOf(db);
  const known = cache.docs.get(versionId);
  if (known) return known;
  const [row] = await tx.run<{ doc: unknown }>(sql`SELECT "doc" FROM "atrium"."flow_version" WHERE "id" = ${versionId}`);
  if (!row) throw new DomainError(ErrorCode.NOT_FOUND, `there is no flow version ${versionId}`);
  const doc = (typeof row.doc === 'string' ? JSON.parse(row.doc) : row.doc) as FlowDoc;
  cache.docs.set(versionId, doc);
  return doc;
}
