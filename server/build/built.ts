import { fileURLToPath } from 'node:url';

// esbuild defines it in the compiled server (server/build/build.mjs); under tsx and vitest it does not exist.
declare const ATRIUM_BUILT: boolean | undefined;

/** True when this code runs from the compiled server that `npm start` runs; false under tsx (tests, development). */
export const BUILT: boolean = typeof ATRIUM_BUILT !== 'undefined' && ATRIUM_BUILT;

/**
 * Where the build writes (gitignored): the compiled server `main.js`, its PGlite worker `pglite-worker.js` and
 * `pglite-template.tar.gz`, a freshly migrated embedded database a new data folder starts from. The build
 * rewrites `import.meta.url` to each source file's own address, so this resolves the same in both runs.
 */
export const BUILD_DIR = fileURLToPath(new URL('../../.atrium-build/', import.meta.url));

/** The template data folder: a new embedded database loads it instead of running initdb (~3 s) and migrations. */
export const PGLITE_TEMPLATE = `${BUILD_DIR}pglite-template.tar.gz`;
