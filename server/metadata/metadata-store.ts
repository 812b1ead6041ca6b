import { desc, eq, inArray, sql } from 'drizzle-orm';
import { EMPTY_SNAPSHOT, MetadataSnapshot, RecordTypeDoc } from '../../schema/index.js';
import { metaDraft, metaVersion } from '../../schema/platform/index.js';
import type { Executor } from '../db/index.js';
import type { MetadataChange } from './diff-snapshots.js';

export interface VersionRow {
  id: number;
  createdAt: Date;
  author: string;
  message: string;
  snapshot: MetadataSnapshot;
  diff: MetadataChange[];
  rollbackOf: number | null;
}

export interface DraftRow {
  name: string;
  /** Null: the draft removes the type. */
  document: RecordTypeDoc | null;
  baseVersion: number;
  updatedAt: Date;
  updatedBy: string;
}

/** Reads and writes the metadata platform tables. Every function takes the executor it runs on. */
export const metadataStore = {
  async head(db: Executor): Promise<{ id: number; snapshot: MetadataSnapshot }> {
    const [row] = await db.orm.select({ id: metaVersion.id, snapshot: metaVersion.snapshot }).from(metaVersion).orderBy(desc(metaVersion.id)).limit(1);
    return row ? { id: row.id, snapshot: MetadataSnapshot.parse(row.snapshot) } : { id: 0, snapshot: EMPTY_SNAPSHOT };
  },

  async headId(db: Executor): Promise<number> {
    const [row] = await db.orm.select({ id: sql<number>`coalesce(max(${metaVersion.id}), 0)` }).from(metaVersion);
    return Number(row?.id ?? 0);
  },

  async version(db: Executor, id: number): Promise<VersionRow | null> {
    const [row] = await db.orm.select().from(metaVersion).where(eq(metaVersion.id, id));
    return row ? toVersion(row) : null;
  },

  async versions(db: Executor, limit: number): Promise<VersionRow[]> {
    const rows = await db.orm.select().from(metaVersion).orderBy(desc(metaVersion.id)).limit(limit);
    return rows.map(toVersion);
  },

  async insertVersion(db: Executor, v: Omit<VersionRow, 'id' | 'createdAt'>): Promise<VersionRow> {
    const [row] = await db.orm.insert(metaVersion).values(v).returning();
    return toVersion(row);
  },

  async drafts(db: Executor): Promise<DraftRow[]> {
    const rows = await db.orm.select().from(metaDraft).orderBy(metaDraft.name);
    return rows.map((r) => ({ ...r, document: r.document ? RecordTypeDoc.parse(r.document) : null }));
  },

  async saveDraft(db: Executor, draft: Omit<DraftRow, 'updatedAt'>): Promise<void> {
    await db.orm
      .insert(metaDraft)
      .values({ ...draft, updatedAt: new Date() })
      .onConflictDoUpdate({ target: metaDraft.name, set: { document: draft.document, updatedBy: draft.updatedBy, updatedAt: new Date() } });
  },

  async deleteDrafts(db: Executor, names: string[]): Promise<number> {
    if (!names.length) return 0;
    const rows = await db.orm.delete(metaDraft).where(inArray(metaDraft.name, names)).returning({ name: metaDraft.name });
    return rows.length;
  },
};

function toVersion(row: typeof metaVersion.$inferSelect): VersionRow {
  return {
    id: row.id,
    createdAt: row.createdAt,
    author: row.author,
    message: row.message,
    snapshot: MetadataSnapshot.parse(row.snapshot),
    diff: row.diff as MetadataChange[],
    rollbackOf: row.rollbackOf,
  };
}

/** The published snapshot with the drafts laid over it. */
export function applyDrafts(snapshot: MetadataSnapshot, drafts: DraftRow[]): MetadataSnapshot {
  const recordTypes = { ...snapshot.recordTypes };
  for (const d of drafts) {
    if (d.document) recordTypes[d.name] = d.document;
    else delete recordTypes[d.name];
  }
  return { recordTypes };
}
