// @vitest-environment happy-dom
import { MantineProvider } from '@mantine/core';
import { act } from 'react';
import { describe, expect, it, vi } from 'vitest';
import type { StateModelDoc } from '../../../schema/case/index.js';
import { StateModelEditor } from '../../../studio/src/state-model-designer/index.js';
import { bigModel, smallModel } from './fixtures.js';
import { useTestRoot } from '../test-root.js';

const dom = useTestRoot();


async function render(doc: StateModelDoc, onChange = vi.fn()) {
  await act(async () => {
    dom.root.render(
      <MantineProvider>
        <StateModelEditor doc={doc} onChange={onChange} problems={[]} model={null} readOnly={false} />
      </MantineProvider>,
    );
  });
  // The layout (no worker here: the layered fallback) settles in a microtask.
  await act(async () => new Promise((r) => setTimeout(r, 0)));
  return onChange;
}

const button = (name: string) => [...document.querySelectorAll('button')].find((b) => b.getAttribute('aria-label') === name || b.textContent?.trim() === name)!;
const nodes = () => [...dom.container.querySelectorAll('.react-flow__node')].map((n) => n.getAttribute('data-id'));
const findings = () => [...dom.container.querySelectorAll('[aria-label="Findings"] [role="listitem"]')].map((n) => n.textContent);
const tab = (name: RegExp) => [...dom.container.querySelectorAll('[role="tab"]')].find((t) => name.test(t.textContent ?? ''))!.textContent;
const click = (el: Element) => act(async () => void (el as HTMLElement).click());

describe('StateModelEditor', () => {
  it('shows every state on the canvas and in the list, the initial one marked, no findings', async () => {
    await render(smallModel());
    expect(nodes()).toEqual(['new', 'work', 'closed', 'cancelled']);
    expect(dom.container.querySelector('.react-flow__node[data-id="new"]')!.textContent).toContain('Initial');
    expect(dom.container.querySelector('.react-flow__node[data-id="work"] [data-category]')!.getAttribute('data-category')).toBe('in_progress');
    expect(tab(/^States/)).toBe('States (4)');
    expect(findings()).toEqual([]);
  });

  it('adds a state with the button (a finding appears), undoes and redoes it, reporting each document', async () => {
    const onChange = await render(smallModel());
    await click(button('Add state'));
    expect(nodes()).toContain('new_state');
    expect(findings()).toEqual([expect.stringContaining('No transition reaches "New state"')]);
    expect(onChange).toHaveBeenLastCalledWith(expect.objectContaining({ states: expect.arrayContaining([expect.objectContaining({ name: 'new_state' })]) }));
    // The inspector edits the new state.
    expect(dom.container.querySelector('[aria-label="Inspector"]')!.textContent).toContain('State New state');

    await click(button('Undo'));
    expect(nodes()).not.toContain('new_state');
    expect(findings()).toEqual([]);
    expect((onChange.mock.lastCall![0] as StateModelDoc).states).toHaveLength(4);
    await click(button('Redo'));
    expect(nodes()).toContain('new_state');
  });

  it('deletes the selected state and its transitions with the Delete key, undoably with Ctrl+Z', async () => {
    await render(smallModel());
    const selectWork = [...dom.container.querySelectorAll('button')].find((b) => b.getAttribute('aria-label') === 'Select state Work')!;
    await click(selectWork);
    await act(async () => void selectWork.dispatchEvent(new KeyboardEvent('keydown', { key: 'Delete', bubbles: true })));
    expect(nodes()).toEqual(['new', 'closed', 'cancelled']);
    expect(tab(/^Transitions/)).toBe('Transitions (1)');
    const anyButton = button('Zoom to fit');
    await act(async () => void anyButton.dispatchEvent(new KeyboardEvent('keydown', { key: 'z', ctrlKey: true, bubbles: true })));
    expect(nodes()).toEqual(['new', 'work', 'closed', 'cancelled']);
    expect(tab(/^Transitions/)).toBe('Transitions (3)');
  });

  it('copies and pastes states with the transitions between them under fresh names', async () => {
    await render(smallModel());
    await click(dom.container.querySelector('[aria-label="Select state Work"]')!);
    await click(button('Copy states'));
    await click(button('Paste states'));
    expect(nodes()).toContain('work_copy');
    expect(dom.container.querySelector('.react-flow__node[data-id="work_copy"]')!.textContent).toContain('Work (copy)');
  });

  it('renders a 200-state model on the canvas', async () => {
    const started = performance.now();
    await render(bigModel(200));
    expect(nodes()).toHaveLength(200);
    expect(tab(/^Transitions/)).toBe(`Transitions (${bigModel(200).transitions.length})`);
    console.log(`happy-dom: 200 states rendered in ${Math.round(performance.now() - started)} ms`);
  }, 180_000);
});
