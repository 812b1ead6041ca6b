// @vitest-environment happy-dom
import { MantineProvider } from '@mantine/core';
import { act } from 'react';
import { describe, expect, it } from 'vitest';
import { FormPreview } from '../../../studio/src/form-designer/FormPreview.js';
import { POLICIES, ticketModel, TICKET_FORM } from './fixture-model.js';
import { useTestRoot } from '../test-root.js';

const dom = useTestRoot();


const input = (field: string) => dom.container.querySelector<HTMLInputElement | HTMLTextAreaElement>(`[data-field="${field}"]`);

/** Types into a controlled input as a person would: the native setter, then the input event React listens to. */
function type(el: HTMLInputElement | HTMLTextAreaElement, value: string) {
  const proto = el instanceof HTMLTextAreaElement ? HTMLTextAreaElement.prototype : HTMLInputElement.prototype;
  act(() => {
    Object.getOwnPropertyDescriptor(proto, 'value')!.set!.call(el, value);
    el.dispatchEvent(new Event('input', { bubbles: true }));
  });
}

function render(policies = POLICIES, form = TICKET_FORM) {
  act(() =>
    dom.root.render(
      <MantineProvider>
        <FormPreview model={ticketModel()} form={form} policies={policies} />
      </MantineProvider>,
    ),
  );
}

describe('the form preview', () => {
  it('lays out the form and marks the required field mandatory', () => {
    render();
    expect(input('title')?.required).toBe(true);
    expect(input('caller')?.required).toBe(false);
    expect(input('due')).toBeNull();
  });

  it('makes a field mandatory while typed values meet a policy, and reverts when they no longer do', () => {
    render();
    type(input('priority')!, '1');
    expect(input('caller')?.required).toBe(true);
    type(input('priority')!, '2');
    expect(input('caller')?.required).toBe(false);
  });

  it('hides a field until the policy shows it, and names it meanwhile', () => {
    render();
    expect(input('notes')).toBeNull();
    expect(dom.container.textContent).toContain('Hidden by UI policies: Resolution notes');
    type(input('status')!, 'resolved');
    expect(input('notes')).not.toBeNull();
    expect(dom.container.textContent).not.toContain('Hidden by UI policies');
    type(input('status')!, 'open');
    expect(input('notes')).toBeNull();
  });

  it('locks a read-only field', () => {
    render([{ name: 'lock', recordType: 'ticket', actions: [{ field: 'caller', readOnly: true }], order: 100, reverseIfFalse: true }]);
    expect(input('caller')?.readOnly).toBe(true);
    expect(input('priority')?.readOnly).toBe(false);
  });
});
