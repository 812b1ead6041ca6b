/**
 * Child script: the write pipeline's cost on PostgreSQL. Two record types with the same fields: `plain_ticket`
 * (a record type of its own: no state model, no UI policies) and `bench_ticket` (a case type extending task, with a
 * state model and two UI policies). Both write their history rows and outbox event in the write's statement.
 * Measured over HTTP with 10 requests in flight, interleaved rounds: plain creates per second, against rows per
 * second that are created and then moved on by a transition (create + transition, UI policies checked on both).
 * Prints `BENCH_RESULT {json}`.
 */
import 'reflect-metadata';
import { pino } from 'pino';
import { DEV_ADMIN, startAtrium } from '../../server/atrium.js';
import { loadConfig } from '../../server/config.js';
import { median } from './bench-results.js';
import { postGraphql } from './post-graphql.js';

const CONCURRENCY = 10;
const ROWS = Number(process.env.BENCH_WRITE_ROWS ?? 600);
const ROUNDS = Number(process.env.BENCH_WRITE_ROUNDS ?? 3);

const FIELDS = `  - { name: title, label: Title, type: string, maxLength: 120, required: true }
  - { name: body, label: Body, type: text }
  - { name: amount, label: Amount, type: integer }
  - { name: due, label: Due, type: date }
  - { name: note, label: Note, type: string, maxLength: 200 }
`;
const FILES = [
  {
    path: 'record-types/task.yaml',
    content: `name: task\nlabel: Task\nabstract: true\nnumberPrefix: TASK\ndisplayField: short_description\nfields:\n  - { name: short_description, label: Short description, type: string, maxLength: 160, required: true }\n  - name: state\n    label: State\n    type: choice\n    required: true\n    default: new\n    choices: [{ value: new, label: New }, { value: in_progress, label: In progress }, { value: closed, label: Closed }]\n`,
  },
  { path: 'record-types/plain_ticket.yaml', content: `name: plain_ticket\nlabel: Plain ticket\nnumberPrefix: PLN\nfields:\n  - { name: short_description, label: Short description, type: string, maxLength: 160, required: true }\n${FIELDS}` },
  { path: 'record-types/bench_ticket.yaml', content: `name: bench_ticket\nlabel: Bench ticket\nextends: task\nnumberPrefix: BTK\nfields:\n${FIELDS}` },
  { path: 'user-criteria/unit_admins.yaml', content: 'name: unit_admins\nlabel: Unit administrators\nroles: [unit_admin]\n' },
  { path: 'business-units/bench.yaml', content: 'name: bench\nlabel: Bench unit\nadmins: [unit_admins]\n' },
  { path: 'case-types/bench_ticket.yaml', content: 'name: bench_ticket\nbusinessUnit: bench\n' },
  {
    path: 'state-models/bench_ticket.yaml',
    content: `name: bench_ticket\nrecordType: bench_ticket\ninitial: new\nstates:\n  - { name: new, label: New, category: new }\n  - { name: in_progress, label: In progress, category: in_progress }\n  - { name: closed, label: Closed, category: closed }\ntransitions:\n  - { from: new, to: in_progress, requires: [title] }\n  - { from: in_progress, to: closed }\n`,
  },
  {
    path: 'ui-policies/bench_ticket_amount.yaml',
    content: `name: bench_ticket_amount\nrecordType: bench_ticket\ncondition: { field: state, op: eq, value: in_progress }\nactions:\n  - { field: amount, mandatory: true }\n`,
  },
  {
    path: 'ui-policies/bench_ticket_closed.yaml',
    content: `name: bench_ticket_closed\nrecordType: bench_ticket\ncondition: { field: state, op: eq, value: closed }\nactions:\n  - { field: title, readOnly: true }\n`,
  },
];

const atrium = await startAtrium({ ...loadConfig({ DATABASE_URL: process.env.DATABASE_URL }), port: 0, devTokenSecret: 'x'.repeat(40) }, { log: pino({ level: 'warn' }) });
const token = await atrium.auth.issueDevToken(DEV_ADMIN);
const url = `${atrium.url}/graphql`;
const gql = (query: string, variables: Record<string, unknown>) => postGraphql(url, query, variables, token);

const values = (i: number) => ({ shortDescription: `Row ${i}`, title: `Title ${i}`, body: 'Some text about it.', amount: i, due: '2026-12-24', note: 'n' });
const PLAIN = `mutation($i: CreatePlainTicketInput!) { createPlainTicket(input: $i) { plainTicket { id version } } }`;
const CREATE = `mutation($i: CreateBenchTicketInput!) { createBenchTicket(input: $i) { benchTicket { id version } } }`;
const MOVE = `mutation($i: TransitionBenchTicketInput!) { transitionBenchTicket(input: $i) { benchTicket { version state } } }`;

/** Runs `one(i)` for i < n with `CONCURRENCY` in flight; rows per second. */
async function rate(n: number, one: (i: number) => Promise<void>): Promise<number> {
  let next = 0;
  const t0 = performance.now();
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      for (let i = next++; i < n; i = next++) await one(i);
    }),
  );
  return n / ((performance.now() - t0) / 1000);
}

const plain = async (i: number) => {
  await gql(PLAIN, { i: values(i) });
};
const full = async (i: number) => {
  const made = (await gql(CREATE, { i: values(i) })).createBenchTicket.benchTicket;
  await gql(MOVE, { i: { id: made.id, version: made.version, to: 'IN_PROGRESS' } });
};

try {
  await atrium.metadata.importFiles(FILES, DEV_ADMIN.subject, { dryRun: false, message: 'bench: write pipeline' });
  // Warm-up: compiled schema, prepared statements, caches.
  await rate(100, plain);
  await rate(100, full);
  const plainRates: number[] = [];
  const fullRates: number[] = [];
  for (let r = 0; r < ROUNDS; r++) {
    plainRates.push(await rate(ROWS, plain));
    fullRates.push(await rate(ROWS, full));
  }
  const [history] = await atrium.db.run<{ n: number }>(
    (await import('drizzle-orm')).sql`SELECT count(*)::int AS n FROM atrium.record_history WHERE record_type = 'bench_ticket' AND field_name = 'state'`,
  );
  process.stdout.write(
    `BENCH_RESULT ${JSON.stringify({
      rows: ROWS,
      rounds: ROUNDS,
      plainCreatesPerSec: median(plainRates),
      createTransitionRowsPerSec: median(fullRates),
      ratio: median(fullRates) / median(plainRates),
      stateHistoryRows: Number(history.n),
    })}\n`,
  );
} finally {
  await atrium.stop();
}
