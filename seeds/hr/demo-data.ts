import type { Execute } from '../itsm/demo-data.js';
import { demoEmployee, recordCreator } from '../record-creator.js';

/** The HR unit's personas for the development sign-in: its administrator (no platform role) and an agent. */
export const HR_PERSONAS = [
  { userName: 'hana.hradmin', name: 'Hana HR-Admin', description: "HR unit administrator: drafts and publishes HR's case types, without the platform admin role." },
  { userName: 'hugo.hragent', name: 'Hugo HR-Agent', description: 'HR agent: works leave requests and employee changes.' },
] as const;

/**
 * The HR unit's people and a few cases, through the public mutations, after the ITSM demo data (it needs its
 * employees): the hr_admin and hr_agent roles, an HR group holding hr_agent, Hana (hr_admin) and Hugo (in HR),
 * three leave requests submitted by Erin and one employee change recorded by Hugo. Deterministic.
 */
export async function loadHrDemoData(execute: Execute): Promise<{ records: number }> {
  const records = recordCreator(execute);
  const create = records.create;
  const hrAdmin = await create('Role', { name: 'hr_admin', description: "Administers the HR unit's metadata (see the hr business unit)." });
  const hrAgent = await create('Role', { name: 'hr_agent', description: 'Works HR cases.' });
  const group = await create('AssignmentGroup', { name: 'HR', email: 'hr@example.com' });
  await create('RoleGrant', { role: hrAgent, assignmentGroup: group });
  const people: Record<string, string> = {};
  for (const p of HR_PERSONAS) people[p.userName] = await create('Person', { userName: p.userName, name: p.name, email: `${p.userName}@example.com` });
  await create('RoleGrant', { role: hrAdmin, person: people['hana.hradmin'] });
  await create('GroupMember', { assignmentGroup: group, person: people['hugo.hragent'] });

  const erin = await demoEmployee(execute);
  if (!erin) return { records: records.count };
  const leave: [string, string, string, number][] = [
    ['annual', '2026-10-05', '2026-10-09', 5],
    ['sick', '2026-09-14', '2026-09-14', 1],
    ['annual', '2026-12-23', '2026-12-31', 5.5],
  ];
  for (const [leaveType, startDate, endDate, days] of leave)
    await create(
      'HrLeaveRequest',
      { shortDescription: `${leaveType === 'sick' ? 'Sick' : 'Annual'} leave ${startDate}`, description: leaveType === 'sick' ? 'Flu; doctor note to follow.' : null, employee: erin, leaveType: leaveType.toUpperCase(), startDate, endDate, days: String(days) },
      'erin.employee',
    );
  await create(
    'HrEmployeeChange',
    { shortDescription: 'Erin moves to Berlin', employee: erin, changeType: 'LOCATION', effectiveDate: '2027-01-01', newValue: 'Berlin', assignmentGroup: group },
    'hugo.hragent',
  );
  return { records: records.count };
}
