import { describe, expect, it } from 'vitest';
import { EMPTY_SNAPSHOT, buildModel, validateSnapshot, type MetadataSnapshot, type StateModelDoc, type TransitionDoc } from '../../schema/index.js';

const model = (over: Partial<StateModelDoc> = {}): StateModelDoc => ({
  name: 'incident',
  recordType: 'incident',
  field: 'state',
  initial: 'new',
  states: [
    { name: 'new', label: 'New', category: 'new' },
    { name: 'in_progress', label: 'In progress', category: 'in_progress' },
    { name: 'cancelled', label: 'Cancelled', category: 'cancelled' },
  ],
  transitions: [
    { from: 'new', to: 'in_progress', criteria: [], requires: [] },
    { from: 'new', to: 'cancelled', criteria: ['agents'], requires: ['notes'], condition: { field: 'priority', op: 'lt', value: 3 } },
  ],
  retired: [],
  ...over,
});

const base = (models: Record<string, StateModelDoc> = { incident: model() }): MetadataSnapshot => ({
  ...EMPTY_SNAPSHOT,
  userCriteria: { agents: { name: 'agents', label: 'Agents', match: 'any', roles: ['agent'] } },
  recordTypes: {
    task: {
      name: 'task',
      label: 'Task',
      abstract: true,
      fields: [
        { name: 'state', label: 'State', type: 'choice', required: true, default: 'new', choices: [{ value: 'new', label: 'New' }, { value: 'closed', label: 'Closed' }] },
        { name: 'priority', label: 'Priority', type: 'integer' },
        { name: 'title', label: 'Title', type: 'string' },
      ],
    },
    incident: { name: 'incident', label: 'Incident', extends: 'task', fields: [{ name: 'notes', label: 'Notes', type: 'text' }] },
    problem: { name: 'problem', label: 'Problem', extends: 'task', fields: [{ name: 'cause', label: 'Cause', type: 'text' }] },
  },
  stateModels: models,
});

const problems = (s: MetadataSnapshot) => validateSnapshot(s).map((p) => `${p.code} ${p.path}: ${p.message}`);

