import { describe, expect, it } from 'vitest';
import { EMPTY_SNAPSHOT, validateSnapshot, type MetadataSnapshot, type ScheduleDoc, type SlaDefinitionDoc } from '../../schema/index.js';

const NAME = [{ name: 'name', label: 'Name', type: 'string' as const }];
/** person, assignment_group, an abstract task with state/priority/assignment, incident extending it, a schedule. */
const world = (over: Partial<MetadataSnapshot> = {}): MetadataSnapshot => ({
  ...EMPTY_SNAPSHOT,
  recordTypes: {
    person: { name: 'person', label: 'Person', fields: NAME },
    assignment_group: { name: 'assignment_group', label: 'Group', fields: NAME },
    location: { name: 'location', label: 'Location', fields: NAME },
    task: {
      name: 'task',
      label: 'Task',
      abstract: true,
      fields: [
        { name: 'state', label: 'State', type: 'choice', choices: [{ value: 'new', label: 'New' }, { value: 'on_hold', label: 'On hold' }, { value: 'resolved', label: 'Resolved' }] },
        { name: 'priority', label: 'Priority', type: 'integer' },
        { name: 'assigned_to', label: 'Assigned to', type: 'reference', reference: 'person' },
        { name: 'assignment_group', label: 'Group', type: 'reference', reference: 'assignment_group' },
      ],
    },
    incident: {
      name: 'incident',
      label: 'Incident',
      extends: 'task',
      fields: [
        { name: 'reported_at', label: 'Reported at', type: 'datetime' },
        { name: 'reported_on', label: 'Reported on', type: 'date' },
        { name: 'caller', label: 'Caller', type: 'reference', reference: 'person' },
        { name: 'location', label: 'Location', type: 'reference', reference: 'location' },
      ],
    },
  },
  schedules: { office: office() },
  ...over,
});
function office(over: Partial<ScheduleDoc> = {}): ScheduleDoc {
  return { name: 'office', timeZone: 'Europe/Berlin', hours: [{ days: ['mon', 'tue', 'wed', 'thu', 'fri'], start: '09:00', end: '17:00' }], holidays: [{ date: '2026-12-25' }], ...over };
}
function sla(over: Partial<SlaDefinitionDoc> = {}): SlaDefinitionDoc {
  return { name: 'p1_resolution', recordType: 'incident', type: 'resolution', stop: { field: 'state', op: 'eq', value: 'resolved' }, target: 'PT4H', warnings: [], breachActions: [], ...over };
}
const problems = (s: MetadataSnapshot) => validateSnapshot(s).map((p) => `${p.code} ${p.path}: ${p.message}`);

describe('schedules', () => {
  it('accept a zone, hours that start before they end (24:00 closes the day) and distinct holidays', () => {
    const hours: ScheduleDoc['hours'] = [
      { days: ['mon'], start: '08:00', end: '12:00' },
      { days: ['mon'], start: '13:00', end: '24:00' },
    ];
    expect(problems(world({ schedules: { office: office({ hours }) } }))).toEqual([]);
  });

  it('refuse an unknown time zone, a stretch ending where or before it starts, and a holiday listed twice', () => {
    const bad = office({
      timeZone: 'Europe/Atlantis',
      hours: [
        { days: ['mon'], start: '09:00', end: '17:00' },
        { days: ['tue'], start: '22:00', end: '06:00' },
        { days: ['wed'], start: '10:00', end: '10:00' },
      ],
      holidays: [{ date: '2026-12-25' }, { date: '2026-12-26' }, { date: '2026-12-25', label: 'again' }],
    });
    expect(problems(world({ schedules: { office: bad } }))).toEqual([
      'INVALID_DOCUMENT schedules.office.timeZone: schedule "office" has time zone "Europe/Atlantis", which is not an IANA time zone; use a name such as Europe/Berlin or America/New_York',
      'INVALID_DOCUMENT schedules.office.hours.1: schedule "office": working hours 22:00–06:00 must start before they end; for a shift across midnight give two stretches (22:00–24:00 and 00:00–06:00)',
      'INVALID_DOCUMENT schedules.office.hours.2: schedule "office": working hours 10:00–10:00 must start before they end; for a shift across midnight give two stretches (10:00–24:00 and 00:00–10:00)',
      'INVALID_DOCUMENT schedules.office.holidays.2.date: schedule "office" lists holiday 2026-12-25 twice; remove one',
    ]);
  });
});

