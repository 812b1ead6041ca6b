import { describe, expect, it } from 'vitest';
import { EMPTY_SNAPSHOT, type MetadataSnapshot } from '../../../schema/metadata/index.js';
import { documentHref, problemHref } from '../../../studio/src/publish/problem-href.js';

// Only what problemHref reads: which documents exist, and the record type of rules and policies.
const snapshot = {
  ...EMPTY_SNAPSHOT,
  recordTypes: { incident: { name: 'incident' }, hr_case: { name: 'hr_case' } },
  forms: { incident_default: { name: 'incident_default', recordType: 'incident' } },
  uiPolicies: { incident_resolve: { name: 'incident_resolve', recordType: 'incident' }, hr_lock: { name: 'hr_lock', recordType: 'hr_case' } },
  acls: { incident_read: { name: 'incident_read', recordType: 'incident' } },
} as unknown as MetadataSnapshot;

describe('problemHref', () => {
  it('sends a record type problem to its designer, naming the field when the path has one', () => {
    expect(problemHref('incident.fields.caller.reference', snapshot)).toBe('/record-types/incident?field=caller');
    expect(problemHref('incident.fields', snapshot)).toBe('/record-types/incident');
    expect(problemHref('incident.extends', snapshot)).toBe('/record-types/incident');
    expect(problemHref('incident', snapshot)).toBe('/record-types/incident');
  });

  it('sends an ACL to the access rules of its record type', () => {
    expect(problemHref('acls.incident_read.condition', snapshot)).toBe('/access-rules/incident');
    expect(problemHref('acls.gone', snapshot)).toBe('/access-rules');
  });

  it("sends a UI policy to its type's form, or to the type when it has no form", () => {
    expect(problemHref('uiPolicies.incident_resolve.actions.0', snapshot)).toBe('/forms/incident_default');
    expect(problemHref('uiPolicies.hr_lock', snapshot)).toBe('/forms/hr_case');
    expect(problemHref('uiPolicies.unknown', snapshot)).toBe('/forms');
  });

  it('sends every other kind to its own designer by name', () => {
    expect(problemHref('forms.incident_default.sections.0', snapshot)).toBe('/forms/incident_default');
    expect(problemHref('stateModels.incident_states.transitions.2', snapshot)).toBe('/state-models/incident_states');
    expect(problemHref('caseTypes.hr_case.recordType', snapshot)).toBe('/case-types/hr_case');
    expect(problemHref('userCriteria.it_agents', snapshot)).toBe('/user-criteria/it_agents');
    expect(problemHref('businessUnits.hr', snapshot)).toBe('/case-types?unit=hr');
  });

  it('gives no link for paths that name no document', () => {
    expect(problemHref('', snapshot)).toBeNull();
    expect(problemHref('identity', snapshot)).toBeNull();
    expect(problemHref('no_such_type.fields.x', snapshot)).toBeNull();
    expect(problemHref('acls', snapshot)).toBeNull();
  });

  it('encodes names into the route', () => {
    expect(documentHref('form', 'a b/c', snapshot)).toBe('/forms/a%20b%2Fc');
  });
});
