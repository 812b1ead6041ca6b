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
import type { KindName } from '../../schema/index.js';

const TYPES = 100;
const FIELDS = 30;
const KINDS = ['string', 'text', 'integer', 'decimal', 'boolean', 'date', 'datetime', 'choice', 'reference', 'email'] as const;

const typeName = (i: number) => `widget_${String(i).padStart(3, '0')}`;

/** What a business unit's case type stands on: the abstract task, the unit and its administrators' criteria. */
const CASE_BASE = [
  { path: 'record-types/task.yaml', content: 'name: task\nlabel: Task\nabstract: true\nnumberPrefix: TASK\ndisplayField: short_description\nfields:\n  - { name: short_description, label: Short description, type: string, maxLength: 160, required: true }\n  - name: state\n    label: State\n    type: choice\n    required: true\n    default: new\n    choices: [{ value: new, label: New }, { value: in_progress, label: In progress }, { value: closed, label: Closed }]\n' },
  { path: 'user-criteria/unit_admins.yaml', content: 'name: unit_admins\nlabel: Unit administrators\nroles: [unit_admin]\n' },
  { path: 'business-units/bench.yaml', content: 'name: bench\nlabel: Bench unit\nadmins: [unit_admins]\n' },
];

/** One new case type as a unit would draft it: record type, case type, state model, form and a UI policy. */
const CASE_DRAFTS: [KindName, Record<string, unknown>][] = [
  ['caseType', { name: 'bench_case', businessUnit: 'bench' }],
  [
    'recordType',
    {
      name: 'bench_case',
      label: 'Bench case',
      extends: 'task',
      numberPrefix: 'BEN',
      fields: Array.from({ length: 10 }, (_, i) => ({ name: `detail_${i}`, label: `Detail ${i}`, type: i % 2 ? 'integer' : 'string' })),
    },
  ],
  [
    'stateModel',
    {
      name: 'bench_case',
      recordType: 'bench_case',
      initial: 'new',
      states: [
        { name: 'new', label: 'New', category: 'new' },
        { name: 'in_progress', label: 'In progress', category: 'in_progress' },
        { name: 'closed', label: 'Closed', category: 'closed' },
      ],
      transitions: [
        { from: 'new', to: 'in_progress' },
        { from: 'in_progress', to: 'closed', requires: ['detail_0'] },
      ],
    },
  ],
  ['form', { name: 'bench_case', recordType: 'bench_case', sections: [{ columns: [['short_description', 'state'], ['detail_0', 'detail_1']] }] }],
  ['uiPolicy', { name: 'bench_case_closed', recordType: 'bench_case', condition: { field: 'state', op: 'eq', value: 'closed' }, actions: [{ field: 'detail_1', readOnly: true }] }],
];

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

  // One new case type into this installation of 100 types: drafting is the admin's typing (not timed); timed is
  // the publish (validate, DDL, schema build, swap) until the new type answers over HTTP.
  await atrium.metadata.importFiles([...schemaFiles(true), ...CASE_BASE], DEV_ADMIN.subject, { dryRun: false, message: 'bench: task and a unit' });
  for (const [kind, doc] of CASE_DRAFTS) await atrium.metadata.saveDocumentDraft(kind, doc, DEV_ADMIN.subject);
  t = performance.now();
  const caseType = await atrium.metadata.publishDrafts(DEV_ADMIN.subject, 'bench: one case type');
  const casePublishMs = performance.now() - t;
  await postGraphql(url, `{ benchCases(first: 1) { totalCount nodes { availableTransitions { to } } } }`, {}, token);
  const caseQueryableMs = performance.now() - t;

  process.stdout.write(
    `BENCH_RESULT ${JSON.stringify({
      casePublishMs,
      caseQueryableMs,
      caseChanges: caseType.diff.length,
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
