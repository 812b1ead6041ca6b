import type { Execute } from '../itsm/demo-data.js';
import { demoEmployee, recordCreator } from '../record-creator.js';

const REQUESTS: [string, string, string, string][] = [
  ['Light flickers above desk 12', 'ELECTRICAL', 'LOW', 'Floor 2, open space'],
  ['Radiator cold in meeting room', 'HEATING', 'MEDIUM', 'Floor 1, room Ada'],
  ['Leaking tap in the kitchen', 'PLUMBING', 'HIGH', 'Floor 3, kitchen'],
];

/**
 * The facilities unit's agents and a few requests, after the ITSM demo data: the facilities_agent role on a
 * Facilities group, and three maintenance requests reported by Erin at the first location. Deterministic.
 */
export async function loadFacilitiesDemoData(execute: Execute): Promise<{ records: number }> {
  const records = recordCreator(execute);
  const role = await records.create('Role', { name: 'facilities_agent', description: 'Works facilities requests.' });
  const group = await records.create('AssignmentGroup', { name: 'Facilities', email: 'facilities@example.com' });
  await records.create('RoleGrant', { role, assignmentGroup: group });
  const erin = await demoEmployee(execute);
  const location = (await execute(`query { locations(first: 1, orderBy: [NAME_ASC]) { nodes { id } } }`, {})).locations.nodes[0]?.id;
  if (!erin || !location) return { records: records.count };
  for (const [shortDescription, category, urgency, room] of REQUESTS)
    await records.create('FacilitiesRequest', { shortDescription, category, urgency, room, location, requestedFor: erin, assignmentGroup: group }, 'erin.employee');
  return { records: records.count };
}
