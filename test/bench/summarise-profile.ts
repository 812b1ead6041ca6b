import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
}

export interface ProfileSummary {
  totalMs: number;
  /** Share of CPU samples by package (node_modules/<pkg>), project file, or V8 bucket (idle, GC). */
  byPackage: { name: string; percent: number }[];
  byFunction: { name: string; percent: number }[];
}

/** Self time of a V8 CPU profile grouped by package and by function: where a server's CPU goes. */
export async function summariseProfile(file: string, top = 15): Promise<ProfileSummary> {
  const profile = JSON.parse(await readFile(file, 'utf8')) as { nodes: ProfileNode[]; samples: number[]; timeDeltas: number[] };
  const nodes = new Map(profile.nodes.map((n) => [n.id, n]));
  const byPackage = new Map<string, number>();
  const byFunction = new Map<string, number>();
  let total = 0;
  profile.samples.forEach((id, i) => {
    const dt = profile.timeDeltas[i] ?? 0;
    total += dt;
    const { functionName, url, lineNumber } = nodes.get(id)!.callFrame;
    const pkg = packageOf(url) ?? `(${functionName || 'native'})`;
    byPackage.set(pkg, (byPackage.get(pkg) ?? 0) + dt);
    const fn = `${functionName || '(anonymous)'} ${url ? `${packageOf(url)}/${url.split('/').pop()}:${lineNumber + 1}` : ''}`.trim();
    byFunction.set(fn, (byFunction.get(fn) ?? 0) + dt);
  });
  const topOf = (m: Map<string, number>) =>
    [...m.entries()]
      .sort((a, b) => b[1] - a[1])
      .slice(0, top)
      .map(([name, t]) => ({ name, percent: (100 * t) / total }));
  return { totalMs: total / 1000, byPackage: topOf(byPackage), byFunction: topOf(byFunction) };
}

function packageOf(url: string): string | null {
  if (!url) return null;
  const m = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url);
  if (m) return m[1];
  if (!url.startsWith('file:')) return url.split('/')[0];
  return path.relative(process.cwd(), fileURLToPath(url)).split(path.sep).slice(0, 2).join('/');
}
