// @vitest-environment happy-dom
import { MantineProvider } from '@mantine/core';
import { act, useState } from 'react';
import { describe, expect, it } from 'vitest';
import type { FormDoc } from '../../../schema/form/index.js';
import { FormLayoutEditor } from '../../../studio/src/form-designer/FormLayoutEditor.js';
import { ticketModel, TICKET_FORM } from './fixture-model.js';
import { useTestRoot } from '../test-root.js';

const dom = useTestRoot();
let latest: FormDoc;


function Harness({ readOnly }: { readOnly?: boolean }) {
  const [form, setForm] = useState(TICKET_FORM);
  latest = form;
  return <FormLayoutEditor form={form} type={ticketModel().types.get('ticket')!} readOnly={readOnly} onChange={(fn) => setForm((prev) => fn(prev))} />;
}

function render(readOnly?: boolean) {
  act(() =>
    dom.root.render(
      <MantineProvider>
        <Harness readOnly={readOnly} />
      </MantineProvider>,
    ),
  );
}

const byLabel = (label: string) => document.querySelector<HTMLElement>(`[aria-label="${label}"]`);
const click = async (el: HTMLElement | null) => {
  expect(el, 'element to click').not.toBeNull();
  await act(async () => el!.click());
};
const menuItem = (text: string) => [...document.querySelectorAll<HTMLElement>('[role="menuitem"]')].find((el) => el.textContent?.trim() === text) ?? null;

describe('the layout canvas without a mouse', () => {
  it('moves a field down and to another column through its menu', async () => {
    render();
    await click(byLabel('Actions for Title'));
    await click(menuItem('Move down'));
    expect(latest.sections[0].columns[0]).toEqual(['priority', 'title']);
    await click(byLabel('Actions for Title'));
    await click(menuItem('Column 2'));
    expect(latest.sections[0].columns).toEqual([['priority'], ['caller', 'title']]);
  });

  it('adds a palette field to a chosen column, and removes a field back to the palette', async () => {
    render();
    expect(dom.container.querySelector('[data-palette-field="due"]')).not.toBeNull();
    await click(byLabel('Add Due to the form'));
    await click(menuItem('Resolution'));
    expect(latest.sections[1].columns[0]).toEqual(['status', 'notes', 'due']);
    expect(dom.container.querySelector('[data-palette-field="due"]')).toBeNull();
    await click(byLabel('Actions for Caller'));
    await click(menuItem('Remove from form'));
    expect(latest.sections[0].columns[1]).toEqual([]);
    expect(dom.container.querySelector('[data-palette-field="caller"]')).not.toBeNull();
  });

  it('reorders, re-columns and removes sections with its controls', async () => {
    render();
    await click(byLabel('Move section Resolution up'));
    expect(latest.sections.map((s) => s.label)).toEqual(['Resolution', undefined]);
    const columns = byLabel('Columns of section 1') as HTMLSelectElement;
    await act(async () => {
      columns.value = '2';
      columns.dispatchEvent(new Event('change', { bubbles: true }));
    });
    expect(latest.sections[0].columns).toEqual([['status', 'notes'], []]);
    await click(byLabel('Remove section Resolution'));
    expect(latest.sections).toHaveLength(1);
    expect((byLabel('Remove section Section 1') as HTMLButtonElement).disabled).toBe(true);
  });

  it('offers no drag handles or menus when read-only', () => {
    render(true);
    expect(byLabel('Drag Title')).toBeNull();
    expect(byLabel('Actions for Title')).toBeNull();
    expect(byLabel('Add Due to the form')).toBeNull();
  });
});
