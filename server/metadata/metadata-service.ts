import { describeIssues, docsOf, EMPTY_SNAPSHOT, FieldDoc, metadataKind, nameProblem, RecordTypeDoc, type AclDoc, type KindDocs, type KindName, type MetadataSnapshot, type Model, type UserCriteriaDoc } from '../../schema/index.js';
import type { Database } from '../db/index.js';
import { DomainError, ErrorCode } from '../domain-error.js';
import { carryForward, withIds } from './carry-forward.js';
import { diffSnapshots, type MetadataChange } from './diff-snapshots.js';
import { exportFiles, importFiles, type MetadataFile } from './metadata-files.js';
import { keepIdentityTypes, withIdentityTypes } from './identity-pack.js';
import { draftConflict } from './draft-conflict.js';
import { applyDrafts, draftName, metadataStore, type DraftMeta, type DraftRow, type VersionRow } from './metadata-store.js';
import { writeDraft } from './write-draft.js';
import { publish, type PublishResult } from './publish.js';
import { draftsInside, type MetadataAuthority } from './metadata-authority.js';

/** What the service needs from the layer that serves metadata (the GraphQL schema registry). */
export interface MetadataServing<A> {
  prepare(model: Model): A;
  /** Called after commit with what `prepare` built. */
  activate(version: VersionRow, prepared: A): void;
}

/** Drafts, publishing, versions, rollback, export and import: the admin's whole metadata workflow. */
export class MetadataService<A = unknown> {
  constructor(
    private readonly db: Database,
    private readonly serving: MetadataServing<A>,
  ) {}

  async published(): Promise<{ id: number; snapshot: MetadataSnapshot }> {
    return metadataStore.head(this.db);
  }

  /** The published snapshot with drafts laid over it (what a publish would start from), and the drafts by row name. */
  async working(): Promise<{ snapshot: MetadataSnapshot; drafts: Map<string, DraftMeta> }> {
    const [head, drafts] = await Promise.all([metadataStore.head(this.db), metadataStore.drafts(this.db)]);
    return { snapshot: applyDrafts(head.snapshot, drafts), drafts: new Map(drafts.map((d) => [d.name, d])) };
  }

  async drafts(): Promise<DraftRow[]> {
    return metadataStore.drafts(this.db);
  }

  /**
   * Saves a whole record type as a draft. `draftVersion` is the draft version the document was made from (0 or
   * undefined: there was no draft); over an existing draft it is required, so nobody's edit is overwritten unseen.
   */
  async saveDraft(input: unknown, actor: string, draftVersion?: number): Promise<SavedDraft<RecordTypeDoc>> {
    const parsed = RecordTypeDoc.safeParse(input);
    if (!parsed.success) throw new DomainError(ErrorCode.VALIDATION_FAILED, describeIssues(parsed.error));
    // Other drafts are stored under `criteria:<name>` and `acl:<name>`; a colon would pass for one of them.
    if (parsed.data.name.includes(':')) throw new DomainError(ErrorCode.VALIDATION_FAILED, `record type name ${nameProblem(parsed.data.name)}`);
    return writeDraft(this.db, { name: parsed.data.name, sent: draftVersion, mode: 'whole', actor, build: (_current, head) => withStableIds(parsed.data, head.snapshot) });
  }

  /**
   * Edits one type's draft (made from the published document when there is none), atomically: concurrent edits
   * apply one after the other. With `draftVersion`, only if the draft is still the one the client read.
   */
  async editDraft(typeName: string, actor: string, draftVersion: number | undefined, edit: (doc: RecordTypeDoc) => RecordTypeDoc): Promise<SavedDraft<RecordTypeDoc>> {
    if (typeName.includes(':')) throw new DomainError(ErrorCode.NOT_FOUND, `there is no record type "${typeName}"`);
    return writeDraft(this.db, {
      name: typeName,
      sent: draftVersion,
      mode: 'relative',
      actor,
      build: (current, head) => {
        const doc = current ? (current.document as RecordTypeDoc | null) : head.snapshot.recordTypes[typeName];
        if (!doc) throw new DomainError(ErrorCode.NOT_FOUND, `there is no record type "${typeName}"`);
        const next = RecordTypeDoc.safeParse(edit(structuredClone(doc)));
        if (!next.success) throw new DomainError(ErrorCode.VALIDATION_FAILED, describeIssues(next.error));
        return withStableIds(next.data, head.snapshot);
      },
    });
  }

