// @vitest-environment happy-dom
import { act } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { StudioRoot } from '../../studio/src/shell/StudioRoot.js';

const ADMIN = 'Bearer config-admin-token';
const PERSONAS = [
  { userName: 'alice.agent', name: 'Alice Agent', description: 'Agent in Service Desk.' },
  { userName: 'erin.employee', name: 'Erin Employee', description: 'Employee: her own incidents.' },
];
const FORBIDDEN = '"alice.agent" cannot sign in: there is no active, approved user with that user name';

interface Server {
  /** Answer of GET /auth/dev/personas: a list, or 404 as a server with OIDC configured answers. */
  personas: typeof PERSONAS | 404;
  /** user names POST /auth/dev/sign-in refuses with 403 */
  refuse: string[];
  /** What config.json says (default: on, as a development server). */
  devSignIn?: boolean;
}

let container: HTMLElement;
let root: Root;

beforeEach(() => {
  (globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;
  sessionStorage.clear();
  window.history.replaceState(null, '', '/studio/');
  container = document.createElement('div');
  document.body.append(container);
  root = createRoot(container);
});

afterEach(() => {
  act(() => root.unmount());
  container.remove();
  vi.unstubAllGlobals();
});

function json(body: unknown, status = 200): Response {
  return new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });
}

/** A fake server behind fetch: config, the two development sign-in routes and GraphQL. */
function serve(server: Server) {
  const fetchMock = vi.fn(async (url: string, init: RequestInit = {}) => {
    if (url === '/studio/config.json') return json({ endpoint: '/graphql', subscriptionEndpoint: null, headers: { Authorization: ADMIN }, devSignIn: server.devSignIn ?? true });
    if (url === '/auth/dev/personas') {
      return server.personas === 404
        ? json({ errors: [{ message: 'development sign-in is off on this server', extensions: { code: 'NOT_FOUND' } }] }, 404)
        : json({ developmentOnly: true, personas: server.personas });
    }
    if (url === '/auth/dev/sign-in' && init.method === 'POST') {
      const { userName } = JSON.parse(String(init.body)) as { userName: string };
      if (server.refuse.includes(userName)) {
        return json({ errors: [{ message: `"${userName}" cannot sign in: there is no active, approved user with that user name`, extensions: { code: 'FORBIDDEN' } }], developmentOnly: true }, 403);
      }
      return json({ developmentOnly: true, token: `token-of-${userName}` });
    }
    // Nobody here may design: the studio shows the rights page, with the sign-in control, and asks nothing else.
    if (url === '/graphql')
      return json({ data: { studioAccess: { signedIn: true, userName: 'x', displayName: 'X', platformAdmin: false, administeredUnits: [], canDesign: false, missingRights: 'no rights' } } });
    return json({ errors: [{ message: `unexpected ${url}` }] }, 500);
  });
  vi.stubGlobal('fetch', fetchMock);
  return {
    fetchMock,
    /** Authorization headers of the GraphQL requests so far, in order. */
    graphqlAuthorizations: () =>
      fetchMock.mock.calls.filter(([url]) => url === '/graphql').map(([, init]) => (init?.headers as Record<string, string>).Authorization),
  };
}

async function settle() {
  for (let i = 0; i < 3; i++) {
    await act(async () => {
      await new Promise((resolve) => setTimeout(resolve, 0));
    });
  }
}

async function renderStudio() {
  await act(async () => {
    root.render(<StudioRoot />);
  });
  await settle();
}

function control() {
  return container.querySelector<HTMLElement>('.dev-sign-in');
}

function select() {
  return control()!.querySelector('select')!;
}

async function choose(userName: string) {
  await act(async () => {
    select().value = userName;
    select().dispatchEvent(new Event('change', { bubbles: true }));
  });
  await settle();
}

