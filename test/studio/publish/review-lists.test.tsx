// @vitest-environment happy-dom
import { MantineProvider } from '@mantine/core';
import { act, type ReactNode } from 'react';
import { MemoryRouter } from 'react-router';
import { describe, expect, it } from 'vitest';
import { EMPTY_SNAPSHOT, type MetadataSnapshot } from '../../../schema/metadata/index.js';
import { ChangeList } from '../../../studio/src/publish/ChangeList.js';
import { ProblemList } from '../../../studio/src/publish/ProblemList.js';
import { useTestRoot } from '../test-root.js';

const dom = useTestRoot();


function render(node: ReactNode) {
  act(() =>
    dom.root.render(
      <MantineProvider>
        <MemoryRouter>{node}</MemoryRouter>
      </MantineProvider>,
    ),
  );
}

const snapshot = {
  ...EMPTY_SNAPSHOT,
  recordTypes: { incident: { name: 'incident' } },
  acls: { incident_read: { name: 'incident_read', recordType: 'incident' } },
} as unknown as MetadataSnapshot;

describe('ProblemList', () => {
  it('links each problem to the designer where it is fixed, and names server-wide problems without a link', () => {
    render(
      <ProblemList
        snapshot={snapshot}
        problems={[
          { code: 'UNKNOWN_CRITERIA', path: 'acls.incident_read.criteria', message: 'names unknown criteria "x"' },
          { code: 'INVALID_DOCUMENT', path: 'identity', message: 'the identity pack is missing' },
        ]}
      />,
    );
    const links = [...dom.container.querySelectorAll('a')];
    expect(links.map((a) => [a.textContent, a.getAttribute('href'), a.getAttribute('aria-label')])).toEqual([
      ['acls.incident_read.criteria', '/access-rules/incident', 'Fix acls.incident_read.criteria'],
    ]);
    const rows = [...dom.container.querySelectorAll('tbody tr')].map((tr) => [...tr.querySelectorAll('td')].map((td) => td.textContent));
    expect(rows).toEqual([
      ['acls.incident_read.criteria', 'names unknown criteria "x"', 'UNKNOWN_CRITERIA'],
      ['identity', 'the identity pack is missing', 'INVALID_DOCUMENT'],
    ]);
  });
});

describe('ChangeList', () => {
  it('shows each document once with its changes, property by property, before and after', () => {
    render(
      <ChangeList
        changes={[
          { kind: 'type_changed', path: 'incident', before: { label: 'Incident' }, after: { label: 'Issue' } },
          { kind: 'field_renamed', path: 'incident.reporter', before: 'caller', after: 'reporter' },
          { kind: 'acl_added', path: 'incident_read', after: { name: 'incident_read', recordType: 'incident' } },
        ]}
      />,
    );
    const groups = [...dom.container.querySelectorAll('[role="listitem"]')];
    expect(groups.map((g) => g.getAttribute('aria-label'))).toEqual(['Record type incident', 'ACL incident_read']);
    const rows = [...groups[0]!.querySelectorAll('tbody tr')].map((tr) => [...tr.querySelectorAll('td')].map((td) => td.textContent));
    expect(rows).toEqual([
      ['changed', 'label', 'Incident', '', 'Issue'],
      ['renamedfield reporter', 'name', 'caller', '', 'reporter'],
    ]);
    expect(groups[1]!.textContent).toContain('"recordType": "incident"');
  });

  it('says so when nothing changes', () => {
    render(<ChangeList changes={[]} />);
    expect(dom.container.querySelector('p')?.textContent).toBe('No changes.');
    expect(dom.container.querySelectorAll('[role="listitem"]')).toHaveLength(0);
  });
});
