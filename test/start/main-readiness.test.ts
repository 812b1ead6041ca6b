import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { promisify } from 'node:util';
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { Authenticator } from '../../server/access/authenticator.js';
import { DEV_ADMIN } from '../../server/atrium.js';

const REPO = path.resolve(import.meta.dirname, '../..');
const SECRET = 'readiness-test-secret-of-sufficient-length-1234';

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address() as { port: number };
      s.close(() => resolve(port));
    });
  });
}

const children: ChildProcess[] = [];
const dataDirs: string[] = [];
afterAll(async () => {
  for (const child of children) {
    if (child.exitCode !== null || child.signalCode !== null) continue;
    const exited = new Promise((r) => child.once('exit', r));
    child.kill('SIGTERM');
    await exited;
  }
  for (const dir of dataDirs) await rm(dir, { recursive: true, force: true });
});

/** `npm start` runs the compiled server (built here when stale, without the studio); `start:source` runs it under tsx. */
const RUNNERS = [
  { runner: 'compiled (npm start)', args: ['.atrium-build/main.js', '--seed'], build: true },
  { runner: 'tsx (npm run start:source)', args: ['--import', 'tsx', 'server/main.ts', '--seed'], build: false },
];

describe.each(RUNNERS)('$runner: --seed readiness (server/main.ts as a process, embedded database)', ({ args, build }) => {
  it('answers /readyz ready only once the demo packs and records are served', async () => {
    if (build) await promisify(execFile)(process.execPath, ['server/build/build.mjs', 'server', 'template'], { cwd: REPO });
    const dataDir = await mkdtemp(path.join(tmpdir(), 'atrium-readiness-'));
    dataDirs.push(dataDir);
    const port = await freePort();
    const env: NodeJS.ProcessEnv = { ...process.env, ATRIUM_DATA_DIR: dataDir, PORT: String(port), HOST: '127.0.0.1', LOG_LEVEL: 'warn', ATRIUM_DEV_TOKEN_SECRET: SECRET };
    delete env.DATABASE_URL;
    const child = spawn(process.execPath, args, { cwd: REPO, env, stdio: ['ignore', 'ignore', 'pipe'] });
    children.push(child);
    let stderr = '';
    child.stderr!.on('data', (d: Buffer) => (stderr += d.toString()));
    const token = await new Authenticator({ devSecret: SECRET, oidc: null }).issueDevToken(DEV_ADMIN);
    const url = `http://127.0.0.1:${port}`;

    const notReady: number[] = [];
    for (const started = performance.now(); ; ) {
      if (child.exitCode !== null) throw new Error(`server/main.ts exited (${child.exitCode})\n${stderr.slice(-3000)}`);
      if (performance.now() - started > 150_000) throw new Error(`not ready within 150 s\n${stderr.slice(-3000)}`);
      const res = await fetch(`${url}/readyz`).catch(() => null);
      if (res?.status === 200) break;
      if (res) notReady.push(res.status);
      await new Promise((r) => setTimeout(r, 20));
    }
    // The moment it says ready, the demo types and records are there.
    const res = await fetch(`${url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({ query: '{ incidents { totalCount } }' }),
    });
    const body = (await res.json()) as { data?: { incidents: { totalCount: number } }; errors?: unknown[] };
    expect(body.errors).toBeUndefined();
    expect(body.data!.incidents.totalCount).toBeGreaterThan(0);
    // It listened (and said "not ready") while seeding: readiness waited rather than the port opening late.
    expect(notReady.length).toBeGreaterThan(0);
    expect(new Set(notReady)).toEqual(new Set([503]));
  }, 240_000);
});
