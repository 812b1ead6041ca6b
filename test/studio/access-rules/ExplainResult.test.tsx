// @vitest-environment happy-dom
import { MantineProvider } from '@mantine/core';
import { act } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { AccessRulesExplainQuery } from '../../../studio/src/graphql/generated/graphql.js';
import { ExplainResult } from '../../../studio/src/access-rules/ExplainResult.js';

type Explanation = AccessRulesExplainQuery['explainAccess'];
type Decision = Explanation['operations'][number];

const verdict = (rule: string, rest: Partial<Decision['rules'][number]>): Decision['rules'][number] => ({
  rule,
  description: null,
  appliesToUser: false,
  condition: null,
  through: null,
  conditionHolds: null,
  grants: false,
  criteria: [],
  ...rest,
});
const decision = (operation: string, allowed: boolean, reason: string, rules: Decision['rules'] = [], decidedBy: string | null = 'customer_case'): Decision => ({ operation, allowed, reason, rules, decidedBy });

const DENIED: Explanation = {
  userName: 'dave.contact',
  admin: false,
  recordType: 'customer_case',
  recordId: 'Q3VzdG9tZXJDYXNlOjE',
  recordNumber: 'CS0000001',
  recordExists: true,
  operations: [
    decision('read', false, 'the rules for this user do not match this record', [
      verdict('case_read_account', { appliesToUser: true, conditionHolds: false, criteria: [{ name: 'contacts', matched: true }], description: 'Contacts see their cases.' }),
      verdict('case_read_group', { conditionHolds: false, criteria: [{ name: 'agents', matched: false }] }),
    ]),
    decision('create', false, 'no rule allows create', [], null),
    decision('update', false, 'none of the rules on customer_case is for this user (criteria not matched)'),
    decision('delete', false, 'no rule allows delete on customer_case records, so only admins may', [], null),
  ],
  fields: [
    { field: 'product', read: decision('read', false, 'the rules for this user do not match this record', [verdict('case_product_read', { criteria: [{ name: 'agents', matched: false }] })]), write: decision('write', false, 'denied', []) },
    { field: 'channel', read: decision('read', false, "no rule restricts this field, so the record's read access decides", [], null), write: decision('write', false, 'x', [], null) },
  ],
};

let container: HTMLElement;
let root: Root;
beforeEach(() => {
  (globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;
  container = document.createElement('div');
  document.body.appendChild(container);
  root = createRoot(container);
});
afterEach(() => {
  act(() => root.unmount());
  container.remove();
});

function render(explanation: Explanation) {
  act(() =>
    root.render(
      <MantineProvider>
        <ExplainResult explanation={explanation} label={(t) => (t === 'customer_case' ? 'case' : t)} />
      </MantineProvider>,
    ),
  );
}

const byLabel = (label: string) => container.querySelector(`[aria-label="${label}"]`);

describe('ExplainResult', () => {
  it('says who on which record, each operation allowed or denied, and why a rule did not grant', () => {
    render(DENIED);
    expect(container.textContent).toContain('dave.contact on case CS0000001');
    expect(byLabel('read: denied')).not.toBeNull();
    expect(byLabel('read: allowed')).toBeNull();
    // The read panel is open: each rule says whether its criteria matched and whether the record met its condition.
    const account = byLabel('Rule case_read_account: does not grant')!;
    expect(account.textContent).toContain('contacts: matched');
    expect(account.textContent).toContain('record does not match the condition');
    expect(account.textContent).toContain('Contacts see their cases.');
    expect(byLabel('Rule case_read_group: does not grant')!.textContent).toContain('agents: not matched');
    expect(container.textContent).toContain('Decided by the rules of customer_case: the rules for this user do not match this record.');
  });

  it('lists only the fields a field rule governs until every field is asked for', () => {
    render(DENIED);
    const fieldNames = () => [...container.querySelectorAll('table[aria-label="Field access"] tbody tr td:first-child')].map((td) => td.textContent);
    expect(fieldNames()).toEqual(['product']);
    const toggle = [...container.querySelectorAll('input[type="checkbox"]')].find((i) => i.closest('label, div')?.textContent?.includes('Show every field')) as HTMLInputElement;
    act(() => toggle.click());
    expect(fieldNames()).toEqual(['product', 'channel']);
  });

  it('marks a granting rule and an admin user, and a record that does not exist', () => {
    render({
      ...DENIED,
      admin: true,
      recordExists: false,
      recordNumber: null,
      operations: [decision('read', true, 'allowed by case_read_account', [verdict('case_read_account', { appliesToUser: true, conditionHolds: true, grants: true })]), ...DENIED.operations.slice(1)],
    });
    expect(byLabel('read: allowed')).not.toBeNull();
    expect(byLabel('Rule case_read_account: grants')!.textContent).toContain('record matches the condition');
    expect(container.textContent).toContain('This user holds the admin role');
    expect(container.textContent).toContain('No such record');
    // Without a number, the record is named by its id.
    expect(container.textContent).toContain('Q3VzdG9tZXJDYXNlOjE');
  });
});
