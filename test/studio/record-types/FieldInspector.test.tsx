// @vitest-environment happy-dom
import { MantineProvider } from '@mantine/core';
import { act, useState } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { EMPTY_SNAPSHOT, type FieldDoc, type RecordTypeDoc } from '../../../schema/metadata/index.js';
import { draftProblems } from '../../../studio/src/metadata/draft-problems.js';
import { FieldInspector } from '../../../studio/src/record-types/FieldInspector.js';
import { FieldsTable } from '../../../studio/src/record-types/FieldsTable.js';

const published: RecordTypeDoc = {
  name: 'asset',
  label: 'Asset',
  fields: [
    { id: 'asset.serial', name: 'serial', label: 'Serial', type: 'string' },
    { id: 'asset.cost', name: 'cost', label: 'Cost', type: 'decimal', archived: true },
  ],
};

let container: HTMLElement;
let root: Root;
let latest: RecordTypeDoc;

beforeEach(() => {
  (globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;
  window.matchMedia ??= ((query: string) => ({ matches: false, media: query, addEventListener() {}, removeEventListener() {}, addListener() {}, removeListener() {}, onchange: null, dispatchEvent: () => false })) as typeof window.matchMedia;
  // Mantine's autosize textarea listens for font loads, which happy-dom does not have.
  if (!('fonts' in document)) Object.defineProperty(document, 'fonts', { value: { addEventListener() {}, removeEventListener() {} }, configurable: true });
  container = document.createElement('div');
  document.body.append(container);
  root = createRoot(container);
});

afterEach(() => {
  act(() => root.unmount());
  container.remove();
});

/** The table and the inspector of the first field, wired to one document as the designer wires them. */
function Designer() {
  const [doc, setDoc] = useState(published);
  latest = doc;
  const problems = draftProblems('recordType', doc, { ...EMPTY_SNAPSHOT, recordTypes: { asset: published } });
  const publishedOf = (f: FieldDoc) => published.fields.find((p) => p.id === f.id) ?? null;
  return (
    <MantineProvider>
      <FieldsTable doc={doc} onChange={setDoc} readOnly={false} problems={problems} selected={0} onSelect={() => {}} onAdd={() => {}} publishedFieldOf={publishedOf} />
      <FieldInspector
        doc={doc}
        index={0}
        onChange={setDoc}
        onClose={() => {}}
        readOnly={false}
        problems={problems}
        refusals={{ problems: [], checking: false, error: null }}
        published={publishedOf(doc.fields[0])}
        recordTypes={[published]}
      />
    </MantineProvider>
  );
}

function type(input: HTMLInputElement, value: string) {
  const setter = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')!.set!;
  act(() => {
    setter.call(input, value);
    input.dispatchEvent(new Event('input', { bubbles: true }));
  });
}

const nameInput = () => container.querySelector<HTMLInputElement>('[role="region"] input[required]')!;
const row = (name: string) => container.querySelector(`tr[data-field="${name}"]`)!;

describe('the fields table and the field inspector', () => {
  it('a rename keeps the id and says what it was; a bad name shows at once on the input and on the row', () => {
    act(() => root.render(<Designer />));
    type(nameInput(), 'serial_number');
    expect(latest.fields[0]).toMatchObject({ id: 'asset.serial', name: 'serial_number' });
    expect(row('serial_number').textContent).toContain('was serial');
    expect(container.textContent).not.toContain('is not a valid name');

    type(nameInput(), 'Serial');
    expect(nameInput().getAttribute('aria-invalid')).toBe('true');
    const error = container.querySelector(`#${nameInput().getAttribute('aria-describedby')?.split(' ').find((id) => id.endsWith('error'))}`);
    expect(error?.textContent).toMatch(/field name "Serial" is not a valid name/);
    expect(row('Serial').textContent).toMatch(/"Serial" is not a valid name/);
  });

  it('a duplicate name is refused inline too', () => {
    act(() => root.render(<Designer />));
    type(nameInput(), 'cost');
    expect(nameInput().getAttribute('aria-invalid')).toBe('true');
    expect(container.querySelector('[role="region"]')!.textContent).toMatch(/"cost"/);
  });

  it('an archived field is greyed and restorable; a published one is archived, not removed', () => {
    act(() => root.render(<Designer />));
    expect(row('cost').textContent).toContain('Archived');
    act(() => container.querySelector<HTMLButtonElement>('[aria-label="Restore field cost"]')!.click());
    expect(latest.fields[1].archived).toBeUndefined();
    act(() => container.querySelector<HTMLButtonElement>('[aria-label="Archive field cost"]')!.click());
    expect(latest.fields[1].archived).toBe(true);
    expect(container.querySelector('[aria-label="Remove field serial"]')).toBeNull();
  });
});
