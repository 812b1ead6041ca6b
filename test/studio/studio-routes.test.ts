import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import express from 'express';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  explorerHtml,
  serveExplorer,
  studioRouter,
  StudioNotBuiltError,
  type StudioConfig,
} from '../../server/http/studio-routes.js';

// Past compression's 1 KB threshold.
const BIG_SCRIPT = `console.log(${JSON.stringify('studio '.repeat(400))});`;
const BROWSER_ACCEPT = 'text/html,application/xhtml+xml,application/xml;q=0.9,image/avif,image/webp,*/*;q=0.8';

let workDir: string;
let distDir: string;
let missingDir: string;

beforeAll(async () => {
  workDir = await mkdtemp(path.join(tmpdir(), 'atrium-studio-routes-'));
  distDir = path.join(workDir, 'dist');
  missingDir = path.join(workDir, 'never-built');
  await mkdir(path.join(distDir, 'assets'), { recursive: true });
  await writeFile(path.join(distDir, 'index.html'), '<!doctype html><title>studio</title>');
  await writeFile(path.join(distDir, 'explorer.html'), '<!doctype html><title>explorer</title>');
  await writeFile(path.join(distDir, 'assets', 'studio-Ab12Cd.js'), BIG_SCRIPT);
  await writeFile(path.join(distDir, 'assets', 'studio-Ab12Cd.css'), 'body{}');
  await writeFile(path.join(distDir, 'assets', 'codicon-Ef34.ttf'), 'not really a font');
  await writeFile(path.join(workDir, 'secret.txt'), 'outside the build');
});

afterAll(async () => {
  await rm(workDir, { recursive: true, force: true });
});

