// Builds what `npm start` runs, each part only when its sources are newer than its output (or the output is
// missing): the studio (vite), the server compiled to JavaScript (esbuild; tsx compiling at run time cost ~2 s of
// every start) and a migrated PGlite template a new data folder starts from (initdb costs ~3 s).
// `--force` builds every part. Plain JavaScript: it runs before anything is compiled, on every `npm start`.
import { existsSync } from 'node:fs';
import { mkdir, readFile, rename, rm } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { staleReason } from './stale.mjs';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
// Keep in step with BUILD_DIR in server/build/built.ts.
const BUILD_DIR = path.join(ROOT, '.atrium-build');
const at = (p) => path.join(ROOT, p);

async function buildStudio() {
  const { build } = await import('vite');
  await build({ configFile: at('studio/vite.config.ts'), logLevel: 'warn' });
}

/**
 * Bundles only our own code (`packages: 'external'`): pglite's WASM and data files, and every other package, load
 * from node_modules as under tsx. `import.meta.url` is rewritten to each source file's address, so the files our
 * modules find beside them (migrations, packs, identity types, the studio build) are found in the source tree.
 */
async function buildServer() {
  const esbuild = await import('esbuild');
  const sourceUrls = {
    name: 'source-import-meta-url',
    setup(build) {
      build.onLoad({ filter: /\.ts$/ }, async (args) => {
        if (args.path.includes(`${path.sep}node_modules${path.sep}`)) return undefined;
        const text = await readFile(args.path, 'utf8');
        if (!text.includes('import.meta.url')) return undefined;
        const rel = path.relative(BUILD_DIR, args.path).split(path.sep).join('/');
        return { contents: text.replaceAll('import.meta.url', `new URL(${JSON.stringify(rel)}, import.meta.url).href`), loader: 'ts' };
      });
    },
  };
  await esbuild.build({
    absWorkingDir: ROOT,
    entryPoints: { main: 'server/main.ts', 'pglite-worker': 'server/db/pglite-worker.ts', 'make-pglite-template': 'server/build/make-pglite-template.ts' },
    outdir: BUILD_DIR,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    packages: 'external',
    // server/build/built.ts: the compiled server runs its compiled worker and may use the template.
    define: { ATRIUM_BUILT: 'true' },
    sourcemap: 'linked',
    tsconfig: at('tsconfig.json'),
    logLevel: 'warning',
    plugins: [sourceUrls],
  });
}

async function makeTemplate() {
  const compiled = path.join(BUILD_DIR, 'make-pglite-template.js');
  if (!existsSync(compiled)) throw new Error('the template is made by the compiled server: build it too (node server/build/build.mjs server template)');
  const { makePgliteTemplate } = await import(pathToFileURL(compiled).href);
  const file = path.join(BUILD_DIR, 'pglite-template.tar.gz');
  const partial = `${file}.partial`;
  await rm(partial, { force: true });
  await makePgliteTemplate(partial);
  // Whole or not at all: a start never loads half a template.
  await rename(partial, file);
}

const parts = [
  { name: 'studio', what: 'the studio', inputs: ['studio', 'schema', 'package-lock.json'], skip: ['studio/dist'], outputs: ['studio/dist/index.html', 'studio/dist/explorer.html'], run: buildStudio },
  {
    name: 'server',
    what: 'the server',
    inputs: ['server', 'schema', 'seeds', 'tsconfig.json', 'package-lock.json'],
    outputs: ['.atrium-build/main.js', '.atrium-build/pglite-worker.js', '.atrium-build/make-pglite-template.js'],
    run: buildServer,
  },
  // A template older than the migrations is still correct (the rest migrate at start), but slower: remade.
  { name: 'template', what: 'the embedded database template', inputs: ['server/db/migrations', 'schema/platform/identity', 'package-lock.json'], outputs: ['.atrium-build/pglite-template.tar.gz'], run: makeTemplate },
];

// `node server/build/build.mjs [--force] [studio] [server] [template]`: the parts named, or all of them.
const args = process.argv.slice(2);
const force = args.includes('--force');
const named = args.filter((a) => !a.startsWith('--'));
const unknown = named.filter((n) => !parts.some((p) => p.name === n));
if (unknown.length) {
  process.stderr.write(`unknown build part ${unknown.join(', ')}: the parts are ${parts.map((p) => p.name).join(', ')}\n`);
  process.exit(2);
}
await mkdir(BUILD_DIR, { recursive: true });
for (const part of parts) {
  if (named.length && !named.includes(part.name)) continue;
  const reason = force ? 'forced' : await staleReason({ root: ROOT, ...part });
  if (!reason) continue;
  const t0 = performance.now();
  process.stderr.write(`building ${part.what} (${reason})… `);
  await part.run();
  process.stderr.write(`${((performance.now() - t0) / 1000).toFixed(1)} s\n`);
}
