import { Arg, Ctx, Int, Mutation, Query, Resolver } from 'type-graphql';
import { validateSnapshot, type AnyDoc, type RecordTypeDoc } from '../../../schema/index.js';
import { withDefaultsFor } from './admin-shapes.js';
import { DomainError, ErrorCode } from '../../domain-error.js';
import { draftsInside, type DraftMeta, type DraftRow, type SavedDraft, type VersionRow } from '../../metadata/index.js';
import type { AdminContext } from './admin-context.js';
import { requireAdmin } from './require-admin.js';
import { authorizeDocument, requireMetadataAuthority } from './require-metadata-authority.js';
import {
  DraftRefInput,
  FieldInput,
  MetadataDraftGql,
  ImportResultGql,
  MetadataChangeGql,
  MetadataFileGql,
  MetadataFileInput,
  MetadataProblemGql,
  MetadataVersionGql,
  PublishResultGql,
  RecordTypeGql,
  RecordTypeInput,
} from './admin-types.js';

function versionOut(v: VersionRow): MetadataVersionGql {
  return { id: v.id, createdAt: v.createdAt, author: v.author, message: v.message, rollbackOf: v.rollbackOf, changes: v.diff };
}

function toType(doc: RecordTypeDoc, draft: DraftMeta | undefined): RecordTypeGql {
  return { ...withDefaultsFor(doc), hasDraft: !!draft, draftVersion: draft?.version ?? null };
}

function saved({ document, draft }: SavedDraft<RecordTypeDoc>): RecordTypeGql {
  return toType(document, draft);
}

function draftOut(d: DraftRow): MetadataDraftGql {
  return { name: d.name, kind: d.kind, key: d.key, version: d.version, baseVersion: d.baseVersion, updatedBy: d.updatedBy, updatedAt: d.updatedAt, removal: d.document === null };
}

const DRAFT_VERSION = {
  nullable: true,
  description: 'The draft version you read (0: there was no draft). A newer draft fails with CONFLICT. Without it the edit applies to the latest draft.',
} as const;

/**
 * The admin's metadata workflow: drafts → validate → publish, versions, diff, rollback, export and import. A
 * business unit's administrator reads all of it and drafts, validates and publishes inside its units; rollback
 * and import replace everything, so they stay with the platform administrator.
 */
@Resolver()
export class MetadataResolver {
  @Query(() => [RecordTypeGql], { description: 'Record types; with includeDrafts, as they would be after publishing the drafts.' })
  async recordTypes(
    @Ctx() ctx: AdminContext,
    @Arg('includeDrafts', () => Boolean, { defaultValue: false }) includeDrafts: boolean,
    @Arg('includeArchived', () => Boolean, { defaultValue: false }) includeArchived: boolean,
  ): Promise<RecordTypeGql[]> {
    await requireMetadataAuthority(ctx);
    const { snapshot, drafts } = includeDrafts ? await ctx.metadata.working() : { snapshot: (await ctx.metadata.published()).snapshot, drafts: new Map<string, DraftMeta>() };
    return Object.values(snapshot.recordTypes)
      .filter((d) => includeArchived || !d.archived)
      .sort((a, b) => a.name.localeCompare(b.name))
      .map((d) => toType(d, drafts.get(d.name)));
  }

  @Query(() => RecordTypeGql, { nullable: true })
  async recordType(@Ctx() ctx: AdminContext, @Arg('name', () => String) name: string, @Arg('includeDrafts', () => Boolean, { defaultValue: true }) includeDrafts: boolean): Promise<RecordTypeGql | null> {
    const all = await this.recordTypes(ctx, includeDrafts, true);
    return all.find((t) => t.name === name) ?? null;
  }

  @Query(() => [MetadataDraftGql], { description: 'Every unpublished draft with its version, who saved it last and when.' })
  async metadataDrafts(@Ctx() ctx: AdminContext): Promise<MetadataDraftGql[]> {
    await requireMetadataAuthority(ctx);
    return (await ctx.metadata.drafts()).map(draftOut);
  }

  @Query(() => [MetadataProblemGql], { description: 'What stops the drafts from publishing: metadata problems, name clashes and data checks (run and rolled back).' })
  async validateMetadata(@Ctx() ctx: AdminContext): Promise<MetadataProblemGql[]> {
    const authority = await requireMetadataAuthority(ctx);
    // A unit admin's publish takes only the drafts inside its units: the dry run below validates exactly those.
    if (!authority.units) {
      const { snapshot } = await ctx.metadata.working();
      const problems = validateSnapshot(snapshot);
      if (problems.length) return problems;
    }
    try {
      await ctx.metadata.publishDrafts(authority, 'validation', true);
      return [];
    } catch (e) {
      if (!(e instanceof DomainError)) throw e;
      const listed = (e.details.problems as { path: string; message: string; code?: string }[] | undefined) ?? [{ path: '', message: e.message }];
      return listed.map((p) => ({ path: p.path, code: p.code ?? e.code, message: p.message }));
    }
  }