describe('SLA definitions', () => {
  it('accept a full definition: conditions, schedule, retroactive start, rising warnings, actions on reference fields', () => {
    const doc = sla({
      appliesTo: { field: 'priority', op: 'lte', value: 2 },
      start: { field: 'state', op: 'eq', value: 'new' },
      pause: { field: 'state', op: 'eq', value: 'on_hold' },
      cancel: { field: 'assignment_group.name', op: 'eq', value: 'void' },
      schedule: 'office',
      retroactiveStart: 'reported_at',
      warnings: [
        { percent: 50, actions: [{ kind: 'notify', to: [{ field: 'assigned_to' }, { field: 'assignment_group' }, { user: 'ada' }] }] },
        { percent: 75, actions: [{ kind: 'raise_priority', by: 1 }] },
      ],
      breachActions: [{ kind: 'reassign', group: 'major_incidents' }, { kind: 'notify', to: [{ field: 'caller' }] }, { kind: 'work_note', body: 'Breached' }],
    });
    expect(problems(world({ slaDefinitions: { p1_resolution: doc } }))).toEqual([]);
  });

  it('name the condition and field that the condition language refuses', () => {
    const doc = sla({ pause: { field: 'colour', op: 'eq', value: 'red' }, stop: { field: 'priority', op: 'eq', value: 'high' } });
    const found = validateSnapshot(world({ slaDefinitions: { p1_resolution: doc } }));
    expect(found.map((p) => `${p.code} ${p.path}`)).toEqual(['INVALID_CONDITION slaDefinitions.p1_resolution.pause.field', 'INVALID_CONDITION slaDefinitions.p1_resolution.stop.value']);
    expect(found[0].message).toContain('colour');
  });

  it('refuse no target, a missing schedule, a retroactive start that is no datetime field, and warnings out of order', () => {
    const doc = sla({
      target: 'PT0H',
      schedule: 'night',
      retroactiveStart: 'reported_on',
      warnings: [
        { percent: 50, actions: [] },
        { percent: 50, actions: [] },
        { percent: 40, actions: [] },
      ],
    });
    expect(problems(world({ slaDefinitions: { p1_resolution: doc } }))).toEqual([
      'INVALID_FIELD slaDefinitions.p1_resolution.retroactiveStart: SLA "p1_resolution" starts retroactively from "reported_on", which is a date field; name a datetime field of the record type',
      'INVALID_DOCUMENT slaDefinitions.p1_resolution.target: SLA "p1_resolution" has target PT0H, which is no time at all; give a duration longer than zero, e.g. PT4H',
      'INVALID_DOCUMENT slaDefinitions.p1_resolution.schedule: SLA "p1_resolution" counts business time on schedule "night", which does not exist; create it, or leave the schedule out to count every hour',
      'INVALID_DOCUMENT slaDefinitions.p1_resolution.warnings.1.percent: SLA "p1_resolution" warns at 50 % after a warning at 50 %; list each percent once, in ascending order',
      'INVALID_DOCUMENT slaDefinitions.p1_resolution.warnings.2.percent: SLA "p1_resolution" warns at 40 % after a warning at 50 %; list each percent once, in ascending order',
    ]);
    expect(problems(world({ slaDefinitions: { p1_resolution: sla({ retroactiveStart: 'opened' }) } }))).toEqual([
      'INVALID_FIELD slaDefinitions.p1_resolution.retroactiveStart: SLA "p1_resolution" starts retroactively from "opened", which is not a field of "incident"; name a datetime field of the record type',
    ]);
  });

  it('refuse notifying a field that is no reference to a person or group, and reassigning to a blank group', () => {
    const doc = sla({
      warnings: [{ percent: 80, actions: [{ kind: 'notify', to: [{ field: 'location' }, { field: 'priority' }, { field: 'watcher' }] }] }],
      breachActions: [{ kind: 'reassign', group: '  ' }],
    });
    expect(problems(world({ slaDefinitions: { p1_resolution: doc } }))).toEqual([
      'INVALID_FIELD slaDefinitions.p1_resolution.warnings.0.actions.0.to.0.field: SLA "p1_resolution" notifies field "location", which points at "location"; name a reference field to a person or assignment_group',
      'INVALID_FIELD slaDefinitions.p1_resolution.warnings.0.actions.0.to.1.field: SLA "p1_resolution" notifies field "priority", which is an integer field; name a reference field to a person or assignment_group',
      'INVALID_FIELD slaDefinitions.p1_resolution.warnings.0.actions.0.to.2.field: SLA "p1_resolution" notifies field "watcher", which is not a field of "incident"; name a reference field to a person or assignment_group',
      'INVALID_DOCUMENT slaDefinitions.p1_resolution.breachActions.0.group: SLA "p1_resolution" reassigns to a group without a name; name the group to assign to',
    ]);
  });

  it('keep the basic checks: the record type must exist', () => {
    expect(problems(world({ slaDefinitions: { p1_resolution: sla({ recordType: 'ticket' }) } }))).toEqual([
      'UNKNOWN_TYPE slaDefinitions.p1_resolution.recordType: SLA definition "p1_resolution" is about record type "ticket", which does not exist',
    ]);
  });

  it('refuse a case type listing an SLA that does not exist', () => {
    const snapshot = world({
      userCriteria: {},
      businessUnits: { it: { name: 'it', label: 'IT', admins: [] } },
      caseTypes: { incident: { name: 'incident', businessUnit: 'it', submitters: [], fulfillers: [], routingRules: [], slas: ['p1_resolution', 'p2_resolution'], approvalFlows: [] } },
      slaDefinitions: { p1_resolution: sla() },
    });
    expect(problems(snapshot)).toEqual(['INVALID_DOCUMENT caseTypes.incident.slas.1: case type "incident" lists SLA "p2_resolution", which does not exist; create it or remove it from the list']);
  });
});
