import { docsOf, metadataKind, unitOfDocument, unitOfRecordType, type AnyDoc, type KindName, type MetadataSnapshot, type OwnershipView } from '../../schema/index.js';
import { DomainError, ErrorCode } from '../domain-error.js';
import { applyDrafts, type DraftRow } from './metadata-store.js';

/**
 * Who changes metadata, and how far: the platform administrator changes anything (`units: null`); a business
 * unit's administrator changes only what lies inside the units it administers (see `unitOfDocument`).
 */
export interface MetadataAuthority {
  /** Recorded as the author of drafts and versions. */
  author: string;
  /** The business units this author administers; null: the platform administrator (no limit). */
  units: ReadonlySet<string> | null;
}

/**
 * The business units whose `admins` criteria the user matches (`matches` evaluates criteria names against the
 * user: the access layer knows how). Units are read from the published metadata only, so nobody becomes a unit's
 * admin by drafting.
 */
export function unitsAdministered(published: MetadataSnapshot, matches: (criteria: readonly string[]) => boolean): Set<string> {
  return new Set(Object.values(published.businessUnits).filter((u) => u.admins.length > 0 && matches(u.admins)).map((u) => u.name));
}

/** Why a document is outside the author's units, or null when it lies inside one of them. */
function outside(authority: MetadataAuthority, view: OwnershipView, kind: KindName, doc: AnyDoc): string | null {
  const at = unitOfDocument(view, kind, doc);
  if (at.unit === null) return at.reason;
  return authority.units!.has(at.unit) ? null : `it belongs to business unit "${at.unit}"`;
}

/**
 * Refuses with FORBIDDEN, naming kind and document, a change outside the author's units: the document as
 * published, as drafted now, and as it would be saved (`after`: undefined for an edit of the current document,
 * null for a removal) must each lie inside a unit the author administers. The platform admin passes.
 */
export function authorizeChange(authority: MetadataAuthority, view: OwnershipView, kind: KindName, name: string, after?: AnyDoc | null): void {
  if (authority.units === null) return;
  const label = metadataKind(kind).label;
  const docs = [docsOf(view.published, kind)[name], docsOf(view.working, kind)[name], after].filter((d): d is AnyDoc => !!d);
  // Nothing to place (a new record type's first save is placed by its case type; anything else new by itself).
  if (!docs.length) {
    const at = kind === 'recordType' ? unitOfRecordType(view, name) : null;
    if (at && at.unit === null) throw forbidden(authority, label, name, at.reason);
    if (at && !authority.units.has(at.unit!)) throw forbidden(authority, label, name, `it belongs to business unit "${at.unit}"`);
    return;
  }
  for (const doc of docs) {
    const why = outside(authority, view, kind, doc);
    if (why) throw forbidden(authority, label, name, why);
  }
}

function forbidden(authority: MetadataAuthority, label: string, name: string, why: string): DomainError {
  const units = [...(authority.units ?? [])].sort().join(', ');
  return new DomainError(ErrorCode.FORBIDDEN, `${label} "${name}" is outside your business units (${units}): ${why}`, { kind: label, name });
}

/**
 * The drafts a unit administrator's publish takes: those whose document lies inside its units both as published
 * and as drafted. The rest stay drafts, untouched, for their authors. The platform admin's publish takes all.
 */
export function draftsInside(authority: MetadataAuthority, published: MetadataSnapshot, drafts: DraftRow[]): DraftRow[] {
  if (authority.units === null) return drafts;
  const view = { published, working: applyDrafts(published, drafts) };
  return drafts.filter((d) => {
    const docs = [docsOf(published, d.kind)[d.key], d.document].filter((x): x is AnyDoc => !!x);
    return docs.length > 0 && docs.every((doc) => outside(authority, view, d.kind, doc) === null);
  });
}
