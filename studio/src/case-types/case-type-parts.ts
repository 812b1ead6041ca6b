import type { CaseTypeDoc } from '../../../schema/case/index.js';
import type { MetadataSnapshot } from '../../../schema/metadata/index.js';

/** What a case type is made of, found in the snapshot by its record type's name. */
export interface CaseTypeParts {
  recordType: { name: string; label: string } | null;
  stateModel: { name: string; label: string } | null;
  forms: { name: string; label: string }[];
  /** The form shown by default: the named one, else the type's first form by name. */
  form: { name: string; label: string } | null;
  acls: { name: string; operation: string }[];
}

export function caseTypeParts(snapshot: MetadataSnapshot, ct: CaseTypeDoc): CaseTypeParts {
  const type = snapshot.recordTypes[ct.name];
  const model = Object.values(snapshot.stateModels).find((m) => m.recordType === ct.name);
  const forms = Object.values(snapshot.forms)
    .filter((f) => f.recordType === ct.name)
    .map((f) => ({ name: f.name, label: f.label ?? f.name }))
    .sort((a, b) => a.name.localeCompare(b.name));
  const form = (ct.defaultForm ? forms.find((f) => f.name === ct.defaultForm) : forms[0]) ?? null;
  const acls = Object.values(snapshot.acls)
    .filter((a) => a.recordType === ct.name)
    .map((a) => ({ name: a.name, operation: a.operation }))
    .sort((a, b) => a.name.localeCompare(b.name));
  return {
    recordType: type ? { name: type.name, label: type.label } : null,
    stateModel: model ? { name: model.name, label: model.label ?? model.name } : null,
    forms,
    form,
    acls,
  };
}

/** Draft row names that belong to a case type (its own and its record type's, form's, state model's). */
export function caseTypeDraftNames(ct: CaseTypeDoc, parts: CaseTypeParts): string[] {
  return [`case:${ct.name}`, ct.name, ...(parts.stateModel ? [`states:${parts.stateModel.name}`] : []), ...parts.forms.map((f) => `form:${f.name}`), ...parts.acls.map((a) => `acl:${a.name}`)];
}
