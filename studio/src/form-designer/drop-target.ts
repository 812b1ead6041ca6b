import type { FormDoc } from '../../../schema/form/index.js';
import { findField, placeField, removeField } from './layout-ops.js';

/** Ids of the draggables and drop targets of the layout canvas (dnd-kit ids are strings). */
export const dragId = {
  field: (name: string) => `field:${name}`,
  palette: (name: string) => `palette:${name}`,
  column: (section: number, column: number) => `column:${section}:${column}`,
  paletteArea: 'palette',
};

/** The field a draggable id carries (from the layout or the palette), or null. */
export function fieldOfDragId(id: string): string | null {
  const m = /^(?:field|palette):(.+)$/.exec(id);
  return m ? m[1] : null;
}

/**
 * The form after dropping `activeId` on `overId`: onto a field of the layout it takes that field's place (the
 * other moves down, or up when the dragged one came from above it in the same column); onto a column, it goes
 * to the column's end; onto the palette, it leaves the form. Anything else changes nothing.
 */
export function resolveDrop(form: FormDoc, activeId: string, overId: string | null): FormDoc {
  const field = fieldOfDragId(activeId);
  if (!field || !overId || activeId === overId) return form;
  if (overId === dragId.paletteArea || overId.startsWith('palette:')) return activeId.startsWith('field:') ? removeField(form, field) : form;
  const column = /^column:(\d+):(\d+)$/.exec(overId);
  if (column) {
    const section = Number(column[1]);
    const col = Number(column[2]);
    const items = form.sections[section]?.columns[col];
    if (!items) return form;
    const from = findField(form, field);
    const sameColumn = from && from.section === section && from.column === col;
    return placeField(form, field, { section, column: col, index: sameColumn ? items.length - 1 : items.length });
  }
  const target = fieldOfDragId(overId);
  const at = target ? findField(form, target) : null;
  if (!at) return form;
  return placeField(form, field, at);
}
