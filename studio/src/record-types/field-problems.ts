import type { FieldDoc, MetadataProblem } from '../../../schema/metadata/index.js';

/**
 * The problems that concern one field of `typeName`: the shared validators write `<type>.fields.<name>…`, the
 * document's schema `<type>.fields.<index>…`; both are matched, so a problem shows on its row.
 */
export function problemsOfField(problems: readonly MetadataProblem[], typeName: string, field: FieldDoc, index: number): MetadataProblem[] {
  const at = [`${typeName}.fields.${field.name}`, `${typeName}.fields.${index}`, `${typeName}.${field.name}.id`];
  return problems.filter((p) => at.some((a) => p.path === a || p.path.startsWith(`${a}.`)));
}

/** The problems under one property of a field (`reference`, `choices`, `default`…), or of the field itself (''). */
export function problemsAt(problems: readonly MetadataProblem[], typeName: string, field: FieldDoc, index: number, property: string): MetadataProblem[] {
  return problemsOfField(problems, typeName, field, index).filter((p) => {
    const rest = p.path.replace(/^[^.]+\.fields\.[^.]+/, '');
    return property === '' ? rest === '' || rest === '.name' : rest === `.${property}` || rest.startsWith(`.${property}.`);
  });
}

/** The messages joined as one inline error, or null. */
export function messageOf(problems: readonly MetadataProblem[]): string | null {
  return problems.length ? problems.map((p) => p.message).join('; ') : null;
}