describe('DevSignInControl in the studio shell', () => {
  it('lists the personas after the config admin, marked as development only', async () => {
    serve({ personas: PERSONAS, refuse: [] });
    await renderStudio();
    expect(control()?.textContent).toContain('Development sign-in');
    expect(control()?.textContent).toContain('development only');
    const options = [...select().options].map((o) => [o.value, o.textContent]);
    expect(options).toEqual([
      ['', 'Demo Admin (development admin)'],
      ['alice.agent', 'Alice Agent (alice.agent)'],
      ['erin.employee', 'Erin Employee (erin.employee)'],
    ]);
    expect(control()?.querySelector('[role="status"]')?.textContent).toBe('Signed in as Demo Admin (development admin)');
  });

  it('signs in as the chosen persona, sends its token from then on and keeps it over a reload', async () => {
    const server = serve({ personas: PERSONAS, refuse: [] });
    await renderStudio();
    expect(server.graphqlAuthorizations()).toEqual([ADMIN]);

    await choose('erin.employee');
    const signIn = server.fetchMock.mock.calls.find(([url]) => url === '/auth/dev/sign-in')!;
    expect(JSON.parse(String(signIn[1]!.body))).toEqual({ userName: 'erin.employee' });
    expect(control()?.querySelector('[role="status"]')?.textContent).toBe('Signed in as Erin Employee (erin.employee)');
    expect(select().value).toBe('erin.employee');
    // The page loads again as Erin: the next request carries her token, not the config's.
    expect(server.graphqlAuthorizations()).toEqual([ADMIN, 'Bearer token-of-erin.employee']);

    // A reload (a new app in the same tab) starts as Erin.
    act(() => root.unmount());
    root = createRoot(container);
    const reloaded = serve({ personas: PERSONAS, refuse: [] });
    await renderStudio();
    expect(select().value).toBe('erin.employee');
    expect(reloaded.graphqlAuthorizations()).toEqual(['Bearer token-of-erin.employee']);

    // The default choice goes back to the config's admin token and forgets the session.
    await choose('');
    expect(reloaded.graphqlAuthorizations()).toEqual(['Bearer token-of-erin.employee', ADMIN]);
    expect(control()?.querySelector('[role="status"]')?.textContent).toBe('Signed in as Demo Admin (development admin)');
    expect(sessionStorage.length).toBe(0);
  });

  it('shows the server message when sign-in is refused and stays who it was', async () => {
    const server = serve({ personas: PERSONAS, refuse: ['alice.agent'] });
    await renderStudio();
    await choose('alice.agent');
    expect(control()?.querySelector('[role="alert"]')?.textContent).toBe(`Could not sign in as alice.agent: ${FORBIDDEN}`);
    expect(select().value).toBe('');
    expect(control()?.querySelector('[role="status"]')?.textContent).toBe('Signed in as Demo Admin (development admin)');
    expect(server.graphqlAuthorizations()).toEqual([ADMIN]);

    // The next successful choice clears the message.
    await choose('erin.employee');
    expect(control()?.querySelector('[role="alert"]')).toBeNull();
    expect(server.graphqlAuthorizations()).toEqual([ADMIN, 'Bearer token-of-erin.employee']);
  });

  it('is not shown, and asks for no personas, when the config says development sign-in is off; drops a kept session', async () => {
    sessionStorage.setItem('atrium:dev-sign-in', JSON.stringify({ userName: 'erin.employee', name: 'Erin Employee', token: 'stale' }));
    const server = serve({ personas: 404, refuse: [], devSignIn: false });
    await renderStudio();
    expect(control()).toBeNull();
    expect(server.fetchMock.mock.calls.some(([url]) => url === '/auth/dev/personas')).toBe(false);
    expect(server.graphqlAuthorizations().at(-1)).toBe(ADMIN);
    expect(sessionStorage.getItem('atrium:dev-sign-in')).toBeNull();
  });

  it('is not shown when the personas answer 404 all the same, and drops a kept session', async () => {
    sessionStorage.setItem('atrium:dev-sign-in', JSON.stringify({ userName: 'erin.employee', name: 'Erin Employee', token: 'stale' }));
    const server = serve({ personas: 404, refuse: [] });
    await renderStudio();
    expect(control()).toBeNull();
    expect(container.textContent).not.toContain('Development sign-in');
    expect(container.textContent).toContain('You need administrator rights to use the studio');
    expect(server.graphqlAuthorizations().at(-1)).toBe(ADMIN);
    expect(sessionStorage.getItem('atrium:dev-sign-in')).toBeNull();
  });
});
