import 'reflect-metadata';
import { execFile } from 'node:child_process';
import { readFile, writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { lexicographicSortSchema, printSchema } from 'graphql';
import { describe, expect, it } from 'vitest';
import { buildModel, EMPTY_SNAPSHOT } from '../../schema/index.js';
import { DEMO_PACKS, readPack } from '../../seeds/load-pack.js';
import { identityFiles } from '../../server/metadata/identity-pack.js';
import { addAdminApi } from '../../server/graphql/admin/build-admin-schema.js';
import { buildRecordSchema } from '../../server/graphql/records/index.js';
import { carryForward, importFiles } from '../../server/metadata/index.js';

const GOLDEN = fileURLToPath(new URL('./schema.golden.graphql', import.meta.url));

describe('the generated schema', () => {
  it('matches the reviewed golden SDL for the seeded metadata (UPDATE_GOLDEN=1 rewrites it)', async () => {
    const snapshot = carryForward(EMPTY_SNAPSHOT, importFiles([...(await identityFiles()), ...(await readPack(...DEMO_PACKS))]));
    const { schema } = buildRecordSchema(buildModel(snapshot), { defaultPageSize: 20, maxPageSize: 100 }, addAdminApi);
    const sdl = printSchema(lexicographicSortSchema(schema));
    if (process.env.UPDATE_GOLDEN) await writeFile(GOLDEN, sdl);
    expect(sdl).toBe(await readFile(GOLDEN, 'utf8'));
    expect(sdl).toContain('Incident. An unplanned interruption or reduction in quality of a service.');
    expect(sdl).toMatch(/type Incident implements Node & Task/);
  });

  it('loads under the same runner as `npm start` (tsx emits no decorator metadata)', async () => {
    const script = "import('reflect-metadata').then(() => import('./server/graphql/admin/build-admin-schema.ts')).then((m) => { m.getAdminSchema(); console.log('ok'); })";
    const { stdout } = await promisify(execFile)(process.execPath, ['--import', 'tsx', '-e', script], { cwd: fileURLToPath(new URL('../..', import.meta.url)) });
    expect(stdout.trim()).toBe('ok');
  });
});
