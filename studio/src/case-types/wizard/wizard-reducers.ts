import type { StateCategory } from '../../../../schema/case/index.js';
import { deriveName } from '../derive-name.js';
import { STATE_TEMPLATES } from './state-templates.js';
import { BASE_FORM_FIELDS, REQUESTER_KEY, type StateTemplate, type WizardField, type WizardState } from './wizard-state.js';

/** A fresh wizard: the requester field offered (the submitters' ACLs need it), the simple life cycle. */
export function initialWizardState(businessUnit: string): WizardState {
  const template = STATE_TEMPLATES.simple;
  return {
    step: 0,
    basics: { businessUnit, label: '', name: '', nameEdited: false, numberPrefix: '', description: '' },
    fields: [{ key: REQUESTER_KEY, label: 'Requested for', name: 'requested_for', nameEdited: false, type: 'reference', required: true, choices: [], reference: 'person' }],
    layout: [['short_description', REQUESTER_KEY, 'description'], ['state', 'priority']],
    template: 'simple',
    states: template.states.map((s) => ({ ...s })),
    initial: template.states[0]!.name,
    transitions: template.transitions.map((t) => ({ ...t })),
    access: { submitters: [], fulfillers: [], requesterField: REQUESTER_KEY },
    phase: 'editing',
    saved: {},
    savedSignature: null,
    publishedVersion: null,
  };
}

/** The label changes the name too, until the name was typed by hand. */
export function setBasicsLabel(state: WizardState, label: string): WizardState {
  const b = state.basics;
  return { ...state, basics: { ...b, label, name: b.nameEdited ? b.name : deriveName(label, b.businessUnit) } };
}

export function setBasicsUnit(state: WizardState, businessUnit: string): WizardState {
  const b = state.basics;
  return { ...state, basics: { ...b, businessUnit, name: b.nameEdited ? b.name : deriveName(b.label, businessUnit) } };
}

let counter = 0;
/** A new field, unique in the wizard, laid at the bottom of the form's first column. */
export function addField(state: WizardState, label = 'New field'): WizardState {
  const used = new Set(state.fields.map((f) => f.key));
  let key = '';
  do key = `field_${Date.now().toString(36)}_${(counter += 1)}`;
  while (used.has(key));
  const field: WizardField = { key, label, name: deriveName(label), nameEdited: false, type: 'string', required: false, choices: [], reference: '' };
  return { ...state, fields: [...state.fields, field], layout: [[...state.layout[0], key], state.layout[1]] };
}

/** Changes one field; a label edit renames it until its name was typed by hand. */
export function updateField(state: WizardState, key: string, patch: Partial<WizardField>): WizardState {
  return {
    ...state,
    fields: state.fields.map((f) => {
      if (f.key !== key) return f;
      const next = { ...f, ...patch };
      if (patch.label !== undefined && !next.nameEdited && patch.name === undefined) next.name = deriveName(patch.label);
      return next;
    }),
  };
}

export function removeField(state: WizardState, key: string): WizardState {
  return {
    ...state,
    fields: state.fields.filter((f) => f.key !== key),
    layout: [state.layout[0].filter((k) => k !== key), state.layout[1].filter((k) => k !== key)],
    access: state.access.requesterField === key ? { ...state.access, requesterField: '' } : state.access,
  };
}

/** Moves an item of a list from one index to another (what a drop or a keyboard move does). */
export function moveItem<T>(list: readonly T[], from: number, to: number): T[] {
  const copy = [...list];
  const [item] = copy.splice(from, 1);
  if (item === undefined) return copy;
  copy.splice(Math.max(0, Math.min(to, copy.length)), 0, item);
  return copy;
}

export function moveField(state: WizardState, fromKey: string, toKey: string): WizardState {
  const from = state.fields.findIndex((f) => f.key === fromKey);
  const to = state.fields.findIndex((f) => f.key === toKey);
  if (from < 0 || to < 0 || from === to) return state;
  return { ...state, fields: moveItem(state.fields, from, to) };
}

/**
 * Places a form item in column `column` at `index` (removed from where it was). Used by drops on the board and by
 * the keyboard "move to column" buttons.
 */
export function placeOnForm(state: WizardState, item: string, column: 0 | 1, index: number): WizardState {
  const cols: [string[], string[]] = [state.layout[0].filter((k) => k !== item), state.layout[1].filter((k) => k !== item)];
  const target = cols[column];
  target.splice(Math.max(0, Math.min(index, target.length)), 0, item);
  return { ...state, layout: cols };
}

/** The board's items: every wizard field and base field exactly once (new ones appended, removed ones dropped). */
export function reconcileLayout(state: WizardState): [string[], string[]] {
  const valid = new Set([...state.fields.map((f) => f.key), ...BASE_FORM_FIELDS.map((f) => f.name)]);
  const seen = new Set<string>();
  const keep = (col: string[]) => col.filter((k) => valid.has(k) && !seen.has(k) && seen.add(k));
  const cols: [string[], string[]] = [keep(state.layout[0]), keep(state.layout[1])];
  for (const k of valid) if (!seen.has(k)) cols[0].push(k);
  return cols;
}

export function applyTemplate(state: WizardState, template: StateTemplate): WizardState {
  const t = STATE_TEMPLATES[template];
  return { ...state, template, states: t.states.map((s) => ({ ...s })), transitions: t.transitions.map((x) => ({ ...x })), initial: t.states[0]!.name };
}

/** Renames a state's stored value; the moves and the initial state follow it. */
export function renameStateValue(state: WizardState, index: number, name: string): WizardState {
  const old = state.states[index]?.name;
  if (old === undefined) return state;
  const swap = (n: string) => (n === old ? name : n);
  return {
    ...state,
    states: state.states.map((s, i) => (i === index ? { ...s, name } : s)),
    transitions: state.transitions.map((t) => ({ ...t, from: swap(t.from), to: swap(t.to) })),
    initial: swap(state.initial),
  };
}

export function setStateLabel(state: WizardState, index: number, label: string): WizardState {
  return { ...state, states: state.states.map((s, i) => (i === index ? { ...s, label } : s)) };
}

export function setStateCategory(state: WizardState, index: number, category: StateCategory): WizardState {
  return { ...state, states: state.states.map((s, i) => (i === index ? { ...s, category } : s)) };
}
