import type { Model } from '../metadata/model.js';
import type { MetadataProblem } from '../metadata/validate.js';

/**
 * Problems of the forms in a snapshot beyond the checks every document gets (a valid name, a record type that
 * exists): every field a form lays out is a field of its record type (inherited ones included) and appears once
 * — an archived field is allowed and not shown, so removing a field does not wait for every form to be edited,
 * and restoring it brings it back where it was; every related list names a reference field of a live record type
 * that points at the form's type or one of its ancestors (the records it lists point at this record; an archived
 * one, likewise, is not listed). Pure: the studio runs it too.
 */
export function formProblems(model: Model): MetadataProblem[] {
  const problems: MetadataProblem[] = [];
  for (const [key, form] of Object.entries(model.snapshot.forms)) {
    const path = `forms.${key}`;
    const type = model.types.get(form.recordType);
    // documentProblems reports a missing or archived record type.
    if (!type || type.archived) continue;
    const active = new Set(type.activeFields.map((f) => f.name));
    const archived = new Set(type.fields.filter((f) => f.archived).map((f) => f.name));
    const seen = new Map<string, string>();
    form.sections.forEach((section, s) =>
      section.columns.forEach((column, c) =>
        column.forEach((name, i) => {
          const at = `${path}.sections.${s}.columns.${c}.${i}`;
          if (!active.has(name) && !archived.has(name)) {
            problems.push({ path: at, code: 'INVALID_FIELD', message: `form "${form.name}" shows field "${name}", which is not a field of "${form.recordType}"` });
            return;
          }
          const first = seen.get(name);
          if (first) problems.push({ path: at, code: 'DUPLICATE_NAME', message: `form "${form.name}" shows field "${name}" twice (first at ${first}); a field appears once per form` });
          else seen.set(name, at.slice(path.length + 1));
        }),
      ),
    );
    const targets = new Set([type.name, ...type.ancestors]);
    form.relatedLists.forEach((list, i) => {
      const at = `${path}.relatedLists.${i}`;
      const source = model.types.get(list.recordType);
      if (!source || source.archived) {
        problems.push({ path: `${at}.recordType`, code: 'UNKNOWN_TYPE', message: `form "${form.name}" lists records of "${list.recordType}", which ${source ? 'is archived' : 'does not exist'}` });
        return;
      }
      const field = source.fields.find((f) => f.name === list.field);
      if (field?.archived) return;
      if (!field || field.type !== 'reference' || !field.reference || !targets.has(field.reference))
        problems.push({
          path: `${at}.field`,
          code: 'INVALID_FIELD',
          message: `form "${form.name}" lists "${list.recordType}" records by "${list.field}", which ${
            !field ? `is not a field of "${list.recordType}"` : field.type !== 'reference' ? 'is not a reference' : `points at "${field.reference}"`
          }; a related list needs a reference of "${list.recordType}" to "${form.recordType}"${type.ancestors.length ? ` or ${type.ancestors.map((a) => `"${a}"`).join(', ')}` : ''}`,
        });
    });
  }
  return problems;
}
