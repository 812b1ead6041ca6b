/**
 * Child script: times publishing (DDL, schema build, hot swap) of a 100-type × 30-field schema through
 * `atrium.metadata.importFiles` on PostgreSQL, then a change to all 100 types, and how soon HTTP sees the change.
 * Prints `BENCH_RESULT {json}`.
 */
import 'reflect-metadata';
import { pino } from 'pino';
import { DEV_ADMIN, startAtrium } from '../../server/atrium.js';
import { loadConfig } from '../../server/config.js';
import { postGraphql } from './post-graphql.js';

const TYPES = 100;
const FIELDS = 30;
const KINDS = ['string', 'text', 'integer', 'decimal', 'boolean', 'date', 'datetime', 'choice', 'reference', 'email'] as const;

const typeName = (i: number) => `widget_${String(i).padStart(3, '0')}`;

/** 100 YAML files; reference fields point at the previous type (the first type at itself). `extra` adds a field to every type. */
function schemaFiles(extra: boolean): { path: string; content: string }[] {
  return Array.from({ length: TYPES }, (_, t) => {
    const lines = [`name: ${typeName(t)}`, `label: Widget ${t}`, `numberPrefix: W${t}`, 'fields:'];
    for (let f = 1; f <= FIELDS; f++) {
      const kind = KINDS[(f - 1) % KINDS.length];
      lines.push(`  - name: field_${String(f).padStart(2, '0')}`, `    label: Field ${f}`, `    type: ${kind}`);
      if (kind === 'string') lines.push('    maxLength: 120');
      if (kind === 'choice') lines.push('    choices:', '      - { value: low, label: Low }', '      - { value: high, label: High }');
      if (kind === 'reference') lines.push(`    reference: ${typeName(Math.max(0, t - 1))}`);
    }
    if (extra) lines.push('  - name: added_later', '    label: Added later', '    type: integer');
    return { path: `record-types/${typeName(t)}.yaml`, content: lines.join('\n') + '\n' };
  });
}

const atrium = await startAtrium({ ...loadConfig({ DATABASE_URL: process.env.DATABASE_URL }), port: 0, devTokenSecret: 'x'.repeat(40) }, { log: pino({ level: 'warn' }) });
const token = await atrium.auth.issueDevToken(DEV_ADMIN);
const url = `${atrium.url}/graphql`;
try {
  let t = performance.now();
  const first = await atrium.metadata.importFiles(schemaFiles(false), DEV_ADMIN.subject, { dryRun: false, message: 'bench: 100 × 30' });
  const createMs = performance.now() - t;
  t = performance.now();
  await postGraphql(url, `{ widget099s(first: 1) { nodes { id field01 } } }`, {}, token);
  const firstQueryMs = performance.now() - t;

  t = performance.now();
  const second = await atrium.metadata.importFiles(schemaFiles(true), DEV_ADMIN.subject, { dryRun: false, message: 'bench: add a field to every type' });
  const changeMs = performance.now() - t;
  t = performance.now();
  await postGraphql(url, `{ widget099s(first: 1) { nodes { id addedLater } } }`, {}, token);
  const visibleMs = performance.now() - t;

  process.stdout.write(
    `BENCH_RESULT ${JSON.stringify({
      types: TYPES,
      fieldsPerType: FIELDS,
      createMs,
      createChanges: first.changes.length,
      firstQueryMs,
      changeMs,
      changeChanges: second.changes.length,
      changeVisibleMs: visibleMs,
      rssMb: process.memoryUsage().rss / 2 ** 20,
    })}\n`,
  );
} finally {
  await atrium.stop();
}
