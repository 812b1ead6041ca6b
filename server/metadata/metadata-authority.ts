import { docsOf, metadataKind, type AnyDoc, type CaseTypeDoc, type KindName, type MetadataKind, type MetadataSnapshot } from '../../schema/index.js';
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

/** The published metadata and the metadata with every draft laid over it: what ownership is decided on. */
export interface OwnershipView {
  published: MetadataSnapshot;
  working: MetadataSnapshot;
}

/**
 * The business units whose `admins` criteria the user matches (`matches` evaluates criteria names against the
 * user: the access layer knows how). Units are read from the published metadata only, so nobody becomes a unit's
 * admin by drafting.
 */
export function unitsAdministered(published: MetadataSnapshot, matches: (criteria: readonly string[]) => boolean): Set<string> {
  return new Set(Object.values(published.businessUnits).filter((u) => u.admins.length > 0 && matches(u.admins)).map((u) => u.name));
}

/** Where a document lies: inside a business unit (its name), or outside every unit (`reason` says why). */
type Placement = { unit: string } | { unit: null; reason: string };

/**
 * The unit a record type belongs to. A published record type belongs to the unit of its published case type
 * (none: to the platform — `task`, identity types, types no case type names). A new record type belongs to the
 * unit of the case type naming it, drafts included, so a unit can create a type and its case type together.
 */
function unitOfRecordType(view: OwnershipView, typeName: string): Placement {
  if (view.published.recordTypes[typeName]) {
    const ct = view.published.caseTypes[typeName];
    return ct ? { unit: ct.businessUnit } : { unit: null, reason: `record type "${typeName}" is not the record type of any case type; only the platform administrator changes it` };
  }
  const ct = view.working.caseTypes[typeName];
  return ct
    ? { unit: ct.businessUnit }
    : { unit: null, reason: `new record type "${typeName}" belongs to a unit once a case type of that unit names it: save the case type "${typeName}" of your unit first` };
}

/** The unit a document of `kind` lies in, decided by the record type it is about. */
export function unitOfDocument(view: OwnershipView, kind: KindName, doc: AnyDoc): Placement {
  if (kind === 'businessUnit' || kind === 'userCriteria')
    return { unit: null, reason: `${metadataKind(kind).label} are shared by every unit; only the platform administrator changes them` };
  if (kind === 'caseType') {
    const ct = doc as CaseTypeDoc;
    const type = unitOfRecordType(view, ct.name);
    // A case type for an existing type of another unit (or of the platform) would take that type over.
    if (view.published.recordTypes[ct.name] && type.unit !== ct.businessUnit)
      return { unit: null, reason: type.unit === null ? type.reason : `record type "${ct.name}" belongs to business unit "${type.unit}"` };
    return { unit: ct.businessUnit };
  }
  const typeName = (metadataKind(kind) as unknown as MetadataKind).recordTypeOf(doc);
  if (typeName === null) return { unit: null, reason: `it is about no record type; only the platform administrator changes it` };
  return unitOfRecordType(view, typeName);
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
