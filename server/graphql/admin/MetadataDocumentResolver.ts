import { GraphQLJSONObject } from 'graphql-scalars';
import { Arg, Ctx, Int, Mutation, Query, Resolver } from 'type-graphql';
import { docsOf, metadataKind, type AnyDoc, type KindName, type MetadataKind } from '../../../schema/index.js';
import { DomainError, ErrorCode } from '../../domain-error.js';
import { draftName, type DraftMeta, type SavedDraft } from '../../metadata/index.js';
import type { AdminContext } from './admin-context.js';
import { MetadataDocumentGql, MetadataKindEnum, MetadataSnapshotGql } from './metadata-document-types.js';
import { authorizeDocument, requireMetadataAuthority } from './require-metadata-authority.js';

const DRAFT_VERSION = {
  nullable: true,
  description: 'The draft version you read (0: there was no draft). A newer draft fails with CONFLICT. Replacing a draft needs it.',
} as const;

function out(kind: KindName, doc: AnyDoc, draft: DraftMeta | undefined): MetadataDocumentGql {
  const entry = metadataKind(kind) as unknown as MetadataKind;
  return { kind, name: doc.name, document: entry.toFile(doc), hasDraft: !!draft, draftVersion: draft?.version ?? null };
}

/**
 * Documents of every kind of the registry through one API: list, read, save as a draft, draft a removal. Drafts
 * publish with `publishMetadata`. Unit administrators may save and remove inside their units only.
 */
@Resolver()
export class MetadataDocumentResolver {
  @Query(() => [MetadataDocumentGql], { description: 'The documents of one kind, by name: as they would be after publishing the drafts, or as published.' })
  async metadataDocuments(
    @Ctx() ctx: AdminContext,
    @Arg('kind', () => MetadataKindEnum) kind: KindName,
    @Arg('published', () => Boolean, { defaultValue: false, description: 'The published documents instead of the drafts laid over them.' }) published: boolean,
  ): Promise<MetadataDocumentGql[]> {
    await requireMetadataAuthority(ctx);
    const { snapshot, drafts } = await ctx.metadata.working();
    const docs = published ? docsOf((await ctx.metadata.published()).snapshot, kind) : docsOf(snapshot, kind);
    return Object.values(docs as Record<string, AnyDoc>)
      .sort((a, b) => a.name.localeCompare(b.name))
      .map((d) => out(kind, d, drafts.get(draftName(kind, d.name))));
  }

  @Query(() => MetadataSnapshotGql, { description: 'All metadata in one document, drafts laid over unless published is true.' })
  async metadataSnapshot(
    @Ctx() ctx: AdminContext,
    @Arg('published', () => Boolean, { defaultValue: false, description: 'The published metadata instead of the drafts laid over it.' }) published: boolean,
  ): Promise<MetadataSnapshotGql> {
    await requireMetadataAuthority(ctx);
    const head = await ctx.metadata.published();
    if (published) return { publishedVersion: head.id, snapshot: head.snapshot as unknown as Record<string, unknown>, draftCount: 0 };
    const { snapshot, drafts } = await ctx.metadata.working();
    return { publishedVersion: head.id, snapshot: snapshot as unknown as Record<string, unknown>, draftCount: drafts.size };
  }

  @Query(() => MetadataDocumentGql, { nullable: true, description: 'One document, drafts laid over (null: there is none, or its removal is drafted).' })
  async metadataDocument(
    @Ctx() ctx: AdminContext,
    @Arg('kind', () => MetadataKindEnum) kind: KindName,
    @Arg('name', () => String) name: string,
    @Arg('published', () => Boolean, { defaultValue: false }) published: boolean,
  ): Promise<MetadataDocumentGql | null> {
    return (await this.metadataDocuments(ctx, kind, published)).find((d) => d.name === name) ?? null;
  }

  @Mutation(() => MetadataDocumentGql, { description: 'Save a whole document of any kind as a draft (created or replaced); checked as a whole on publish.' })
  async saveMetadataDraft(
    @Ctx() ctx: AdminContext,
    @Arg('kind', () => MetadataKindEnum) kind: KindName,
    @Arg('document', () => GraphQLJSONObject) document: Record<string, unknown>,
    @Arg('draftVersion', () => Int, DRAFT_VERSION) draftVersion?: number | null,
  ): Promise<MetadataDocumentGql> {
    const parsed = metadataKind(kind).schema.safeParse(document);
    // A document that does not parse is refused by the save below; only the gate itself runs for it here.
    const author = parsed.success ? await authorizeDocument(ctx, kind, parsed.data.name, parsed.data as AnyDoc) : (await requireMetadataAuthority(ctx)).author;
    const saved: SavedDraft<AnyDoc> = await ctx.metadata.saveDocumentDraft(kind, document, author, draftVersion ?? undefined);
    return out(kind, saved.document, saved.draft);
  }

  @Mutation(() => MetadataDocumentGql, { description: 'Draft the removal of a document (published with the other drafts). Record types are archived instead.' })
  async removeMetadataDocument(
    @Ctx() ctx: AdminContext,
    @Arg('kind', () => MetadataKindEnum) kind: KindName,
    @Arg('name', () => String) name: string,
    @Arg('draftVersion', () => Int, DRAFT_VERSION) draftVersion?: number | null,
  ): Promise<MetadataDocumentGql> {
    if (kind === 'recordType')
      throw new DomainError(ErrorCode.BAD_USER_INPUT, `record type "${name}" cannot be removed, only archived (its data is kept): save it with archived: true`);
    const author = await authorizeDocument(ctx, kind, name, null);
    const before = docsOf((await ctx.metadata.working()).snapshot, kind)[name] as AnyDoc | undefined;
    const saved = await ctx.metadata.removeDocument(kind, name, author, draftVersion ?? undefined);
    // The document as it was, marked by its removal draft: what a client shows struck through until publish.
    return { kind, name, document: before ? (metadataKind(kind) as unknown as MetadataKind).toFile(before) : { name }, hasDraft: true, draftVersion: saved.draft.version };
  }
}
