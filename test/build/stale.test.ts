import { mkdir, mkdtemp, rm, utimes, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { staleReason } from '../../server/build/stale.mjs';

let root: string;
beforeAll(async () => {
  root = await mkdtemp(path.join(tmpdir(), 'atrium-stale-'));
});
afterAll(() => rm(root, { recursive: true, force: true }));

/** Writes a file with the given modification time (seconds since the epoch). */
async function file(rel: string, mtime: number): Promise<void> {
  const p = path.join(root, rel);
  await mkdir(path.dirname(p), { recursive: true });
  await writeFile(p, rel);
  await utimes(p, mtime, mtime);
}

describe('staleReason (npm start builds a part only when its sources are newer than its output)', () => {
  const part = () => ({ root, inputs: ['studio', 'schema', 'package-lock.json'], skip: ['studio/dist'], outputs: ['studio/dist/index.html', 'studio/dist/explorer.html'] });

  it('builds what was never built, and not again while nothing changed', async () => {
    await file('studio/src/app.tsx', 1_000);
    await file('schema/index.ts', 1_000);
    await file('package-lock.json', 1_000);
    expect(await staleReason(part())).toBe('not built yet');
    await file('studio/dist/index.html', 2_000);
    expect(await staleReason(part())).toBe('not built yet'); // one output is still missing
    await file('studio/dist/explorer.html', 2_000);
    expect(await staleReason(part())).toBeNull();
  });

  it('rebuilds when a source anywhere under an input folder, or an input file, is newer than the oldest output', async () => {
    await file('studio/src/deep/er/panel.tsx', 3_000);
    expect(await staleReason(part())).toBe('sources changed');
    await file('studio/dist/index.html', 4_000);
    await file('studio/dist/explorer.html', 3_500);
    expect(await staleReason(part())).toBeNull();
    await file('package-lock.json', 3_700); // a pull that changed the dependencies
    expect(await staleReason(part())).toBe('sources changed');
    await file('studio/dist/explorer.html', 5_000);
    expect(await staleReason(part())).toBeNull();
  });

  it('ignores its own output inside a source folder, and node_modules', async () => {
    await file('studio/dist/assets/chunk.js', 9_000);
    await file('studio/node_modules/x/index.js', 9_000);
    expect(await staleReason(part())).toBeNull();
  });
});