/** An app as the main server composes it: studio routes, then the explorer in front of /graphql. */
async function startApp(dir: string, config: () => StudioConfig) {
  const app = express();
  app.use(studioRouter({ distDir: dir, config }));
  app.get('/graphql', serveExplorer(dir), (_req, res) => {
    res.json({ data: { servedBy: 'graphql' } });
  });
  app.post('/graphql', serveExplorer(dir), (_req, res) => {
    res.json({ data: { servedBy: 'graphql' } });
  });
  const server = app.listen(0, '127.0.0.1');
  await new Promise<void>((resolve) => server.once('listening', resolve));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    get: (urlPath: string, init?: RequestInit) => fetch(base + urlPath, { redirect: 'manual', ...init }),
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

const devConfig = (): StudioConfig => ({
  endpoint: '/graphql',
  subscriptionEndpoint: 'ws://localhost:4000/graphql',
  headers: { Authorization: 'Bearer dev-token' },
});

describe('studioRouter with a built studio', () => {
  let app: Awaited<ReturnType<typeof startApp>>;
  let token = 'dev-token';

  beforeAll(async () => {
    app = await startApp(distDir, () => ({ ...devConfig(), headers: { Authorization: `Bearer ${token}` } }));
  });
  afterAll(() => app.close());

  it('serves config.json uncached and asks for it on every request', async () => {
    const first = await app.get('/studio/config.json');
    expect(first.status).toBe(200);
    expect(first.headers.get('content-type')).toMatch(/^application\/json/);
    expect(first.headers.get('cache-control')).toBe('no-store');
    expect(await first.json()).toEqual({
      endpoint: '/graphql',
      subscriptionEndpoint: 'ws://localhost:4000/graphql',
      headers: { Authorization: 'Bearer dev-token' },
    });

    token = 'rotated';
    const second = await app.get('/studio/config.json');
    expect((await second.json()).headers).toEqual({ Authorization: 'Bearer rotated' });
  });

  it('serves the studio shell at /studio/ and redirects /studio there, keeping the query', async () => {
    const page = await app.get('/studio/');
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toMatch(/^text\/html/);
    expect(page.headers.get('cache-control')).toBe('no-cache');
    expect(await page.text()).toContain('<title>studio</title>');

    const bare = await app.get('/studio?tab=types');
    expect(bare.status).toBe(301);
    expect(bare.headers.get('location')).toBe('/studio/?tab=types');
  });

  it('serves the explorer page with and without the .html extension', async () => {
    for (const urlPath of ['/studio/explorer.html', '/studio/explorer']) {
      const page = await app.get(urlPath);
      expect(page.status, urlPath).toBe(200);
      expect(page.headers.get('content-type')).toMatch(/^text\/html/);
      expect(page.headers.get('cache-control')).toBe('no-cache');
      expect(await page.text()).toContain('<title>explorer</title>');
    }
  });

  it('serves hashed assets with their content types and a year-long immutable cache', async () => {
    const expected: Record<string, RegExp> = {
      '/studio/assets/studio-Ab12Cd.js': /^text\/javascript/,
      '/studio/assets/studio-Ab12Cd.css': /^text\/css/,
      '/studio/assets/codicon-Ef34.ttf': /^font\/ttf/,
    };
    for (const [urlPath, contentType] of Object.entries(expected)) {
      const asset = await app.get(urlPath);
      expect(asset.status, urlPath).toBe(200);
      expect(asset.headers.get('content-type'), urlPath).toMatch(contentType);
      expect(asset.headers.get('cache-control'), urlPath).toBe('public, max-age=31536000, immutable');
      expect(asset.headers.get('x-content-type-options')).toBe('nosniff');
    }
  });

  it('sends the studio compressed to a browser that accepts gzip', async () => {
    const big = await app.get('/studio/assets/studio-Ab12Cd.js', { headers: { 'accept-encoding': 'gzip' } });
    expect(big.status).toBe(200);
    expect(big.headers.get('content-encoding')).toBe('gzip');
    expect(await big.text()).toBe(BIG_SCRIPT);
  });

  it('answers 404 for unknown files and never serves files outside the build', async () => {
    expect((await app.get('/studio/assets/missing-123.js')).status).toBe(404);
    for (const urlPath of ['/studio/../secret.txt', '/studio/%2e%2e/secret.txt', '/studio/..%2fsecret.txt']) {
      const response = await app.get(urlPath);
      expect(await response.text(), urlPath).not.toContain('outside the build');
    }
  });

  it('answers a deep link into the studio with the shell page, which routes in the browser', async () => {
    for (const urlPath of ['/studio/forms/incident', '/studio/case-types/new?unit=hr']) {
      const page = await app.get(urlPath);
      expect(page.status, urlPath).toBe(200);
      expect(page.headers.get('cache-control')).toBe('no-cache');
      expect(await page.text()).toContain('<title>studio</title>');
    }
    expect((await app.get('/studio/assets/deep/missing.js')).status).toBe(404);
    expect((await app.get('/studio/forms/missing.png')).status).toBe(404);
  });

  it('leaves other methods alone', async () => {
    expect((await app.get('/studio/', { method: 'POST' })).status).toBe(404);
  });

  it('answers a browser on GET /graphql with the explorer page', async () => {
    const page = await app.get('/graphql', { headers: { accept: BROWSER_ACCEPT } });
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toMatch(/^text\/html/);
    expect(page.headers.get('vary')).toMatch(/accept/i);
    expect(await page.text()).toContain('<title>explorer</title>');
  });

  it('passes GraphQL clients on /graphql through to the GraphQL handler', async () => {
    const cases: RequestInit[] = [
      { headers: { accept: 'application/graphql-response+json, application/json' } },
      { headers: { accept: 'application/json' } },
      { headers: { accept: '*/*' } },
      {},
      { method: 'POST', headers: { accept: BROWSER_ACCEPT, 'content-type': 'application/json' }, body: '{}' },
    ];
    for (const init of cases) {
      const response = await app.get('/graphql', init);
      expect(response.headers.get('content-type'), JSON.stringify(init)).toMatch(/^application\/json/);
      expect(await response.json()).toEqual({ data: { servedBy: 'graphql' } });
    }
  });
});

describe('studioRouter without a build', () => {
  let app: Awaited<ReturnType<typeof startApp>>;

  beforeAll(async () => {
    app = await startApp(missingDir, devConfig);
  });
  afterAll(() => app.close());

  it('answers every studio page with 503 and tells the user to run npm run build', async () => {
    for (const urlPath of ['/studio/', '/studio/explorer.html', '/studio/assets/studio-Ab12Cd.js']) {
      const response = await app.get(urlPath);
      expect(response.status, urlPath).toBe(503);
      expect(response.headers.get('content-type')).toMatch(/^text\/plain/);
      expect(response.headers.get('cache-control')).toBe('no-store');
      const text = await response.text();
      expect(text).toContain('npm run build');
      expect(text).toContain(missingDir);
    }
  });

  it('still serves config.json, which does not depend on the build', async () => {
    const response = await app.get('/studio/config.json');
    expect(response.status).toBe(200);
    expect((await response.json()).endpoint).toBe('/graphql');
  });

  it('answers a browser on /graphql with the same 503, and GraphQL clients as usual', async () => {
    const page = await app.get('/graphql', { headers: { accept: BROWSER_ACCEPT } });
    expect(page.status).toBe(503);
    expect(await page.text()).toContain('npm run build');

    const graphql = await app.get('/graphql', { headers: { accept: 'application/json' } });
    expect(graphql.status).toBe(200);
  });

  it('recovers without a restart once the build appears', async () => {
    const lateDir = path.join(workDir, 'late-build');
    const late = await startApp(lateDir, devConfig);
    try {
      expect((await late.get('/studio/')).status).toBe(503);
      await mkdir(lateDir);
      await writeFile(path.join(lateDir, 'index.html'), '<!doctype html><title>late</title>');
      expect((await late.get('/studio/')).status).toBe(200);
    } finally {
      await late.close();
    }
  });
});

describe('explorerHtml', () => {
  it('reads the built explorer page', async () => {
    expect(await explorerHtml(distDir)).toContain('<title>explorer</title>');
  });

  it('rejects with StudioNotBuiltError naming the folder when it is missing', async () => {
    const failure = explorerHtml(missingDir);
    await expect(failure).rejects.toBeInstanceOf(StudioNotBuiltError);
    await expect(failure).rejects.toThrow(/npm run build/);
  });
});
