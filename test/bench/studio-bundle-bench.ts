/**
 * The studio's download as a browser gets it (gzip, as the server sends it): the first screen — index.html and
 * every script, module preload and stylesheet it names — against the aim of 350 KB, and each designer's own lazy
 * chunk. Reads the build in studio/dist (built first when missing).
 */
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { gzipSync } from 'node:zlib';

export interface StudioBundleResult {
  initialGzipKb: number;
  initialRawKb: number;
  initialFiles: number;
  aimKb: number;
  /** Designer (by folder) → gzip KB of the chunks it adds to the first screen when opened. */
  designerChunksGzipKb: Record<string, number>;
}

const kb = (bytes: number) => Math.round((bytes / 1024) * 10) / 10;
const DESIGNERS = ['publish', 'record-types', 'form-designer', 'case-types', 'state-model-designer', 'criteria-builder', 'access-rules'];

export async function studioBundleBench(repo: string): Promise<StudioBundleResult> {
  const dist = path.join(repo, 'studio/dist');
  if (!existsSync(path.join(dist, 'index.html'))) {
    const { build } = await import('vite');
    await build({ configFile: path.join(repo, 'studio/vite.config.ts'), logLevel: 'warn' });
  }
  const html = await readFile(path.join(dist, 'index.html'));
  const names = [...html.toString().matchAll(/(?:src|href)="\/studio\/(assets\/[^"]+)"/g)].map((m) => m[1]!);
  let gz = gzipSync(html).length;
  let raw = html.length;
  for (const name of new Set(names)) {
    const body = await readFile(path.join(dist, name));
    raw += body.length;
    gz += gzipSync(body).length;
  }
  // A designer costs its entry chunk and every chunk it imports that the first screen has not loaded already.
  const manifest = JSON.parse(await readFile(path.join(dist, '.vite/manifest.json'), 'utf8')) as Record<string, { file: string; imports?: string[]; css?: string[] }>;
  const initial = new Set(names);
  const designerChunksGzipKb: Record<string, number> = {};
  for (const d of DESIGNERS) {
    const entry = `src/${d}/index.ts`;
    if (!manifest[entry]) continue;
    const files = new Set<string>();
    const walk = (key: string) => {
      const chunk = manifest[key];
      if (!chunk || initial.has(chunk.file) || files.has(chunk.file)) return;
      files.add(chunk.file);
      for (const css of chunk.css ?? []) if (!initial.has(css)) files.add(css);
      for (const i of chunk.imports ?? []) walk(i);
    };
    walk(entry);
    let bytes = 0;
    for (const file of files) bytes += gzipSync(await readFile(path.join(dist, file))).length;
    designerChunksGzipKb[d] = kb(bytes);
  }
  return { initialGzipKb: kb(gz), initialRawKb: kb(raw), initialFiles: new Set(names).size + 1, aimKb: 350, designerChunksGzipKb };
}