  addField(typeName: string, field: unknown, actor: string, draftVersion?: number): Promise<SavedDraft<RecordTypeDoc>> {
    const parsed = FieldDoc.safeParse(field);
    if (!parsed.success) throw new DomainError(ErrorCode.VALIDATION_FAILED, describeIssues(parsed.error));
    return this.editDraft(typeName, actor, draftVersion, (doc) => {
      if (doc.fields.some((f) => f.name === parsed.data.name))
        throw new DomainError(ErrorCode.VALIDATION_FAILED, `"${typeName}" already has a field "${parsed.data.name}"${doc.fields.find((f) => f.name === parsed.data.name)?.archived ? ' (archived: restore it instead)' : ''}`);
      return { ...doc, fields: [...doc.fields, parsed.data] };
    });
  }

  updateField(typeName: string, name: string, patch: Record<string, unknown>, actor: string, draftVersion?: number): Promise<SavedDraft<RecordTypeDoc>> {
    return this.editDraft(typeName, actor, draftVersion, (doc) => {
      const f = fieldOf(doc, name);
      // A full definition replaces the old one; only the identity is kept, so a rename here is a rename.
      const next = FieldDoc.safeParse({ ...patch, id: f.id });
      if (!next.success) throw new DomainError(ErrorCode.VALIDATION_FAILED, describeIssues(next.error));
      return { ...doc, fields: doc.fields.map((x) => (x === f ? next.data : x)) };
    });
  }

  renameField(typeName: string, from: string, to: string, actor: string, draftVersion?: number): Promise<SavedDraft<RecordTypeDoc>> {
    return this.editDraft(typeName, actor, draftVersion, (doc) => {
      const f = fieldOf(doc, from);
      if (doc.fields.some((x) => x.name === to)) throw new DomainError(ErrorCode.VALIDATION_FAILED, `"${typeName}" already has a field "${to}"`);
      return { ...doc, fields: doc.fields.map((x) => (x === f ? { ...f, name: to } : x)) };
    });
  }

  removeField(typeName: string, name: string, actor: string, draftVersion?: number): Promise<SavedDraft<RecordTypeDoc>> {
    return this.editDraft(typeName, actor, draftVersion, (doc) => {
      const f = fieldOf(doc, name);
      if (f.archived) throw new DomainError(ErrorCode.VALIDATION_FAILED, `field "${typeName}.${name}" is already removed (archived); restore it or purge it`);
      if (doc.displayField === name) throw new DomainError(ErrorCode.VALIDATION_FAILED, `"${name}" is the display field of "${typeName}"; choose another display field first`);
      return { ...doc, fields: doc.fields.map((x) => (x === f ? { ...f, archived: true } : x)) };
    });
  }

  restoreField(typeName: string, name: string, actor: string, draftVersion?: number): Promise<SavedDraft<RecordTypeDoc>> {
    return this.editDraft(typeName, actor, draftVersion, (doc) => {
      const f = fieldOf(doc, name);
      if (!f.archived) throw new DomainError(ErrorCode.VALIDATION_FAILED, `field "${typeName}.${name}" is not removed`);
      return { ...doc, fields: doc.fields.map((x) => (x === f ? { ...f, archived: undefined } : x)) };
    });
  }

  /**
   * Saves a whole document of any kind but record types (those have field-level edits: `saveDraft`) as a draft,
   * created or replaced (see `saveDraft` for `draftVersion`); checked as a whole on publish.
   */
  async saveDocumentDraft<K extends KindName>(kind: K, input: unknown, actor: string, draftVersion?: number): Promise<SavedDraft<KindDocs[K]>> {
    if (kind === 'recordType') return (await this.saveDraft(input, actor, draftVersion)) as SavedDraft<KindDocs[K]>;
    const entry = metadataKind(kind);
    const parsed = entry.schema.safeParse(input);
    if (!parsed.success) throw new DomainError(ErrorCode.VALIDATION_FAILED, describeIssues(parsed.error));
    return writeDraft(this.db, { name: draftName(kind, parsed.data.name), sent: draftVersion, mode: 'whole', actor, build: () => parsed.data });
  }

