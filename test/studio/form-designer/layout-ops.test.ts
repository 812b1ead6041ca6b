import { describe, expect, it } from 'vitest';
import {
  addSection,
  fieldsOnForm,
  findField,
  newForm,
  paletteFields,
  placeField,
  removeField,
  removeSection,
  renameSection,
  setColumnCount,
  shiftField,
  shiftSection,
} from '../../../studio/src/form-designer/layout-ops.js';
import { formProblems } from '../../../schema/form/index.js';
import { buildModel } from '../../../schema/metadata/index.js';
import { ticketModel, ticketSnapshot, TICKET_FORM } from './fixture-model.js';

const type = () => ticketModel().types.get('ticket')!;
const cols = (form: typeof TICKET_FORM) => form.sections.map((s) => s.columns);

describe('layout operations', () => {
  it('offers in the palette the active fields not on the form (archived ones never)', () => {
    expect(paletteFields(TICKET_FORM, type())).toEqual(['due']);
    expect(paletteFields(removeField(TICKET_FORM, 'caller'), type())).toEqual(['caller', 'due']);
  });

  it('places a palette field into a column at an index, and moves a placed field without duplicating it', () => {
    const added = placeField(TICKET_FORM, 'due', { section: 0, column: 1, index: 0 });
    expect(cols(added)[0]).toEqual([['title', 'priority'], ['due', 'caller']]);
    const moved = placeField(added, 'title', { section: 1, column: 0, index: 1 });
    expect(cols(moved)).toEqual([[['priority'], ['due', 'caller']], [['status', 'title', 'notes']]]);
    expect(fieldsOnForm(moved).filter((f) => f === 'title')).toHaveLength(1);
  });

  it('moves within a column like a sortable list: onto the field below means one down', () => {
    expect(cols(placeField(TICKET_FORM, 'title', { section: 0, column: 0, index: 1 }))[0][0]).toEqual(['priority', 'title']);
    expect(cols(placeField(TICKET_FORM, 'title', { section: 0, column: 0, index: 99 }))[0][0]).toEqual(['priority', 'title']);
  });

  it('shifts a field up and down, staying put at the ends', () => {
    expect(cols(shiftField(TICKET_FORM, 'notes', -1))[1][0]).toEqual(['notes', 'status']);
    expect(shiftField(TICKET_FORM, 'status', -1)).toBe(TICKET_FORM);
    expect(shiftField(TICKET_FORM, 'notes', 1)).toBe(TICKET_FORM);
    expect(shiftField(TICKET_FORM, 'due', 1)).toBe(TICKET_FORM);
  });

  it('adds, renames, reorders and removes sections; the last one stays', () => {
    const added = addSection(TICKET_FORM, 'Extra');
    expect(added.sections.map((s) => s.label)).toEqual([undefined, 'Resolution', 'Extra']);
    expect(renameSection(added, 2, '').sections[2].label).toBeUndefined();
    expect(shiftSection(added, 2, -1).sections.map((s) => s.label)).toEqual([undefined, 'Extra', 'Resolution']);
    expect(shiftSection(added, 0, -1)).toBe(added);
    const removed = removeSection(TICKET_FORM, 1);
    expect(fieldsOnForm(removed)).toEqual(['title', 'priority', 'caller']);
    expect(removeSection(removed, 0)).toBe(removed);
  });

  it('changes the number of columns, 1 to 3, keeping every field', () => {
    const one = setColumnCount(TICKET_FORM, 0, 1);
    expect(cols(one)[0]).toEqual([['title', 'priority', 'caller']]);
    expect(cols(setColumnCount(one, 0, 5))[0]).toEqual([['title', 'priority', 'caller'], [], []]);
    expect(cols(setColumnCount(TICKET_FORM, 0, 0))[0]).toHaveLength(1);
  });

  it('finds a field', () => {
    expect(findField(TICKET_FORM, 'notes')).toEqual({ section: 1, column: 0, index: 1 });
    expect(findField(TICKET_FORM, 'due')).toBeNull();
  });

  it('makes a new form the shared validator accepts, with the required fields placed', () => {
    const form = newForm('ticket_agent', type());
    expect(form.sections[0].columns).toEqual([['title'], []]);
    const snapshot = { ...ticketSnapshot(), forms: { ticket_agent: form } };
    expect(formProblems(buildModel(snapshot))).toEqual([]);
  });
});
