// @vitest-environment happy-dom
import { act } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { StudioConfig } from '../../studio/src/config/load-studio-config.js';
import { RecordTypesPage } from '../../studio/src/studio/RecordTypesPage.js';

const config: StudioConfig = {
  endpoint: '/graphql',
  subscriptionEndpoint: null,
  headers: { Authorization: 'Bearer dev-token' },
  devSignIn: false,
};

let container: HTMLElement;
let root: Root;

beforeEach(() => {
  (globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;
  container = document.createElement('div');
  document.body.append(container);
  root = createRoot(container);
});

afterEach(() => {
  act(() => root.unmount());
  container.remove();
  vi.unstubAllGlobals();
});

function answerWith(body: unknown, status = 200) {
  const fetchMock = vi.fn(async () => new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } }));
  vi.stubGlobal('fetch', fetchMock);
  return fetchMock;
}

async function renderPage() {
  await act(async () => {
    root.render(<RecordTypesPage config={config} explorerHref="/studio/explorer.html" />);
  });
  // Let the mocked fetch and the state update settle.
  await act(async () => {
    await new Promise((resolve) => setTimeout(resolve, 0));
  });
}

describe('RecordTypesPage', () => {
  it('queries recordTypes with the configured headers and lists each type', async () => {
    const fetchMock = answerWith({
      data: {
        recordTypes: [
          { name: 'task', label: 'Task', extends: null, abstract: true, fields: [{ name: 'number', type: 'string', label: 'Number' }] },
          {
            name: 'incident',
            label: 'Incident',
            extends: 'task',
            abstract: false,
            fields: [
              { name: 'number', type: 'string', label: 'Number' },
              { name: 'priority', type: 'choice', label: 'Priority' },
            ],
          },
        ],
      },
    });
    await renderPage();

    const [url, init] = fetchMock.mock.calls[0] as unknown as [string, RequestInit];
    expect(url).toBe('/graphql');
    expect((init.headers as Record<string, string>).Authorization).toBe('Bearer dev-token');
    expect(JSON.parse(String(init.body)).query).toMatch(/recordTypes\s*\{\s*name label extends abstract fields \{ name type label \}/);

    const rows = [...container.querySelectorAll('tbody tr')].map((row) => row.textContent);
    expect(rows).toHaveLength(2);
    expect(rows[0]).toContain('Taskabstract');
    expect(rows[0]).toContain('1 field');
    expect(rows[1]).toContain('incident');
    expect(rows[1]).toContain('task');
    expect(rows[1]).toContain('2 fields');
  });

  it('shows an empty state pointing at the explorer when there are no record types', async () => {
    answerWith({ data: { recordTypes: [] } });
    await renderPage();
    expect(container.textContent).toContain('No record types yet.');
    expect(container.querySelector('a')?.getAttribute('href')).toBe('/studio/explorer.html');
  });

  it('shows the server message when the query fails', async () => {
    answerWith({ errors: [{ message: 'Not authorised to read record types', extensions: { code: 'FORBIDDEN' } }] });
    await renderPage();
    const alert = container.querySelector('[role="alert"]');
    expect(alert?.textContent).toContain('Could not load record types.');
    expect(alert?.textContent).toContain('Not authorised to read record types');
  });

  it('shows a transport failure too', async () => {
    vi.stubGlobal('fetch', vi.fn(async () => Promise.reject(new TypeError('Failed to fetch'))));
    await renderPage();
    expect(container.querySelector('[role="alert"]')?.textContent).toContain('Could not reach /graphql: Failed to fetch');
  });
});
