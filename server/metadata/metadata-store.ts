import { and, desc, eq, inArray, or, sql } from 'drizzle-orm';
import { EMPTY_SNAPSHOT, METADATA_KINDS, MetadataSnapshot, metadataKind, type AnyDoc, type KindName } from '../../schema/index.js';
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

/** The kinds of document a draft can hold: every kind of the registry. */
export type DraftKind = KindName;

/** The row name of a draft: `<kind prefix><name>` (record types have no prefix: their names never contain ':'). */
export function draftName(kind: DraftKind, name: string): string {
  return metadataKind(kind).draftPrefix + name;
}

function parseDraftName(rowName: string): { kind: DraftKind; key: string } {
  const kind = METADATA_KINDS.find((k) => k.draftPrefix && rowName.startsWith(k.draftPrefix));
  return kind ? { kind: kind.kind, key: rowName.slice(kind.draftPrefix.length) } : { kind: 'recordType', key: rowName };
}

export interface DraftMeta {
  /** The row name (see `draftName`). */
  name: string;
  /** The document's name: its key in the snapshot map of its kind. */
  key: string;
  baseVersion: number;
  updatedAt: Date;
  updatedBy: string;
  /** Raised by every save; an edit that names an older one is refused (see `saveDraft`). */
  version: number;
}

/** One unpublished change. A null document removes the named document on publish. */
export type DraftRow = DraftMeta & { kind: DraftKind; document: AnyDoc | null };

export interface NewDraft {
  name: string;
  document: AnyDoc | null;
  baseVersion: number;
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

  /** Records version `v.id`: the caller holds the publish lock and passes the head id + 1, so versions never skip. */
  async insertVersion(db: Executor, v: Omit<VersionRow, 'createdAt'>): Promise<VersionRow> {
    const [row] = await db.orm.insert(metaVersion).values(v).returning();
    return toVersion(row);
  },

  async drafts(db: Executor): Promise<DraftRow[]> {
    const rows = await db.orm.select().from(metaDraft).orderBy(metaDraft.name);
    return rows.map(toDraft);
  },

  /** One draft; `forUpdate` locks its row to the end of the transaction, so a publish cannot delete it meanwhile. */
  async draft(db: Executor, name: string, options: { forUpdate?: boolean } = {}): Promise<DraftRow | null> {
    const query = db.orm.select().from(metaDraft).where(eq(metaDraft.name, name));
    const [row] = options.forUpdate ? await query.for('update') : await query;
    return row ? toDraft(row) : null;
  },

  /**
   * Serialises edits of one draft until the transaction ends. An advisory lock rather than a row lock: the first
   * edit of a type has no draft row to lock yet.
   */
  async lockDraft(tx: Executor, name: string): Promise<void> {
    await tx.run(sql`SELECT pg_advisory_xact_lock(hashtext('atrium.draft'), hashtext(${name}))`);
  },

  /**
   * Saves a draft only if it is still at `expected` (0: there is none), raising its version; returns the saved
   * row's meta, or null when someone else's save (or a publish, or a discard) came first.
   */
  async saveDraft(db: Executor, draft: NewDraft, expected: number): Promise<DraftMeta | null> {
    const now = new Date();
    const rows =
      expected === 0
        ? await db.orm.insert(metaDraft).values({ ...draft, updatedAt: now }).onConflictDoNothing({ target: metaDraft.name }).returning()
        : await db.orm
            .update(metaDraft)
            .set({ document: draft.document, baseVersion: draft.baseVersion, updatedBy: draft.updatedBy, updatedAt: now, version: sql`nextval('atrium.meta_draft_version_seq')` })
            .where(and(eq(metaDraft.name, draft.name), eq(metaDraft.version, expected)))
            .returning();
    return rows[0] ? toDraft(rows[0]) : null;
  },

  async deleteDrafts(db: Executor, names: string[]): Promise<number> {
    if (!names.length) return 0;
    const rows = await db.orm.delete(metaDraft).where(inArray(metaDraft.name, names)).returning({ name: metaDraft.name });
    return rows.length;
  },

  /** Deletes drafts only as they were read: one saved since (a newer version) stays. */
  async deleteDraftVersions(db: Executor, drafts: { name: string; version: number }[]): Promise<string[]> {
    if (!drafts.length) return [];
    const rows = await db.orm
      .delete(metaDraft)
      .where(or(...drafts.map((d) => and(eq(metaDraft.name, d.name), eq(metaDraft.version, d.version)))))
      .returning({ name: metaDraft.name });
    return rows.map((r) => r.name);
  },
};

function toDraft(row: typeof metaDraft.$inferSelect): DraftRow {
  const { kind, key } = parseDraftName(row.name);
  const meta = { name: row.name, key, baseVersion: row.baseVersion, updatedAt: row.updatedAt, updatedBy: row.updatedBy, version: row.version };
  return { ...meta, kind, document: row.document ? (metadataKind(kind).schema.parse(row.document) as AnyDoc) : null };
}

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

/** The published snapshot with the drafts laid over it, each kind over its own map. */
export function applyDrafts(snapshot: MetadataSnapshot, drafts: DraftRow[]): MetadataSnapshot {
  const out = Object.fromEntries(METADATA_KINDS.map((k) => [k.key, { ...snapshot[k.key] }])) as MetadataSnapshot;
  for (const d of drafts) {
    const map = out[metadataKind(d.kind).key] as Record<string, AnyDoc>;
    if (d.document) map[d.key] = d.document;
    else delete map[d.key];
  }
  return out;
}
