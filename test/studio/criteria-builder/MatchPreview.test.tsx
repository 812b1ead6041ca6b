// @vitest-environment happy-dom
import { MantineProvider } from '@mantine/core';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { act, type ReactNode } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { MemoryRouter } from 'react-router';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { UserCriteriaDoc } from '../../../schema/access/index.js';
import { MatchPreview } from '../../../studio/src/criteria-builder/MatchPreview.js';
import { UsagePanel } from '../../../studio/src/criteria-builder/UsagePanel.js';
import { StudioContextProvider } from '../../../studio/src/shell/studio-context.js';

let container: HTMLElement;
let root: Root;
let requests: { criteria: Record<string, unknown>; sample: number }[];

beforeEach(() => {
  (globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;
  container = document.createElement('div');
  document.body.append(container);
  root = createRoot(container);
  requests = [];
  // The server's answer: the agents role matches 14 of 53; anything else (the saved doc, a group) 10.
  vi.stubGlobal('fetch', async (_url: string, init: { body: string }) => {
    const { variables } = JSON.parse(init.body) as {
      variables: { criteria: Record<string, unknown>; sample: number };
    };
    requests.push(variables);
    const roles = (variables.criteria.roles as string[] | undefined) ?? [];
    const count = roles.includes('admin') ? 15 : 14;
    const sample = [{ userName: 'alice.agent', name: 'Alice Agent' }, ...(roles.includes('admin') ? [{ userName: 'admin', name: 'Ada Admin' }] : [])];
    return new Response(
      JSON.stringify({
        data: {
          userCriteriaMatches: {
            count,
            checked: 53,
            truncated: false,
            sample: sample.slice(0, variables.sample),
          },
        },
      }),
      {
        headers: { 'content-type': 'application/json' },
      },
    );
  });
});
afterEach(() => {
  act(() => root.unmount());
  container.remove();
  vi.unstubAllGlobals();
});

function render(node: ReactNode) {
  const client = new QueryClient();
  const config = {
    endpoint: '/graphql',
    subscriptionEndpoint: null,
    headers: {},
    devSignIn: false,
  };
  act(() =>
    root.render(
      <MantineProvider>
        <QueryClientProvider client={client}>
          <StudioContextProvider value={{ config, session: null, setSession: () => {} }}>
            <MemoryRouter>{node}</MemoryRouter>
          </StudioContextProvider>
        </QueryClientProvider>
      </MantineProvider>,
    ),
  );
}
const settle = () => act(() => new Promise((r) => setTimeout(r, 700)));
const agents: UserCriteriaDoc = {
  name: 'agents',
  label: 'Service agents',
  match: 'any',
  roles: ['agent'],
};

describe('MatchPreview', () => {
  it('shows the count of active users, the sample, and how far the edit moved it from the saved criteria', async () => {
    render(<MatchPreview doc={{ ...agents, roles: ['agent', 'admin'] }} saved={agents} allowed />);
    await settle();
    const text = container.textContent ?? '';
    expect(text).toMatch(/15\s*of 53 active users/);
    expect(text).toMatch(/\+1 since saved/);
    expect(text).toContain('Ada Admin');
    expect(text).toContain('and 13 more');
  });

  it('previews while the label is still empty (who matches does not depend on it)', async () => {
    render(<MatchPreview doc={{ ...agents, label: '' }} saved={null} allowed />);
    await settle();
    expect(requests.map((r) => r.criteria.label)).toEqual(['agents']);
    expect(container.textContent).toMatch(/14\s*of 53/);
  });

  it('asks nothing and says why for someone who is not the platform admin', async () => {
    render(<MatchPreview doc={agents} saved={agents} allowed={false} />);
    await settle();
    expect(requests).toEqual([]);
    expect(container.textContent).toMatch(/Only the platform administrator can check who criteria match/);
  });
});

describe('UsagePanel', () => {
  it('lists each document once with everything the criteria decide there, and counts per kind', () => {
    render(
      <UsagePanel
        uses={[
          {
            kind: 'caseType',
            document: 'incident',
            role: 'fulfillers',
            to: '/case-types/incident',
          },
          {
            kind: 'stateModel',
            document: 'incident',
            role: 'new → in_progress',
            to: '/state-models/incident',
          },
          {
            kind: 'stateModel',
            document: 'incident',
            role: 'in_progress → resolved',
            to: '/state-models/incident',
          },
          {
            kind: 'acl',
            document: 'incident_read_group',
            role: 'read incident',
            to: '/access-rules/incident',
          },
        ]}
      />,
    );
    expect(container.textContent).toContain('3 documents');
    expect(container.textContent).toContain('1 case type · 1 state model · 1 access rule');
    const rows = [...container.querySelectorAll('tr')].map((r) => r.textContent);
    expect(rows).toEqual(['incidentcase typefulfillers', 'incidentstate modelnew → in_progress, in_progress → resolved', 'incident_read_groupaccess ruleread incident']);
  });

  it('says an unused criteria changes nobody', () => {
    render(<UsagePanel uses={[]} />);
    expect(container.textContent).toMatch(/changes nobody's access/);
  });
});
