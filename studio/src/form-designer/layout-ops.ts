import type { FormDoc, FormSectionDoc } from '../../../schema/form/index.js';
import type { ModelType } from '../../../schema/metadata/index.js';

/** Where a field sits on a form: section, column, index in the column. */
export interface FieldPlace {
  section: number;
  column: number;
  index: number;
}

/** The most columns the designer offers (the schema allows 4; wider forms do not fit an agent's screen). */
export const MAX_COLUMNS = 3;

/** Every field name the form lays out, in reading order. */
export function fieldsOnForm(form: FormDoc): string[] {
  return form.sections.flatMap((s) => s.columns.flat());
}

/** The place of a field on the form, or null when it is not on it. */
export function findField(form: FormDoc, field: string): FieldPlace | null {
  for (let s = 0; s < form.sections.length; s++)
    for (let c = 0; c < form.sections[s].columns.length; c++) {
      const index = form.sections[s].columns[c].indexOf(field);
      if (index >= 0) return { section: s, column: c, index };
    }
  return null;
}

/** The active fields of the type that the form does not lay out yet (the palette), in the type's order. */
export function paletteFields(form: FormDoc, type: ModelType): string[] {
  const placed = new Set(fieldsOnForm(form));
  return type.activeFields.filter((f) => !placed.has(f.name)).map((f) => f.name);
}

const withSections = (form: FormDoc, sections: FormSectionDoc[]): FormDoc => ({ ...form, sections });

const mapColumns = (form: FormDoc, fn: (columns: string[][], section: number) => string[][]): FormDoc =>
  withSections(
    form,
    form.sections.map((s, i) => ({ ...s, columns: fn(s.columns, i) })),
  );

/** The form without `field` anywhere (back to the palette). */
export function removeField(form: FormDoc, field: string): FormDoc {
  return mapColumns(form, (columns) => columns.map((column) => column.filter((name) => name !== field)));
}

/**
 * Puts `field` at `to`, taking it from wherever it was: `to.index` is where it ends up in that column (clamped),
 * as dnd-kit's sortable reports a drop onto another field, so dropping onto the field below moves it down one.
 */
export function placeField(form: FormDoc, field: string, to: FieldPlace): FormDoc {
  const section = form.sections[to.section];
  if (!section || !section.columns[to.column]) return form;
  const without = removeField(form, field);
  return mapColumns(without, (columns, s) =>
    s !== to.section
      ? columns
      : columns.map((column, c) => {
          if (c !== to.column) return column;
          const at = Math.max(0, Math.min(to.index, column.length));
          return [...column.slice(0, at), field, ...column.slice(at)];
        }),
  );
}

/** Moves a field one place up (or down) in its column; at an end it stays. */
export function shiftField(form: FormDoc, field: string, delta: -1 | 1): FormDoc {
  const from = findField(form, field);
  if (!from) return form;
  const length = form.sections[from.section].columns[from.column].length;
  const index = from.index + delta;
  if (index < 0 || index >= length) return form;
  return placeField(form, field, { ...from, index });
}

/** A new section at the end, one column, no fields. */
export function addSection(form: FormDoc, label: string): FormDoc {
  return withSections(form, [...form.sections, { label: label.trim() || undefined, columns: [[]] }]);
}

/** Renames a section; an empty label makes it unlabelled (as the first section of most forms is). */
export function renameSection(form: FormDoc, section: number, label: string): FormDoc {
  return withSections(
    form,
    form.sections.map((s, i) => (i === section ? { ...s, label: label.trim() ? label : undefined } : s)),
  );
}

/** Removes a section; its fields go back to the palette. The last section stays (a form has at least one). */
export function removeSection(form: FormDoc, section: number): FormDoc {
  if (form.sections.length <= 1) return form;
  return withSections(
    form,
    form.sections.filter((_, i) => i !== section),
  );
}

/** Moves a section one place up or down. */
export function shiftSection(form: FormDoc, section: number, delta: -1 | 1): FormDoc {
  const to = section + delta;
  if (to < 0 || to >= form.sections.length) return form;
  const sections = [...form.sections];
  [sections[section], sections[to]] = [sections[to], sections[section]];
  return withSections(form, sections);
}

/**
 * Sets a section's number of columns (1 to MAX_COLUMNS). Fewer columns keep every field: those of the dropped
 * columns follow the last remaining column's, in order.
 */
export function setColumnCount(form: FormDoc, section: number, count: number): FormDoc {
  const n = Math.max(1, Math.min(MAX_COLUMNS, Math.trunc(count)));
  return mapColumns(form, (columns, s) => {
    if (s !== section) return columns;
    if (columns.length === n) return columns;
    if (columns.length < n) return [...columns, ...Array.from({ length: n - columns.length }, () => [])];
    const kept = columns.slice(0, n).map((c) => [...c]);
    kept[n - 1].push(...columns.slice(n).flat());
    return kept;
  });
}

/** A new form of a type: one unlabelled section of two columns, the type's required fields in the first. */
export function newForm(name: string, type: ModelType): FormDoc {
  const required = type.activeFields.filter((f) => f.required && !f.auto).map((f) => f.name);
  return { name, label: type.doc.label, recordType: type.name, sections: [{ columns: [required, []] }], relatedLists: [] };
}
