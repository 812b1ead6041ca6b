import { readdir, stat } from 'node:fs/promises';
import path from 'node:path';

/** The latest modification time of the files under `paths` (folders recursively, not node_modules), skipping `skip`. */
async function newest(paths, skip) {
  let latest = 0;
  const visit = async (p) => {
    if (skip.includes(p)) return;
    const s = await stat(p).catch(() => null);
    if (!s) return;
    if (!s.isDirectory()) {
      latest = Math.max(latest, s.mtimeMs);
      return;
    }
    for (const name of await readdir(p)) if (name !== 'node_modules') await visit(path.join(p, name));
  };
  for (const p of paths) await visit(p);
  return latest;
}

/**
 * Why a build part must run — 'not built yet' when an output is missing, 'sources changed' when a file under
 * `inputs` is newer than the oldest output — or null when its outputs are current. Paths are relative to `root`;
 * `skip` lists input folders that are not sources (a build's own output inside a source folder).
 * @param {{ root: string, inputs: string[], outputs: string[], skip?: string[] }} part
 * @returns {Promise<'not built yet' | 'sources changed' | null>}
 */
export async function staleReason({ root, inputs, outputs, skip = [] }) {
  let built = Infinity;
  for (const p of outputs) {
    const s = await stat(path.join(root, p)).catch(() => null);
    if (!s) return 'not built yet';
    built = Math.min(built, s.mtimeMs);
  }
  const changed = await newest(
    inputs.map((p) => path.join(root, p)),
    skip.map((p) => path.join(root, p)),
  );
  return changed > built ? 'sources changed' : null;
}
