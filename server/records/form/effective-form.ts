import { evaluateUiPolicies, pickForm, reverseConnectionName, type FieldUiState, type ModelField } from '../../../schema/index.js';
import { accessScope } from '../../access/access-scope.js';
import type { Actor } from '../../access/actor.js';
import type { Database } from '../../db/index.js';
import { DomainError, ErrorCode } from '../../domain-error.js';
import type { PageLimits } from '../compile/index.js';
import { recordIdOf } from '../compile/field-value.js';
import { fromGlobalId } from '../global-id.js';
import type { GraphInfo, TypeInfo } from '../record-info.js';
import { policyDynamics, uiPoliciesOf } from '../write/ui-policies-of.js';
import { newFormRecord, readFormRecord, type FormRecord } from './form-record.js';

export interface EffectiveFormField {
  /** The GraphQL field name. */
  name: string;
  label: string;
  help: string | null;
  type: ModelField['type'];
  /** The GraphQL type a reference points at; null for other fields. */
  reference: string | null;
  state: FieldUiState;
}

export interface EffectiveFormSection {
  label: string | null;
  columns: EffectiveFormField[][];
}

export interface EffectiveRelatedList {
  label: string;
  /** The record type listed, and its GraphQL type. */
  recordType: string;
  gqlType: string;
  /** The reverse connection on this record that lists them. */
  connection: string;
}

export interface EffectiveForm {
  /** The form document; null for the default layout (no form for the type). */
  name: string | null;
  label: string;
  recordType: string;
  gqlType: string;
  sections: EffectiveFormSection[];
  relatedLists: EffectiveRelatedList[];
}

export interface FormRequest {
  /** A record type name (`incident`) or GraphQL type name (`Incident`). */
  type: string;
  /** The record shown (a global id); absent: a new record. */
  recordId?: string | null;
  /** A form document to use instead of the type's default one. */
  name?: string | null;
}

/**
 * The form one user sees for one record (or a new one): the layout of the chosen form document (see `pickForm`;
 * without one, every active field in one section), each field with its state — the field's required flag and
 * the UI policies evaluated on the record (the same evaluation a write is checked with), and the access rules:
 * a field the user may not read is left out entirely, one the user may not write (or one the server sets) is
 * read-only. The record is read with the user's access in one statement; a record they may not read is NOT_FOUND.
 */
export async function effectiveForm(db: Database, graph: GraphInfo, limits: PageLimits, actor: Actor, request: FormRequest): Promise<EffectiveForm> {
  const named = graph.byName.get(request.type) ?? graph.byGqlName.get(request.type);
  if (!named) throw new DomainError(ErrorCode.NOT_FOUND, `there is no record type "${request.type}"`);
  const scope = accessScope(actor, graph.model);
  let info: TypeInfo = named;
  let record: FormRecord;
  if (request.recordId) {
    const id = recordIdOf(graph, request.recordId, named.type.name, 'recordId');
    // The record's own kind decides its fields and policies, when the type asked for is an ancestor.
    info = graph.byGqlName.get(fromGlobalId(request.recordId).typeName)!;
    record = await readFormRecord(db, graph, limits, scope, info, id);
  } else {
    if (named.type.abstract)
      throw new DomainError(ErrorCode.BAD_USER_INPUT, `${named.type.doc.label} is abstract: ask for the form of one of its kinds (${named.type.concreteTypes.join(', ')})`);
    record = newFormRecord(graph, scope, info);
  }
  const type = info.type;
  const doc = pickForm(graph.model, type.name, request.name);
  if (request.name && !doc) throw new DomainError(ErrorCode.NOT_FOUND, `there is no form "${request.name}" for ${type.doc.label} records`);

  const ui = evaluateUiPolicies(graph.model, type.name, uiPoliciesOf(graph.model, type.name), record.row, policyDynamics(scope));
  const byName = new Map(type.activeFields.map((f) => [f.name, f]));
  const fieldOf = (name: string): EffectiveFormField[] => {
    const f = byName.get(name);
    // A field archived since the form was published, or one the user may not read: not shown, not even its label.
    if (!f || !record.readable(f)) return [];
    const state = ui.get(f.name)!;
    return [
      {
        name: f.gqlName,
        label: f.label,
        help: f.help ?? null,
        type: f.type,
        reference: f.type === 'reference' ? (graph.byName.get(f.reference!)?.type.gqlName ?? null) : null,
        state: { ...state, readOnly: state.readOnly || !!f.auto || !record.writable(f) },
      },
    ];
  };
  const sections: EffectiveFormSection[] = doc
    ? doc.sections.map((s) => ({ label: s.label ?? null, columns: s.columns.map((column) => column.flatMap(fieldOf)) }))
    : [{ label: null, columns: [type.activeFields.flatMap((f) => fieldOf(f.name))] }];
  return {
    name: doc?.name ?? null,
    label: doc?.label ?? type.doc.label,
    recordType: type.name,
    gqlType: type.gqlName,
    sections,
    relatedLists: (doc?.relatedLists ?? []).flatMap((list) => {
      const source = graph.byName.get(list.recordType);
      const field = source?.type.activeFields.find((f) => f.name === list.field);
      // Records the user may not read in any case are not listed (nor is the list's existence shown).
      if (!source || !field || scope.recordRules(source.type, 'read')?.length === 0) return [];
      return [{ label: list.label ?? source.type.doc.pluralLabel ?? source.type.doc.label, recordType: source.type.name, gqlType: source.type.gqlName, connection: reverseConnectionName(field.owner, field) }];
    }),
  };
}