  /** Drafts the removal of a document (record types are archived instead: `removeField`, or publish without them). */
  async removeDocument(kind: Exclude<KindName, 'recordType'>, name: string, actor: string, draftVersion?: number): Promise<SavedDraft<null>> {
    const entry = metadataKind(kind);
    return writeDraft(this.db, {
      name: draftName(kind, name),
      sent: draftVersion,
      mode: 'relative',
      actor,
      build: (current, head) => {
        if (!(current ? current.document : docsOf(head.snapshot, kind)[name])) throw new DomainError(ErrorCode.NOT_FOUND, `there is no ${entry.label} "${name}"`);
        return null;
      },
    });
  }

  /** Saves user criteria as a draft (created or replaced; see `saveDraft` for `draftVersion`); checked on publish. */
  saveUserCriteriaDraft(input: unknown, actor: string, draftVersion?: number): Promise<SavedDraft<UserCriteriaDoc>> {
    return this.saveDocumentDraft('userCriteria', input, actor, draftVersion);
  }

  /** Drafts the removal of user criteria; publishing it fails while an ACL still names them. */
  removeUserCriteria(name: string, actor: string, draftVersion?: number): Promise<SavedDraft<null>> {
    return this.removeDocument('userCriteria', name, actor, draftVersion);
  }

  /** Saves an ACL as a draft (created or replaced; see `saveDraft` for `draftVersion`); checked on publish. */
  saveAclDraft(input: unknown, actor: string, draftVersion?: number): Promise<SavedDraft<AclDoc>> {
    return this.saveDocumentDraft('acl', input, actor, draftVersion);
  }

  /** Drafts the removal of an ACL. */
  removeAcl(name: string, actor: string, draftVersion?: number): Promise<SavedDraft<null>> {
    return this.removeDocument('acl', name, actor, draftVersion);
  }

  /**
   * Throws drafts away: those in `read` only if still at the version given (else CONFLICT and nothing is
   * discarded), those in `names` whatever their version; all of them when neither is given.
   */
  async discardDrafts(names: string[] | null, read: { name: string; version: number }[] = []): Promise<number> {
    return this.db.transaction(async (tx) => {
      const deleted = await metadataStore.deleteDraftVersions(tx, read);
      const missed = read.find((d) => !deleted.includes(d.name));
      if (missed) throw draftConflict(missed.name, await metadataStore.draft(tx, missed.name), missed.version);
      const rest = names ?? (read.length ? [] : (await metadataStore.drafts(tx)).map((d) => d.name));
      return deleted.length + (await metadataStore.deleteDrafts(tx, rest.filter((n) => !deleted.includes(n))));
    });
  }

  /** Publishes the drafts; as a business unit's administrator (`authority` with units), only those inside its units. */
  async publishDrafts(author: string | MetadataAuthority, message?: string, dryRun = false): Promise<PublishResult<A>> {
    const authority = typeof author === 'string' ? { author, units: null } : author;
    const selectDrafts = authority.units ? (published: MetadataSnapshot, drafts: DraftRow[]) => draftsInside(authority, published, drafts) : undefined;
    return this.finish(await publish(this.db, { author: authority.author, message, dryRun, selectDrafts, prepare: (m) => this.serving.prepare(m) }));
  }

  async rollback(toVersion: number, author: string, message?: string): Promise<PublishResult<A>> {
    const target = await metadataStore.version(this.db, toVersion);
    if (!target) throw new DomainError(ErrorCode.NOT_FOUND, `there is no metadata version ${toVersion}`);
    return this.finish(
      await publish(this.db, { author, message: message ?? `roll back to version ${toVersion}`, snapshot: target.snapshot, rollbackOf: toVersion, prepare: (m) => this.serving.prepare(m) }),
    );
  }

