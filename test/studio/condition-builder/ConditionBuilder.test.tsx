// @vitest-environment happy-dom
import { MantineProvider } from '@mantine/core';
import { act, useState } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { checkCondition, type Condition } from '../../../schema/condition/index.js';
import type { Model } from '../../../schema/metadata/index.js';
import { ConditionBuilder } from '../../../studio/src/condition-builder/index.js';
import { studioTheme } from '../../../studio/src/shell/theme.js';
import { byLabel, byLabelText, click, errorOf, optionsOf, pick, queryLabel, type } from './builder-dom.js';
import { demoModel } from './demo-model.js';

let model: Model;
let container: HTMLElement;
let root: Root;
let changes: (Condition | null)[];

beforeAll(async () => {
  model = await demoModel();
  // happy-dom has no document.fonts; Mantine's autosizing textarea (the JSON editor) listens to it, as browsers allow.
  if (!('fonts' in document)) Object.defineProperty(document, 'fonts', { value: new EventTarget(), configurable: true });
});

beforeEach(() => {
  (globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;
  container = document.createElement('div');
  document.body.append(container);
  root = createRoot(container);
  changes = [];
});

afterEach(() => {
  act(() => root.unmount());
  container.remove();
});

/** The builder as a designer holds it; "Discard" stands for the page replacing the value from outside. */
function Harness({ initial, recordType, readOnly }: { initial: Condition | null; recordType: string; readOnly?: boolean }) {
  const [value, setValue] = useState<Condition | null>(initial);
  return (
    <MantineProvider env="test" theme={studioTheme}>
      <button type="button" onClick={() => setValue(initial)}>
        Discard
      </button>
      <ConditionBuilder
        model={model}
        recordType={recordType}
        value={value}
        label="Condition of the test"
        readOnly={readOnly}
        onChange={(next) => {
          changes.push(next);
          setValue(next);
        }}
      />
    </MantineProvider>
  );
}

async function mount(initial: Condition | null, recordType = 'incident', readOnly = false) {
  await act(async () => root.render(<Harness initial={initial} recordType={recordType} readOnly={readOnly} />));
}

const last = () => changes[changes.length - 1];
const summary = () => container.querySelector('[role="status"][aria-label="Summary"]')?.textContent;
const valid = (c: Condition | null) => expect(c ? checkCondition(model, 'incident', c, '') : []).toEqual([]);

describe('ConditionBuilder', () => {
  it('builds "State is In progress or On hold and Caller › Account is in my account tree" by picking', async () => {
    await mount(null);
    expect(summary()).toBe('Always');
    await click(byLabel('Add condition to group 1'));
    expect(last()).toEqual({ field: 'short_description', op: 'eq' });
    // The button that added it is gone with the empty state: the new row has the focus.
    expect(document.activeElement).toBe(byLabel('Field of condition 1'));

    await pick('Field of condition 1', 'State');
    expect(await optionsOf('Operator of condition 1')).toEqual(['is', 'is not', 'is one of', 'is not one of', 'is empty', 'is not empty']);
    await pick('Operator of condition 1', 'is one of');
    await pick('Value of condition 1', 'In progress');
    await pick('Value of condition 1', 'On hold');
    expect(last()).toEqual({ field: 'state', op: 'in', value: ['in_progress', 'on_hold'] });

    await click(byLabel('Add condition to group 1'));
    expect(document.activeElement).toBe(byLabel('Field of condition 2'));
    await pick('Field of condition 2', 'Caller');
    await click(byLabel('Follow reference of condition 2'));
    await pick('Field of condition 2, step 2', 'Account');
    await pick('Operator of condition 2', 'is one of');
    expect(await optionsOf('Value source of condition 2')).toEqual(['My account tree', 'My partner customers', 'Specific records']);
    await pick('Value source of condition 2', 'My account tree');

    const built = { and: [{ field: 'state', op: 'in', value: ['in_progress', 'on_hold'] }, { field: 'caller.account', op: 'in', value: { dynamic: 'my_account_tree' } }] };
    expect(last()).toEqual(built);
    valid(last());
    expect(summary()).toBe('State is In progress or On hold and Caller › Account is in my account tree');
  });

  it('offers no contains on a number, and the operators of text on text', async () => {
    await mount({ field: 'priority', op: 'eq', value: 1 });
    const numberOps = await optionsOf('Operator of condition 1');
    expect(numberOps).not.toContain('contains');
    expect(numberOps).toContain('is greater than');
    await pick('Field of condition 1', 'Short description');
    expect(await optionsOf('Operator of condition 1')).toEqual(expect.arrayContaining(['contains', 'starts with', 'ends with']));
    // The operator fitted both fields; the number did not fit the text field, so it went.
    expect(last()).toEqual({ field: 'short_description', op: 'eq' });
    await type(byLabel('Value of condition 1'), 'printer');
    expect(last()).toEqual({ field: 'short_description', op: 'eq', value: 'printer' });
  });

  it('adds an any-group, switches groups between all and any, negates a group and a row', async () => {
    await mount({ field: 'priority', op: 'eq', value: 1 });
    await click(byLabel('Add group to group 1'));
    expect(last()).toEqual({ and: [{ field: 'priority', op: 'eq', value: 1 }, { or: [{ field: 'short_description', op: 'eq' }] }] });

    await pick('Field of condition 2', 'Impact');
    await pick('Value of condition 2', 'High');
    await click(byLabel('Add condition to group 2'));
    await pick('Field of condition 3', 'Caller');
    await pick('Value source of condition 3', 'Me');
    const any = { or: [{ field: 'impact', op: 'eq', value: 'high' }, { field: 'caller', op: 'eq', value: { dynamic: 'me' } }] };
    expect(last()).toEqual({ and: [{ field: 'priority', op: 'eq', value: 1 }, any] });
    expect(summary()).toBe('Priority is 1 and (Impact is High or Caller is me)');

    await click(byLabel('Negate group 2'));
    expect(last()).toEqual({ and: [{ field: 'priority', op: 'eq', value: 1 }, { not: any }] });

    const match = byLabel('Match of group 1');
    await click(match.querySelector<HTMLInputElement>('input[value="or"]')!);
    expect(last()).toEqual({ or: [{ field: 'priority', op: 'eq', value: 1 }, { not: any }] });

    await click(byLabel('More actions for condition 1'));
    const negate = [...document.querySelectorAll<HTMLElement>('[role="menuitem"]')].find((m) => m.textContent === 'Negate')!;
    await click(negate);
    const done = { or: [{ not: { field: 'priority', op: 'eq', value: 1 } }, { not: any }] };
    expect(last()).toEqual(done);
    valid(last());
    expect(summary()).toBe('Not Priority is 1 or not (Impact is High or Caller is me)');

    await click(byLabel('More actions for condition 1'));
    await click([...document.querySelectorAll<HTMLElement>('[role="menuitem"]')].find((m) => m.textContent === 'Duplicate')!);
    expect(last()).toEqual({ or: [{ not: { field: 'priority', op: 'eq', value: 1 } }, { not: { field: 'priority', op: 'eq', value: 1 } }, { not: any }] });
    await click(byLabel('Remove condition 2'));
    expect(last()).toEqual(done);

    await click(byLabel('Remove group 2'));
    expect(last()).toEqual({ or: [{ not: { field: 'priority', op: 'eq', value: 1 } }] });
    await click(byLabel('Remove condition 1'));
    expect(last()).toBeNull();
    expect(summary()).toBe('Always');
  });

  it('takes a record id or a dynamic value for a reference, dynamic values first', async () => {
    await mount({ field: 'assigned_to', op: 'eq' });
    expect(await optionsOf('Value source of condition 1')).toEqual(['Me', 'A specific record']);
    await type(byLabel('Value of condition 1'), '42');
    expect(last()).toEqual({ field: 'assigned_to', op: 'eq', value: '42' });
    await pick('Operator of condition 1', 'is one of');
    expect(last()).toEqual({ field: 'assigned_to', op: 'in', value: ['42'] });
    valid(last());
  });

  it('shows the checker’s message on the part of the row it concerns', async () => {
    await mount({ and: [{ field: 'priority', op: 'contains', value: '1' }, { field: 'caller', op: 'eq', value: 'abc' }] });
    const op = byLabel('Operator of condition 1');
    expect(op.getAttribute('aria-invalid')).toBe('true');
    expect(errorOf(op)).toContain('contains does not apply to "priority", an integer field');
    expect(errorOf(byLabel('Value of condition 2'))).toContain('"abc" is not a record id');
    expect(byLabel('Field of condition 1').getAttribute('aria-invalid')).not.toBe('true');

    // Fixing the value clears its message as the user types.
    await type(byLabel('Value of condition 2'), '7');
    expect(errorOf(byLabel('Value of condition 2'))).toBe('');
    expect(errorOf(byLabel('Field of condition 2'))).toBe('');
  });

  it('shows a field the type does not have, with the checker’s words, instead of hiding it', async () => {
    await mount({ field: 'caller.shoe_size', op: 'eq', value: 44 });
    expect(errorOf(byLabel('Field of condition 1, step 2'))).toContain('has no field "shoe_size"');
    expect(summary()).toBe('Caller › shoe_size is 44');
  });

  it('round-trips through "Advanced: edit as JSON"', async () => {
    const start: Condition = { and: [{ field: 'priority', op: 'in', value: [1, 2] }] };
    await mount(start);
    await click(byLabelText('Advanced: edit as JSON'));
    const text = byLabelText<HTMLTextAreaElement>('Condition as JSON');
    expect(JSON.parse(text.value)).toEqual(start);

    await type(text, '{"or": [{"field": "impact", "op": "eq", "value": "high"}, {"field": "priority", "op": "lte"');
    expect(errorOf(text)).toMatch(/^Not JSON/);
    await type(text, '{"or": [{"field": "impact", "op": "eq", "value": "high"}, {"field": "priority", "op": "near"}]}');
    expect(errorOf(text)).toMatch(/^Not a condition/);
    expect(changes).toEqual([]);

    await type(text, '{"or": [{"field": "impact", "op": "eq", "value": "high"}, {"field": "priority", "op": "lte", "value": 2}]}');
    const typed = { or: [{ field: 'impact', op: 'eq', value: 'high' }, { field: 'priority', op: 'lte', value: 2 }] };
    expect(last()).toEqual(typed);

    await click(byLabelText('Advanced: edit as JSON'));
    expect(byLabel<HTMLInputElement>('Field of condition 1').value).toBe('Impact');
    expect(byLabel<HTMLInputElement>('Operator of condition 2').value).toBe('is at most');
    expect(byLabel<HTMLInputElement>('Match of group 1').querySelector<HTMLInputElement>('input[value="or"]')!.checked).toBe(true);
    await click(byLabelText('Advanced: edit as JSON'));
    expect(JSON.parse(byLabelText<HTMLTextAreaElement>('Condition as JSON').value)).toEqual(typed);

    // A value replaced from outside (the page's Discard) replaces the text too, and any error of it.
    await type(byLabelText<HTMLTextAreaElement>('Condition as JSON'), '{"or": [');
    await click([...container.querySelectorAll('button')].find((b) => b.textContent === 'Discard')!);
    expect(JSON.parse(byLabelText<HTMLTextAreaElement>('Condition as JSON').value)).toEqual(start);
    expect(byLabelText('Condition as JSON').getAttribute('aria-invalid')).toBeNull();
  });

  it('edits conditions on person for user criteria: the record itself is me', async () => {
    await mount(null, 'person');
    await click(byLabel('Add condition to group 1'));
    await pick('Field of condition 1', 'This record');
    await pick('Value source of condition 1', 'Me');
    expect(last()).toEqual({ field: 'id', op: 'eq', value: { dynamic: 'me' } });
    expect(checkCondition(model, 'person', last()!, '')).toEqual([]);
  });

  it('read-only: shows the condition with nothing to add, remove or change', async () => {
    await mount({ and: [{ field: 'priority', op: 'eq', value: 1 }, { or: [{ field: 'impact', op: 'eq', value: 'high' }] }] }, 'incident', true);
    expect(queryLabel('Add condition to group 1')).toBeNull();
    expect(queryLabel('Remove condition 1')).toBeNull();
    expect(queryLabel('Remove group 2')).toBeNull();
    expect(byLabel<HTMLInputElement>('Field of condition 1').readOnly).toBe(true);
    expect(byLabel<HTMLInputElement>('Value of condition 2').readOnly).toBe(true);
    expect(summary()).toBe('Priority is 1 and Impact is High');
  });
});
