import { describe, expect, it } from 'vitest';
import { dragId, fieldOfDragId, resolveDrop } from '../../../studio/src/form-designer/drop-target.js';
import { TICKET_FORM } from './fixture-model.js';

const cols = (form: typeof TICKET_FORM) => form.sections.map((s) => s.columns);

describe('resolving a drop on the layout canvas', () => {
  it('puts a palette field at the end of the column it is dropped on', () => {
    expect(cols(resolveDrop(TICKET_FORM, dragId.palette('due'), dragId.column(0, 1)))[0][1]).toEqual(['caller', 'due']);
  });

  it('puts a field dropped on another field in that field’s place', () => {
    expect(cols(resolveDrop(TICKET_FORM, dragId.palette('due'), dragId.field('priority')))[0][0]).toEqual(['title', 'due', 'priority']);
    expect(cols(resolveDrop(TICKET_FORM, dragId.field('caller'), dragId.field('title')))[0]).toEqual([['caller', 'title', 'priority'], []]);
  });

  it('keeps a field dropped on its own column where the column ends', () => {
    expect(cols(resolveDrop(TICKET_FORM, dragId.field('title'), dragId.column(0, 0)))[0][0]).toEqual(['priority', 'title']);
  });

  it('takes a layout field off the form when dropped on the palette; a palette field dropped there changes nothing', () => {
    expect(cols(resolveDrop(TICKET_FORM, dragId.field('caller'), dragId.paletteArea))[0][1]).toEqual([]);
    expect(resolveDrop(TICKET_FORM, dragId.palette('due'), dragId.paletteArea)).toBe(TICKET_FORM);
  });

  it('changes nothing when dropped nowhere or on an unknown target', () => {
    expect(resolveDrop(TICKET_FORM, dragId.field('title'), null)).toBe(TICKET_FORM);
    expect(resolveDrop(TICKET_FORM, dragId.field('title'), dragId.column(7, 0))).toBe(TICKET_FORM);
    expect(resolveDrop(TICKET_FORM, 'something', dragId.column(0, 0))).toBe(TICKET_FORM);
  });

  it('reads the field of a drag id', () => {
    expect(fieldOfDragId('field:a_b')).toBe('a_b');
    expect(fieldOfDragId('palette:x')).toBe('x');
    expect(fieldOfDragId('column:0:1')).toBeNull();
  });
});
