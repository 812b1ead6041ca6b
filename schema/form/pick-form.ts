import type { Model } from '../metadata/model.js';
import type { FormDoc } from './form.js';

/**
 * The form to lay out a record of `typeName` with: the one named (when it is for the type or an ancestor; else
 * none), or the case type's `defaultForm`, or the first by name of the forms of the type — else of its nearest
 * ancestor that has any. Null: there is none, and the record is shown in the default layout.
 */
export function pickForm(model: Model, typeName: string, name?: string | null): FormDoc | null {
  const type = model.types.get(typeName);
  if (!type) return null;
  const family = [type.name, ...type.ancestors];
  const forms = model.snapshot.forms ?? {};
  if (name) {
    const named = forms[name];
    return named && family.includes(named.recordType) ? named : null;
  }
  const preferred = model.snapshot.caseTypes?.[typeName]?.defaultForm;
  if (preferred && forms[preferred] && family.includes(forms[preferred].recordType)) return forms[preferred];
  for (const t of family) {
    const own = Object.values(forms)
      .filter((f) => f.recordType === t)
      .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    if (own.length) return own[0];
  }
  return null;
}