  @Query(() => [MetadataVersionGql])
  async metadataVersions(@Ctx() ctx: AdminContext, @Arg('limit', () => Int, { defaultValue: 50 }) limit: number): Promise<MetadataVersionGql[]> {
    await requireMetadataAuthority(ctx);
    return (await ctx.metadata.versions(limit)).map(versionOut);
  }

  @Query(() => MetadataVersionGql, { nullable: true })
  async metadataVersion(@Ctx() ctx: AdminContext, @Arg('id', () => Int) id: number): Promise<MetadataVersionGql | null> {
    await requireMetadataAuthority(ctx);
    const v = await ctx.metadata.version(id);
    return v ? versionOut(v) : null;
  }

  @Query(() => [MetadataChangeGql], { description: 'Changes from one version to another (0 is the empty start).' })
  async metadataDiff(@Ctx() ctx: AdminContext, @Arg('from', () => Int) from: number, @Arg('to', () => Int) to: number): Promise<MetadataChangeGql[]> {
    await requireMetadataAuthority(ctx);
    return ctx.metadata.diff(from, to);
  }

  @Query(() => [MetadataFileGql], { description: 'All metadata as files, one YAML file per record type; the current version unless one is given.' })
  async exportMetadata(@Ctx() ctx: AdminContext, @Arg('version', () => Int, { nullable: true }) version?: number): Promise<MetadataFileGql[]> {
    await requireMetadataAuthority(ctx);
    return ctx.metadata.exportFiles(version);
  }

  @Mutation(() => RecordTypeGql, { description: 'Save a whole record type as a draft (created or replaced). Replacing a draft needs the draftVersion you read.' })
  async saveRecordTypeDraft(
    @Ctx() ctx: AdminContext,
    @Arg('input', () => RecordTypeInput) input: RecordTypeInput,
    @Arg('draftVersion', () => Int, DRAFT_VERSION) draftVersion?: number | null,
  ): Promise<RecordTypeGql> {
    const doc = plain(input);
    return saved(await ctx.metadata.saveDraft(doc, await authorizeDocument(ctx, 'recordType', input.name, doc as AnyDoc), draftVersion ?? undefined));
  }

  @Mutation(() => RecordTypeGql)
  async addField(
    @Ctx() ctx: AdminContext,
    @Arg('type', () => String) type: string,
    @Arg('field', () => FieldInput) field: FieldInput,
    @Arg('draftVersion', () => Int, DRAFT_VERSION) draftVersion?: number | null,
  ): Promise<RecordTypeGql> {
    return saved(await ctx.metadata.addField(type, plain(field), await authorizeDocument(ctx, 'recordType', type), draftVersion ?? undefined));
  }

  @Mutation(() => RecordTypeGql, { description: 'Change a field definition; a type change is checked against the data on publish.' })
  async updateField(
    @Ctx() ctx: AdminContext,
    @Arg('type', () => String) type: string,
    @Arg('name', () => String) name: string,
    @Arg('field', () => FieldInput) field: FieldInput,
    @Arg('draftVersion', () => Int, DRAFT_VERSION) draftVersion?: number | null,
  ): Promise<RecordTypeGql> {
    return saved(await ctx.metadata.updateField(type, name, plain(field), await authorizeDocument(ctx, 'recordType', type), draftVersion ?? undefined));
  }

  @Mutation(() => RecordTypeGql, { description: 'Rename a field; its data stays.' })
  async renameField(
    @Ctx() ctx: AdminContext,
    @Arg('type', () => String) type: string,
    @Arg('from', () => String) from: string,
    @Arg('to', () => String) to: string,
    @Arg('draftVersion', () => Int, DRAFT_VERSION) draftVersion?: number | null,
  ): Promise<RecordTypeGql> {
    return saved(await ctx.metadata.renameField(type, from, to, await authorizeDocument(ctx, 'recordType', type), draftVersion ?? undefined));
  }

