import type { Execute } from '../itsm/demo-data.js';
import { demoEmployee, recordCreator } from '../record-creator.js';

const CLAIMS: [string, string, string, string, string | null][] = [
  ['Train to the Berlin office', '86.40', 'EUR', '2026-09-03', null],
  ['Hotel for the customer visit', '312.00', 'GBP', '2026-09-17', 'https://receipts.example.com/erin/0917'],
  ['Conference ticket', '450.00', 'USD', '2026-10-01', 'https://receipts.example.com/erin/1001'],
];

/**
 * The finance unit's agents and a few expense claims, after the ITSM demo data: the finance_agent role on a
 * Finance group, and three claims by Erin (the large ones with receipts). Deterministic.
 */
export async function loadFinanceDemoData(execute: Execute): Promise<{ records: number }> {
  const records = recordCreator(execute);
  const role = await records.create('Role', { name: 'finance_agent', description: 'Checks and pays expense claims.' });
  const group = await records.create('AssignmentGroup', { name: 'Finance', email: 'finance@example.com' });
  await records.create('RoleGrant', { role, assignmentGroup: group });
  const erin = await demoEmployee(execute);
  if (!erin) return { records: records.count };
  for (const [shortDescription, amount, currency, spentOn, receiptsUrl] of CLAIMS)
    await records.create('ExpenseClaim', { shortDescription, amount, currency, spentOn, receiptsUrl, costCenter: 'CC-4100', claimant: erin, assignmentGroup: group }, 'erin.employee');
  return { records: records.count };
}
