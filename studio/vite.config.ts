import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const root = fileURLToPath(new URL('.', import.meta.url));
const page = (file: string) => fileURLToPath(new URL(file, import.meta.url));

/**
 * Builds the studio shell and the GraphQL explorer as two pages of one app, so they share
 * React and the GraphQL client chunks. Everything is bundled (monaco, its workers, fonts):
 * the server serves it from disk and many installs have no internet.
 */
export default defineConfig({
  root,
  // Absolute, because the explorer page is also served at /graphql and must still find its assets.
  base: '/studio/',
  plugins: [react()],
  // No public/ folder: /studio/config.json is answered by the server, never by a built file.
  publicDir: false,
  worker: {
    // Module workers keep the graphql worker's lazy imports split out (~480 kB instead of ~620 kB
    // as iife); every browser the studio supports runs them.
    format: 'es',
  },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    // Read by the bench (test/bench/studio-bundle-bench.ts) to size each designer's chunks.
    manifest: true,
    // Monaco alone is ~3 MB minified; the warning would fire on every build and say nothing new.
    chunkSizeWarningLimit: 4096,
    reportCompressedSize: false,
    rolldownOptions: {
      input: {
        studio: page('index.html'),
        explorer: page('explorer.html'),
      },
      onwarn(warning, warn) {
        // graphiql ships React-compiler output marked "use no memo"; the directive only matters
        // to that compiler, which this build does not run, so dropping it is harmless.
        if (warning.code === 'MODULE_LEVEL_DIRECTIVE') return;
        warn(warning);
      },
    },
  },
});
