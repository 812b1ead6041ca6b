// @vitest-environment happy-dom
import { MantineProvider } from '@mantine/core';
import { act, useState } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { EMPTY_SNAPSHOT, type MetadataSnapshot } from '../../../schema/metadata/index.js';
import { AccessStep } from '../../../studio/src/case-types/wizard/AccessStep.js';
import { BasicsStep } from '../../../studio/src/case-types/wizard/BasicsStep.js';
import { initialWizardState } from '../../../studio/src/case-types/wizard/wizard-reducers.js';
import type { WizardState } from '../../../studio/src/case-types/wizard/wizard-state.js';
import { relocationWizard } from './relocation-wizard.js';

let snapshot: MetadataSnapshot;
let container: HTMLElement;
let root: Root;
let latest: WizardState;

// The server's pack reader does not run under happy-dom: the few documents these steps read, by hand.
beforeAll(() => {
  snapshot = {
    ...EMPTY_SNAPSHOT,
    recordTypes: { hr_leave_request: { name: 'hr_leave_request', label: 'Leave request', extends: 'task', fields: [] } },
    caseTypes: { hr_leave_request: { name: 'hr_leave_request', businessUnit: 'hr', submitters: [], fulfillers: [], routingRules: [], slas: [], approvalFlows: [] } },
    userCriteria: { employees: { name: 'employees', label: 'Employees' }, hr_agents: { name: 'hr_agents', label: 'HR agents' } },
  } as unknown as MetadataSnapshot;
});
beforeEach(() => {
  // Mantine's autosize textarea listens for font loads; happy-dom has no document.fonts.
  if (!('fonts' in document)) Object.defineProperty(document, 'fonts', { configurable: true, value: { addEventListener() {}, removeEventListener() {} } });
  (globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;
  container = document.createElement('div');
  document.body.append(container);
  root = createRoot(container);
});
afterEach(() => {
  act(() => root.unmount());
  container.remove();
});

/** Renders a step with real state, so typing changes what it shows; `latest` is the state after each change. */
function Harness({ initial, step }: { initial: WizardState; step: 'basics' | 'access' }) {
  const [state, setState] = useState(initial);
  latest = state;
  const update = (change: (prev: WizardState) => WizardState) => setState(change);
  return (
    <MantineProvider>
      {step === 'basics' ? (
        <BasicsStep state={state} update={update} snapshot={snapshot} units={[{ value: 'hr', label: 'Human Resources' }]} />
      ) : (
        <AccessStep state={state} update={update} snapshot={snapshot} />
      )}
    </MantineProvider>
  );
}

function input(label: string): HTMLInputElement {
  const el = [...container.querySelectorAll('label')].find((l) => l.textContent?.replace(/\s*\*$/, '').trim() === label);
  if (!el) throw new Error(`no input labelled ${label}`);
  return container.querySelector(`#${CSS.escape(el.htmlFor)}`) as HTMLInputElement;
}

function type(el: HTMLInputElement, value: string) {
  const setter = Object.getOwnPropertyDescriptor(window.HTMLInputElement.prototype, 'value')!.set!;
  act(() => {
    setter.call(el, value);
    el.dispatchEvent(new Event('input', { bubbles: true }));
  });
}

describe('step 1, basics', () => {
  it('derives the name from the label and refuses a taken or malformed one inline', () => {
    act(() => root.render(<Harness initial={initialWizardState('hr')} step="basics" />));
    type(input('Label'), 'Leave request');
    expect(input('Name').value).toBe('hr_leave_request');
    expect(container.textContent).toContain('"hr_leave_request" is taken');
    type(input('Name'), 'Hr Move');
    expect(container.textContent).toContain('is not a valid name');
    expect(latest.basics.nameEdited).toBe(true);
    type(input('Name'), 'hr_move');
    expect(container.textContent).not.toContain('is not a valid name');
    type(input('Number prefix'), '9x');
    expect(input('Number prefix').value).toBe('9X');
    expect(container.textContent).toContain('a number prefix is 1 to 10 upper-case letters');
  });
});

describe('step 5, access', () => {
  it('lists the proposed rules as sentences, with criteria labels', () => {
    act(() => root.render(<Harness initial={relocationWizard()} step="access" />));
    const region = container.querySelector('[aria-label="Proposed access rules"]')!;
    expect([...region.querySelectorAll('li')].map((li) => li.textContent)).toEqual([
      'Employees may create Relocation cases whose Requested for is themselves.',
      'Employees may see Relocation cases whose Requested for is themselves.',
      'HR agents may see every Relocation case.',
      'HR agents may update every Relocation case.',
    ]);
  });

  it('says when no field can hold the requester, and proposes no self-service rule then', () => {
    const s = relocationWizard();
    act(() => root.render(<Harness initial={{ ...s, fields: s.fields.filter((f) => f.key !== 'requested_for'), access: { ...s.access, requesterField: '' } }} step="access" />));
    expect(container.textContent).toContain('no field refers to a person');
    const region = container.querySelector('[aria-label="Proposed access rules"]')!;
    expect([...region.querySelectorAll('li')].map((li) => li.textContent)).toEqual(['HR agents may see every Relocation case.', 'HR agents may update every Relocation case.']);
  });
});