  async versions(limit: number): Promise<VersionRow[]> {
    return metadataStore.versions(this.db, Math.min(Math.max(limit, 1), 500));
  }

  async version(id: number): Promise<VersionRow | null> {
    return metadataStore.version(this.db, id);
  }

  async diff(from: number, to: number): Promise<MetadataChange[]> {
    const snap = async (id: number) => {
      if (id === 0) return EMPTY_SNAPSHOT;
      const v = await metadataStore.version(this.db, id);
      if (!v) throw new DomainError(ErrorCode.NOT_FOUND, `there is no metadata version ${id}`);
      return v.snapshot;
    };
    return diffSnapshots(await snap(from), await snap(to));
  }

  async exportFiles(versionId?: number | null): Promise<MetadataFile[]> {
    const snapshot = versionId ? (await metadataStore.version(this.db, versionId))?.snapshot : (await metadataStore.head(this.db)).snapshot;
    if (!snapshot) throw new DomainError(ErrorCode.NOT_FOUND, `there is no metadata version ${versionId}`);
    return exportFiles(snapshot);
  }

  /**
   * Import files as the complete metadata. A dry run reports the diff (and runs the whole publish, rolled back,
   * so data checks are reported too); otherwise it publishes. Types and fields missing from the files are
   * archived; user criteria and ACLs missing from them are removed.
   */
  async importFiles(files: MetadataFile[], author: string, options: { dryRun: boolean; message?: string }): Promise<{ changes: MetadataChange[]; result: PublishResult<A> | null }> {
    const head = await metadataStore.head(this.db);
    const incoming = keepIdentityTypes(head.snapshot, importFiles(files));
    const changes = diffSnapshots(head.snapshot, carryForward(head.snapshot, incoming));
    if (!changes.length) return { changes, result: null };
    const result = await publish(this.db, { author, message: options.message ?? 'import', snapshot: incoming, dryRun: options.dryRun, prepare: (m) => this.serving.prepare(m) });
    return { changes, result: this.finish(result) };
  }

  /** Publishes the platform's identity types where the published metadata lacks any (a new installation). */
  async installIdentityTypes(): Promise<boolean> {
    const head = await metadataStore.head(this.db);
    const snapshot = await withIdentityTypes(head.snapshot);
    if (!snapshot) return false;
    this.finish(await publish(this.db, { author: 'system', message: 'platform identity types', snapshot, prepare: (m) => this.serving.prepare(m) }));
    return true;
  }

  private finish(result: PublishResult<A>): PublishResult<A> {
    if (result.version) this.serving.activate(result.version, result.prepared);
    return result;
  }
}

/** A saved draft document with the draft's new version, who saved it and when. */
export interface SavedDraft<D> {
  document: D;
  draft: DraftMeta;
}

/**
 * Fields keep the ids they were published with, matched by name, so a re-saved document is no rename; a new
 * field gets a fresh id.
 */
function withStableIds(doc: RecordTypeDoc, head: MetadataSnapshot): RecordTypeDoc {
  const existing = head.recordTypes[doc.name];
  const ids = new Map(existing?.fields.map((f) => [f.name, f.id]) ?? []);
  const used = new Set(Object.values(head.recordTypes).flatMap((t) => t.fields.map((f) => f.id ?? `${t.name}.${f.name}`)));
  for (const f of doc.fields) if (f.id) used.add(f.id);
  return withIds({ ...doc, fields: doc.fields.map((f) => ({ ...f, id: f.id ?? ids.get(f.name) ?? freshId(used, `${doc.name}.${f.name}`) })) });
}

function fieldOf(doc: RecordTypeDoc, name: string): FieldDoc {
  const f = doc.fields.find((x) => x.name === name);
  if (!f) throw new DomainError(ErrorCode.NOT_FOUND, `"${doc.name}" has no field "${name}"`);
  return f;
}

/** A new field's id: its first qualified name, suffixed when an earlier (since renamed) field took it. */
function freshId(used: Set<string>, base: string): string {
  let id = base;
  for (let n = 2; used.has(id); n++) id = `${base}~${n}`;
  used.add(id);
  return id;
}