  @Mutation(() => RecordTypeGql, { description: 'Remove a field: archived, hidden from the graph, data kept and restorable.' })
  async removeField(
    @Ctx() ctx: AdminContext,
    @Arg('type', () => String) type: string,
    @Arg('name', () => String) name: string,
    @Arg('draftVersion', () => Int, DRAFT_VERSION) draftVersion?: number | null,
  ): Promise<RecordTypeGql> {
    return saved(await ctx.metadata.removeField(type, name, await authorizeDocument(ctx, 'recordType', type), draftVersion ?? undefined));
  }

  @Mutation(() => RecordTypeGql)
  async restoreField(
    @Ctx() ctx: AdminContext,
    @Arg('type', () => String) type: string,
    @Arg('name', () => String) name: string,
    @Arg('draftVersion', () => Int, DRAFT_VERSION) draftVersion?: number | null,
  ): Promise<RecordTypeGql> {
    return saved(await ctx.metadata.restoreField(type, name, await authorizeDocument(ctx, 'recordType', type), draftVersion ?? undefined));
  }

  @Mutation(() => Int, {
    description: 'Throw drafts away and return how many: those in drafts only if still at the version given (else CONFLICT, nothing discarded), those in names as they are; all when neither is given.',
  })
  async discardDrafts(
    @Ctx() ctx: AdminContext,
    @Arg('names', () => [String], { nullable: true }) names?: string[] | null,
    @Arg('drafts', () => [DraftRefInput], { nullable: true }) drafts?: DraftRefInput[] | null,
  ): Promise<number> {
    const authority = await requireMetadataAuthority(ctx);
    const read = (drafts ?? []).map((d) => ({ name: d.name, version: d.version }));
    if (!authority.units) return ctx.metadata.discardDrafts(names ?? null, read);
    // A unit admin discards only drafts inside its units; with none named, all of those (not everyone's).
    const [head, all] = await Promise.all([ctx.metadata.published(), ctx.metadata.drafts()]);
    const inside = new Set(draftsInside(authority, head.snapshot, all).map((d) => d.name));
    const named = [...(names ?? []), ...read.map((d) => d.name)];
    const foreign = named.find((n) => all.some((d) => d.name === n) && !inside.has(n));
    if (foreign) throw new DomainError(ErrorCode.FORBIDDEN, `draft "${foreign}" is outside your business units (${[...authority.units].sort().join(', ')}); only its unit's administrators or the platform administrator can discard it`);
    return ctx.metadata.discardDrafts(names || read.length ? (names ?? []) : [...inside], read);
  }

  @Mutation(() => PublishResultGql, { description: 'Publish all drafts as a new version, live at once; all or nothing.' })
  async publishMetadata(@Ctx() ctx: AdminContext, @Arg('message', () => String, { defaultValue: '' }) message: string, @Arg('dryRun', () => Boolean, { defaultValue: false }) dryRun: boolean): Promise<PublishResultGql> {
    const r = await ctx.metadata.publishDrafts(await requireMetadataAuthority(ctx), message, dryRun);
    return { version: r.version && versionOut(r.version), changes: r.diff, ddl: r.ddl };
  }

  @Mutation(() => PublishResultGql, { description: 'Publish an earlier version again, as a new version.' })
  async rollbackMetadata(@Ctx() ctx: AdminContext, @Arg('toVersion', () => Int) toVersion: number, @Arg('message', () => String, { nullable: true }) message?: string): Promise<PublishResultGql> {
    const r = await ctx.metadata.rollback(toVersion, requireAdmin(ctx), message);
    return { version: r.version && versionOut(r.version), changes: r.diff, ddl: r.ddl };
  }

  @Mutation(() => ImportResultGql, { description: 'Import metadata files as the complete metadata. Dry run by default: shows the diff first.' })
  async importMetadata(
    @Ctx() ctx: AdminContext,
    @Arg('files', () => [MetadataFileInput]) files: MetadataFileInput[],
    @Arg('dryRun', () => Boolean, { defaultValue: true }) dryRun: boolean,
    @Arg('message', () => String, { nullable: true }) message?: string,
  ): Promise<ImportResultGql> {
    const { changes, result } = await ctx.metadata.importFiles(files.map((f) => ({ path: f.path, content: f.content })), requireAdmin(ctx), { dryRun, message });
    return { changes, applied: !!result?.version, version: result?.version ? versionOut(result.version) : null, ddl: result?.ddl ?? [] };
  }
}

/** type-graphql hands over class instances; metadata documents are plain JSON, where null means "not set". */
function plain<T extends object>(o: T): Record<string, unknown> {
  return JSON.parse(JSON.stringify(o), (_k, v) => (v === null ? undefined : v));
}
