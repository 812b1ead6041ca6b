import type { CaseTypeDoc } from '../case/case-type.js';
import { metadataKind, type AnyDoc, type KindName, type MetadataKind, type MetadataSnapshot } from './kinds.js';

/** The published metadata and the metadata with every draft laid over it: what ownership is decided on. */
export interface OwnershipView {
  published: MetadataSnapshot;
  working: MetadataSnapshot;
}

/** Where a document lies: inside a business unit (its name), or outside every unit (`reason` says why). */
export type Placement = { unit: string } | { unit: null; reason: string };

/**
 * The unit a record type belongs to. A published record type belongs to the unit of its published case type
 * (none: to the platform — `task`, identity types, types no case type names). A new record type belongs to the
 * unit of the case type naming it, drafts included, so a unit can create a type and its case type together.
 */
export function unitOfRecordType(view: OwnershipView, typeName: string): Placement {
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