describe('state model validation', () => {
  it('accepts a valid model', () => {
    expect(problems(base())).toEqual([]);
  });

  it('needs an existing record type with an active choice field of the name given', () => {
    expect(problems(base({ incident: model({ recordType: 'nothing' }) }))).toEqual([
      'UNKNOWN_TYPE stateModels.incident.recordType: state model "incident" is about record type "nothing", which does not exist',
    ]);
    expect(problems(base({ incident: model({ field: 'title' }) }))).toEqual([
      'INVALID_FIELD stateModels.incident.field: state field "title" of "incident" is string; a state field must be a choice field',
    ]);
    expect(problems(base({ incident: model({ field: 'status' }) }))).toEqual([
      'INVALID_FIELD stateModels.incident.field: state field "status" is not a field of "incident"; add a choice field of that name or name another',
    ]);
  });

  it('refuses duplicate or invalid state names and an initial state that is not one of them', () => {
    const states = [...model().states, { name: 'new', label: 'Again', category: 'new' as const }, { name: 'On Hold', label: 'x', category: 'on_hold' as const }];
    expect(problems(base({ incident: model({ states, initial: 'open' }) }))).toEqual([
      'DUPLICATE_NAME stateModels.incident.states.3.name: state "new" appears twice',
      'INVALID_NAME stateModels.incident.states.4.name: state "On Hold" must be lower-case letters, digits and underscores, starting with a letter (it is stored as a choice value)',
      'INVALID_DOCUMENT stateModels.incident.initial: initial state "open" is not one of the states (new, in_progress, cancelled, On Hold)',
    ]);
  });

  it('checks transitions: known states, no move to itself, no duplicate move, criteria, required fields, conditions', () => {
    const transitions: TransitionDoc[] = [
      { from: 'new', to: 'done', criteria: [], requires: [] },
      { from: 'new', to: 'new', criteria: [], requires: [] },
      { from: 'new', to: 'in_progress', criteria: [], requires: [] },
      { from: 'new', to: 'in_progress', criteria: ['nobody'], requires: ['cause'], condition: { field: 'priority', op: 'eq', value: 'high' } },
    ];
    expect(problems(base({ incident: model({ transitions }) }))).toEqual([
      'INVALID_DOCUMENT stateModels.incident.transitions.0.to: transition to "done": there is no such state (new, in_progress, cancelled)',
      'INVALID_DOCUMENT stateModels.incident.transitions.1.to: transition from "new" to itself changes nothing; remove it',
      'DUPLICATE_NAME stateModels.incident.transitions.3: there are two transitions from "new" to "in_progress"; merge them (criteria and conditions)',
      'UNKNOWN_CRITERIA stateModels.incident.transitions.3.criteria.0: transition new→in_progress names user criteria "nobody", which does not exist',
      'INVALID_FIELD stateModels.incident.transitions.3.requires.0: transition new→in_progress requires "cause", which is not a field of "incident"',
      expect.stringMatching(/^INVALID_CONDITION stateModels\.incident\.transitions\.3\.condition\.value: /),
    ]);
  });

  it('allows one model per record type', () => {
    expect(problems(base({ a: model({ name: 'a' }), b: model({ name: 'b' }) }))).toEqual([
      'DUPLICATE_NAME stateModels.b.recordType: record type "incident" already has state model "a"; a record type has at most one',
    ]);
  });

  it('retires only removed states, once each, to states of the model', () => {
    const retired = [
      { state: 'new', to: 'in_progress' },
      { state: 'on_hold', to: 'gone' },
      { state: 'on_hold', to: 'new' },
    ];
    expect(problems(base({ incident: model({ retired }) }))).toEqual([
      'INVALID_DOCUMENT stateModels.incident.retired.0.state: "new" is still a state of the model; only removed states are retired',
      'INVALID_DOCUMENT stateModels.incident.retired.1.to: retired state "on_hold" moves to "gone", which is not a state of the model (new, in_progress, cancelled)',
      'DUPLICATE_NAME stateModels.incident.retired.2.state: retired state "on_hold" appears twice',
    ]);
  });
});

describe('state model resolution in the model', () => {
  it('makes the model’s states the choices of its type’s state field; the shared enum holds every value', () => {
    const m = buildModel(base());
    const stateOf = (type: string) => m.types.get(type)!.activeFields.find((f) => f.name === 'state')!;
    expect(m.types.get('incident')!.stateModel?.name).toBe('incident');
    expect(m.types.get('problem')!.stateModel).toBeNull();
    expect(stateOf('incident').choices?.map((c) => c.value)).toEqual(['new', 'in_progress', 'cancelled']);
    // A type without a model keeps its declared choices; the abstract type's view may hold any of them.
    expect(stateOf('problem').choices?.map((c) => c.value)).toEqual(['new', 'closed']);
    expect(stateOf('task').choices?.map((c) => c.value)).toEqual(['new', 'closed', 'in_progress', 'cancelled']);
    for (const t of ['task', 'incident', 'problem']) expect(stateOf(t).enumChoices?.map((c) => c.value)).toEqual(['new', 'closed', 'in_progress', 'cancelled']);
  });

  it('gives a model on an abstract type to its descendants that have none of their own', () => {
    const s = base({ task: model({ name: 'task', recordType: 'task', transitions: [] }), incident: model({ states: model().states.slice(0, 2), transitions: [] }) });
    expect(validateSnapshot(s)).toEqual([]);
    const m = buildModel(s);
    expect(m.types.get('problem')!.stateModel?.name).toBe('task');
    expect(m.types.get('incident')!.stateModel?.name).toBe('incident');
    expect(m.types.get('incident')!.activeFields.find((f) => f.name === 'state')!.choices?.map((c) => c.value)).toEqual(['new', 'in_progress']);
  });
});
