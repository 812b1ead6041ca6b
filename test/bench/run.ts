/**
 * `npm run bench`: the nested page of /work/shared/BENCHMARK.md against the floor (one hand-written statement),
 * PostGraphile 5 and Atrium (as admin, as an agent with group rules and as a customer contact with account-tree
 * rules), each server in its own process on the same PostgreSQL database, loaded with autocannon from this
 * process in interleaved rounds; then publish time, the write pipeline, the engines, approval flows, PGlite cold
 * start and memory.
 * BENCH_SECONDS / BENCH_ROUNDS shorten a smoke run. Results: the table below and test/bench/results/latest.json.
 */
import { execFileSync } from 'node:child_process';
import { mkdir, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { importBenchMetadata } from './bench-metadata.js';
import { formatResults, PERSONA_TARGETS, summarise, type BenchResults, type FlowBenchResult, type PersonaVerification, type TargetName, type TargetResult } from './bench-results.js';
import { benchSettings } from './bench-settings.js';
import { coldStartBench } from './cold-start-bench.js';
import { studioBundleBench } from './studio-bundle-bench.js';
import { ownCpuMs, postgresCpuBetween, postgresCpuSnapshot, processCpuMs } from './cpu-time.js';
import { committedTransactions, STATS_FLUSH_MS } from './database-counters.js';
import { explainStatement } from './explain-statement.js';
import { installPostgraphile } from './install-postgraphile.js';
import { loadBenchData } from './load-bench-data.js';
import { ATRIUM_PAGE, FLOOR_PARAMS, FLOOR_SQL, POSTGRAPHILE_PAGE } from './page-queries.js';
import { PERSONA_FACTS_SQL, PERSONA_FLOOR_SQL, personaBody } from './persona-queries.js';
import { PERSONAS, type PersonaName } from './personas.js';
import { dropDatabase, ensurePostgresRunning, recreateDatabase, statStatementsLoaded } from './postgres-admin.js';
import { runLoad, type LoadTarget } from './run-load.js';
import { startServerProcess, type ServerProcess } from './server-process.js';
import { summariseProfile } from './summarise-profile.js';
import { assertPersonaPage, assertSamePage } from './verify-answers.js';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const REPO = path.resolve(HERE, '..', '..');
const settings = benchSettings();
const log = (line: string) => process.stdout.write(`[bench ${new Date().toISOString().slice(11, 19)}] ${line}\n`);
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

interface Target {
  name: TargetName;
  label: string;
  server: ServerProcess;
  load: LoadTarget;
  startMb: number;
}

const results: BenchResults = {
  startedAt: new Date().toISOString(),
  settings: { ...settings },
  machine: { cpus: os.cpus().length, cpuModel: os.cpus()[0]?.model, memoryGb: Math.round(os.totalmem() / 2 ** 30), node: process.version },
  statementCounting: '',
  targets: {},
  postgraphile: {},
};
const servers: ServerProcess[] = [];

/** The commit measured, and whether server code differed from it: others commit while a bench runs. */
function codeVersion(): { commit: string; dirty: string[] } {
  try {
    const commit = execFileSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: REPO, encoding: 'utf8' }).trim();
    const dirty = execFileSync('git', ['status', '--porcelain', '--', 'server', 'schema', 'package.json'], { cwd: REPO, encoding: 'utf8' }).split('\n').filter(Boolean);
    return { commit, dirty };
  } catch {
    return { commit: 'unknown', dirty: [] };
  }
}
results.code = { atStart: codeVersion() };

async function main(): Promise<void> {
  await ensurePostgresRunning(settings.adminUrl);
  const preloaded = await statStatementsLoaded(settings.adminUrl);
  results.statementCounting = preloaded
    ? 'pg_stat_statements is preloaded, but the figures below come from counting in each server process'
    : 'pg_stat_statements is not in shared_preload_libraries (the shared cluster was not restarted to add it), so "stmts/req" counts every statement each server sends (Atrium: db.onStatement; floor: its own counter; PostGraphile: a wrapped pg Client.query), and "xacts/req" is the server-side cross-check: pg_stat_database.xact_commit of the bench database over 100 sequential requests';
  log(`settings: ${JSON.stringify(settings)}`);
  await recreateDatabase(settings.adminUrl, settings.database);
  results.machine.postgres = await postgresVersion();

  log('starting Atrium (PostgreSQL) and publishing the bench metadata');
  const atrium = await spawnServer('atrium', process.execPath, ['--import', 'tsx', path.join(HERE, 'servers', 'atrium-server.ts')], REPO, {
    NODE_ENV: settings.atriumNodeEnv || undefined,
    BENCH_PROFILE_FILE: path.join(HERE, 'results', 'atrium.cpuprofile'),
  });
  await importBenchMetadata(atrium.info.url, atrium.info.token!, settings.contactRule);
  log('loading 5,000 people (200 agents, 4,800 contacts of 200 accounts), 50 nested groups, 100,000 incidents, 300,000 journal entries');
  const data = await loadBenchData(settings.databaseUrl);
  results.data = { loadMs: data.ms, rows: data.rows };
  log(`loaded in ${(data.ms / 1000).toFixed(1)} s`);

  const floor = await spawnServer('floor', process.execPath, ['--import', 'tsx', path.join(HERE, 'servers', 'floor-server.ts')], REPO);
  let postgraphile: ServerProcess | null = null;
  if (!settings.postgraphile) results.postgraphile.skipped = 'BENCH_POSTGRAPHILE=0';
  else {
    try {
      const install = await installPostgraphile(log);
      results.postgraphile.version = install.version;
      postgraphile = await spawnServer('postgraphile', install.node, [install.script], path.dirname(install.script), { NODE_ENV: 'production' });
      results.postgraphile.node = String(postgraphile.info.node);
    } catch (e) {
      results.postgraphile.skipped = (e as Error).message;
      log(`PostGraphile skipped: ${(e as Error).message}`);
    }
  }

  const graphqlBody = (query: string) => JSON.stringify({ query });
  const personaToken = (p: PersonaName) => (atrium.info.personaTokens as Record<PersonaName, string>)[p];
  const candidates: (Omit<Target, 'load' | 'startMb'> & { token?: string })[] = [
    { name: 'floor', label: 'floor (SQL → JSON, node:http)', server: floor },
    ...(postgraphile ? [{ name: 'postgraphile' as const, label: `PostGraphile ${results.postgraphile.version}`, server: postgraphile }] : []),
    { name: 'atrium', label: `Atrium (admin, NODE_ENV=${settings.atriumNodeEnv || 'unset'})`, server: atrium, token: atrium.info.token },
    { name: 'atrium_agent', label: `Atrium (agent ${PERSONAS.agent.userName}: ${PERSONAS.agent.groups.length} of 50 groups)`, server: atrium, token: personaToken('agent') },
    { name: 'atrium_contact', label: `Atrium (contact ${PERSONAS.contact.userName}: tree of ${PERSONAS.contact.accountTree.length} accounts, rule on ${settings.contactRule === 'caller' ? 'caller.account' : 'incident.account'})`, server: atrium, token: personaToken('contact') },
  ];
  const targets: Target[] = [];
  for (const c of candidates) {
    const headers: Record<string, string> = { 'content-type': 'application/json' };
    if (c.token) headers.authorization = `Bearer ${c.token}`;
    const body = graphqlBody(c.name === 'postgraphile' ? POSTGRAPHILE_PAGE : ATRIUM_PAGE);
    const res = await fetch(c.server.info.url, { method: 'POST', headers, body });
    const text = await res.text();
    if (!res.ok) throw new Error(`${c.label} answered ${res.status}: ${text.slice(0, 2000)}`);
    targets.push({ ...c, load: { url: c.server.info.url, headers, body, expectBody: text }, startMb: c.server.memory().rssMb });
  }

  log('verifying the answers');
  const reference = targets[0];
  const agreed: TargetName[] = [reference.name];
  let incidents: string[] = [];
  for (const t of targets.slice(1)) {
    if (t.name in PERSONA_TARGETS) continue;
    incidents = assertSamePage({ name: reference.label, body: reference.load.expectBody }, { name: t.label, body: t.load.expectBody });
    agreed.push(t.name);
  }
  results.verification = { incidents, agreed, personas: {} };
  log(`all admin targets return the same 50 incidents (${incidents[0]} … ${incidents.at(-1)}), values and newest journal entries`);
  for (const t of targets) {
    const persona = PERSONA_TARGETS[t.name as keyof typeof PERSONA_TARGETS];
    if (!persona) continue;
    const v = await verifyPersona(persona, t);
    results.verification.personas![persona] = v;
    log(
      `${t.label}: sees ${v.visibleIncidents} of ${v.totalIncidents} incidents (${((100 * v.visibleIncidents) / v.totalIncidents).toFixed(1)} %); ` +
        `page ${v.page.byteIdentical ? 'byte-identical' : `equal in value, not byte-identical (${v.page.firstDifference})`} to the hand-written statement's, ${v.sampled} more responses byte-compared; ` +
        `hidden on the page: ${v.page.hiddenCallers} callers, ${v.page.hiddenGroups} groups, ${v.page.hiddenAuthors} of ${v.page.entries} journal authors; ${v.page.withoutEntries} incidents without visible journal`,
    );
  }

  log('EXPLAIN (ANALYZE, BUFFERS) of each statement, on the idle database');
  const statements = await captureStatements(targets);
  const compiled = await startCompiledFloor(statements.atrium, targets.find((t) => t.name === 'atrium')!);
  if (compiled) targets.splice(1, 0, compiled);
  results.plans = {};
  const costs: Partial<Record<TargetName, TargetResult['statement']>> = {};
  for (const [name, st] of Object.entries(statements) as [TargetName, { sql: string; params: unknown[] }][]) {
    const cost = await explainStatement(settings.databaseUrl, st);
    results.plans[name] = { custom: cost.plan, generic: cost.genericPlan };
    costs[name] = { sql: st.sql, executionMs: cost.executionMs, planningMs: cost.planningMs, genericExecutionMs: cost.genericExecutionMs };
  }
  // The compiled floor runs Atrium's admin statement: the same plan and cost.
  if (compiled && costs.atrium) costs.compiled_floor = costs.atrium;
  // The hand-written statements of the persona pages: what the same visibility costs without Atrium's SQL.
  for (const [persona, v] of Object.entries(results.verification.personas ?? {}) as [PersonaName, PersonaVerification][]) {
    const cost = await explainStatement(settings.databaseUrl, { sql: PERSONA_FLOOR_SQL, params: [...FLOOR_PARAMS, PERSONAS[persona].userName] });
    results.plans[`floor_${persona}`] = { custom: cost.plan, generic: cost.genericPlan };
    v.floorStatement = { executionMs: cost.executionMs, planningMs: cost.planningMs, genericExecutionMs: cost.genericExecutionMs };
  }

  log('server-side statement check: 100 sequential requests per target, pg_stat_database.xact_commit (waits for the statistics to flush)');
  const transactions = await transactionsPerRequest(targets, 100);

  const rounds = new Map<TargetName, TargetResult['rounds']>(targets.map((t) => [t.name, []]));
  for (let round = 1; round <= settings.rounds; round++) {
    for (const t of targets) {
      await runLoad(t.load, settings.warmupSeconds, settings.connections);
      const before = await settledStatements(t.server);
      const cpu0 = { server: processCpuMs(t.server.pid), postgres: postgresCpuSnapshot(), loader: ownCpuMs() };
      const r = await runLoad(t.load, settings.measureSeconds, settings.connections);
      const cpu1 = { server: processCpuMs(t.server.pid), postgres: postgresCpuSnapshot(), loader: ownCpuMs() };
      const after = await settledStatements(t.server);
      const perRequest = (after - before) / r.sent;
      const cpuPerRequest = {
        server: (cpu1.server - cpu0.server) / r.requests,
        postgres: postgresCpuBetween(cpu0.postgres, cpu1.postgres) / r.requests,
        loader: (cpu1.loader - cpu0.loader) / r.requests,
      };
      rounds.get(t.name)!.push({ ...r, statementsPerRequest: perRequest, cpuMsPerRequest: cpuPerRequest });
      log(`round ${round} ${t.label}: ${r.reqPerSec.toFixed(0)} req/s, p50 ${r.p50.toFixed(1)} ms, p95 ${r.p95.toFixed(1)} ms, p99 ${r.p99.toFixed(1)} ms, ${perRequest.toFixed(2)} statements/request, CPU ms/request server ${cpuPerRequest.server.toFixed(2)} PostgreSQL ${cpuPerRequest.postgres.toFixed(2)} autocannon ${cpuPerRequest.loader.toFixed(2)}${r.errors + r.non2xx + r.mismatches + r.timeouts ? `, ${r.errors} errors, ${r.non2xx} non-2xx, ${r.mismatches} mismatches, ${r.timeouts} timeouts` : ''}`);
    }
  }
  if (settings.profile) {
    // An extra run, not counted: the profiler slows the process it watches.
    log(`profiling Atrium for ${settings.measureSeconds} s (not counted)`);
    await atrium.ask('profileStart');
    await runLoad(targets.find((t) => t.name === 'atrium')!.load, settings.measureSeconds, settings.connections);
    results.atriumProfile = await summariseProfile((await atrium.ask<{ file: string }>('profileStop')).file);
  }
  for (const t of targets) {
    const rs = rounds.get(t.name)!;
    const bad = rs.reduce((n, r) => n + r.errors + r.non2xx + r.mismatches + r.timeouts, 0);
    const mem = t.server.memory();
    results.targets[t.name] = {
      name: t.name,
      label: t.label,
      rounds: rs,
      summary: summarise(rs),
      transactionsPerRequest: transactions[t.name] ?? null,
      memory: { startMb: t.startMb, afterLoadMb: mem.rssMb, peakMb: mem.peakRssMb },
      statement: costs[t.name] ?? null,
      invalid: bad ? `${bad} requests failed or answered something other than the verified page` : null,
    };
  }
  for (const s of servers.splice(0)) await s.stop();

  log('publish bench: 100 record types × 30 fields on PostgreSQL');
  results.publish = await publishBench().catch((e: Error) => ({ error: e.message }));
  log('write pipeline bench: create + transition (state model, UI policies, history, event) against a plain create, on PostgreSQL');
  results.writePipeline = await childBench('write-pipeline', 'write-pipeline-bench.ts').catch((e: Error) => ({ error: e.message }));
  log('engines bench: routed creates with two SLAs against creates no engine acts on; breach-detection lag with 100k running SLAs, on PostgreSQL');
  results.engines = await childBench('engines', 'engine-bench.ts').catch((e: Error) => ({ error: e.message }));
  log('approval flows bench: approval steps per second and step latency with 10k flows in flight, against a bare UPDATE … RETURNING + audit insert, on PostgreSQL');
  results.flows = await childBench<FlowBenchResult>('flows', 'flow-bench.ts').catch((e: Error) => ({ error: e.message }));
  log('cold start on PGlite (fresh and reopened data folder): compiled, as npm start runs it, and from source under tsx');
  results.coldStart = await coldStartBench(REPO, 2, 'compiled').catch((e: Error) => ({ error: e.message }));
  results.coldStartTsx = await coldStartBench(REPO, 2, 'tsx').catch((e: Error) => ({ error: e.message }));
  log('studio download: the first screen and each designer chunk, gzip');
  results.studioBundle = await studioBundleBench(REPO).catch((e: Error) => ({ error: e.message }));
}

/**
 * Checks a persona's page against the hand-written statement of persona-queries.ts (byte for byte, the first
 * answer and a sample of further ones), and what the persona may see against personas.ts.
 */
async function verifyPersona(persona: PersonaName, t: Target, sample = 20): Promise<PersonaVerification> {
  const { default: postgres } = await import('postgres');
  const sql = postgres(settings.databaseUrl, { max: 1, onnotice: () => {}, connection: { TimeZone: 'UTC' } });
  try {
    const p = PERSONAS[persona];
    const [facts] = await sql.unsafe<{ agent: boolean; contact: boolean; groups: string; accounts: string; visible: number; total: number }[]>(PERSONA_FACTS_SQL, [p.userName]);
    if (!facts) throw new Error(`there is no user ${p.userName}`);
    const groups = (JSON.parse(facts.groups) as string[]).sort();
    const accounts = (JSON.parse(facts.accounts) as string[]).sort();
    const names = (prefix: string, ns: readonly number[]) => ns.map((n) => `${prefix} ${n}`).sort();
    const want =
      persona === 'agent'
        ? { agent: true, contact: false, groups: names('Group', PERSONAS.agent.groups), accounts: [] as string[] }
        : { agent: false, contact: true, groups: [] as string[], accounts: names('Account', PERSONAS.contact.accountTree) };
    const got = { agent: facts.agent, contact: facts.contact, groups, accounts };
    if (JSON.stringify(got) !== JSON.stringify(want)) throw new Error(`${p.userName} is not the ${persona} personas.ts describes:\n${JSON.stringify(got)}\n${JSON.stringify(want)}`);
    const [{ incidents }] = await sql.unsafe<{ incidents: string }[]>(PERSONA_FLOOR_SQL, [...FLOOR_PARAMS, p.userName], { prepare: true });
    const expected = { name: `hand-written SQL for ${p.userName}`, body: personaBody(incidents) };
    const page = assertPersonaPage(persona, expected, { name: t.label, body: t.load.expectBody }, groups);
    for (let i = 0; i < sample; i++) {
      const again = await fetch(t.load.url, { method: 'POST', headers: t.load.headers, body: t.load.body }).then((r) => r.text());
      if (again !== t.load.expectBody) throw new Error(`${t.label}: response ${i + 2} differs from the first:\n${again.slice(0, 1500)}`);
    }
    return { userName: p.userName, groups, accounts, visibleIncidents: facts.visible, totalIncidents: facts.total, page, sampled: sample };
  } finally {
    await sql.end({ timeout: 5 });
  }
}

/** The child's statement count once requests still in flight after a load run have finished. */
async function settledStatements(server: ServerProcess): Promise<number> {
  let last = (await server.ask<{ statements: number }>('stats')).statements;
  for (let i = 0; i < 50; i++) {
    await sleep(100);
    const now = (await server.ask<{ statements: number }>('stats')).statements;
    if (now === last) return now;
    last = now;
  }
  return last;
}

async function spawnServer(name: string, command: string, args: string[], cwd: string, env: NodeJS.ProcessEnv = {}): Promise<ServerProcess> {
  const server = await startServerProcess({ name, command, args, cwd, env: { DATABASE_URL: settings.databaseUrl, ...env } });
  servers.push(server);
  log(`${name} is up in ${(server.readyMs / 1000).toFixed(1)} s at ${server.info.url} (pid ${server.pid})`);
  return server;
}

/**
 * The second floor: Atrium's own admin statement, captured above, on bare node:http + postgres.js. Its answer
 * must be byte-identical to Atrium's, like every other target's.
 */
async function startCompiledFloor(statement: { sql: string; params: unknown[] } | undefined, atrium: Target): Promise<Target | null> {
  if (!statement) {
    log('no Atrium statement was captured: the compiled floor is skipped');
    return null;
  }
  const rootKey = Object.keys((JSON.parse(atrium.load.expectBody) as { data: Record<string, unknown> }).data)[0];
  const file = path.join(HERE, 'results', 'compiled-floor-statement.json');
  await mkdir(path.dirname(file), { recursive: true });
  await writeFile(file, JSON.stringify({ ...statement, rootKey }));
  const server = await spawnServer('compiled_floor', process.execPath, ['--import', 'tsx', path.join(HERE, 'servers', 'compiled-floor-server.ts')], REPO, { BENCH_STATEMENT_FILE: file });
  const load = { ...atrium.load, url: server.info.url, headers: { 'content-type': 'application/json' } };
  const text = await fetch(load.url, { method: 'POST', headers: load.headers, body: load.body }).then((r) => r.text());
  if (text !== atrium.load.expectBody) throw new Error(`the compiled floor's answer differs from Atrium's:\n${text.slice(0, 500)}\n${atrium.load.expectBody.slice(0, 500)}`);
  log(`compiled floor answers byte-identically to Atrium (admin)`);
  return { name: 'compiled_floor', label: "Atrium's statement on node:http (2nd floor)", server, load, startMb: server.memory().rssMb };
}

/** The statement each target sends for the page, with its parameters, captured in the server process. */
async function captureStatements(targets: Target[]): Promise<Partial<Record<TargetName, { sql: string; params: unknown[] }>>> {
  const out: Partial<Record<TargetName, { sql: string; params: unknown[] }>> = {};
  for (const t of targets) {
    if (t.name === 'floor') {
      out.floor = { sql: FLOOR_SQL, params: [...FLOOR_PARAMS] };
      continue;
    }
    await t.server.ask('capture');
    await fetch(t.load.url, { method: 'POST', headers: t.load.headers, body: t.load.body }).then((r) => r.text());
    const { statements } = await t.server.ask<{ statements: { sql: string; params: unknown[] }[] }>('capture');
    const page = statements.filter((s) => /incident/i.test(s.sql));
    if (page.length !== 1) log(`${t.label} sent ${statements.length} statements for one page (${page.length} about incidents)`);
    if (page[0]) out[t.name] = page[0];
  }
  return out;
}

async function transactionsPerRequest(targets: Target[], requests: number): Promise<Partial<Record<TargetName, number>>> {
  const out: Partial<Record<TargetName, number>> = {};
  await sleep(STATS_FLUSH_MS);
  for (const t of targets) {
    const before = await committedTransactions(settings.adminUrl, settings.database);
    for (let i = 0; i < requests; i++) await fetch(t.load.url, { method: 'POST', headers: t.load.headers, body: t.load.body }).then((r) => r.text());
    await sleep(STATS_FLUSH_MS);
    const after = await committedTransactions(settings.adminUrl, settings.database);
    out[t.name] = (after - before) / requests;
    log(`${t.label}: ${(after - before)} transactions for ${requests} requests`);
  }
  return out;
}

/** A bench script in its own process on a fresh database of its own; its `BENCH_RESULT` line is the result. */
async function childBench<T = Record<string, number>>(name: string, script: string): Promise<T> {
  const database = `${settings.database}_${name.replace(/-/g, '_')}`;
  const url = settings.databaseUrl.replace(/\/[^/]+$/, `/${database}`);
  await recreateDatabase(settings.adminUrl, database);
  try {
    const server = await startServerProcess({ name, command: process.execPath, args: ['--import', 'tsx', path.join(HERE, script)], cwd: REPO, env: { DATABASE_URL: url }, timeoutMs: 600_000, readyLine: 'BENCH_RESULT' });
    await server.stop();
    return server.info as unknown as T;
  } finally {
    await dropDatabase(settings.adminUrl, database);
  }
}

async function publishBench(): Promise<Record<string, number>> {
  const database = `${settings.database}_publish`;
  const url = settings.databaseUrl.replace(/\/[^/]+$/, `/${database}`);
  await recreateDatabase(settings.adminUrl, database);
  try {
    const server = await startServerProcess({
      name: 'publish',
      command: process.execPath,
      args: ['--import', 'tsx', path.join(HERE, 'publish-schema-bench.ts')],
      cwd: REPO,
      env: { DATABASE_URL: url },
      timeoutMs: 600_000,
      readyLine: 'BENCH_RESULT',
    });
    await server.stop();
    return server.info as unknown as Record<string, number>;
  } finally {
    await dropDatabase(settings.adminUrl, database);
  }
}

async function postgresVersion(): Promise<string> {
  const { default: postgres } = await import('postgres');
  const sql = postgres(settings.adminUrl, { max: 1, onnotice: () => {} });
  try {
    const [row] = await sql<{ v: string }[]>`select version() as v`;
    return row.v;
  } finally {
    await sql.end({ timeout: 5 });
  }
}

let failure: unknown = null;
try {
  await main();
} catch (e) {
  failure = e;
} finally {
  for (const s of servers.splice(0)) await s.stop().catch(() => {});
}
results.finishedAt = new Date().toISOString();
results.code!.atEnd = codeVersion();
const resultsDir = path.join(HERE, 'results');
await mkdir(resultsDir, { recursive: true });
await writeFile(path.join(resultsDir, 'latest.json'), JSON.stringify({ ...results, error: failure ? String((failure as Error).stack ?? failure) : undefined }, null, 2) + '\n');
process.stdout.write(formatResults(results) + '\n');
for (const [name, t] of Object.entries(results.targets)) {
  if (t?.statement) process.stdout.write(`\n${name}: custom-plan execution ${t.statement.executionMs.toFixed(2)} ms, generic ${t.statement.genericExecutionMs.toFixed(2)} ms, planning ${t.statement.planningMs.toFixed(2)} ms (plans in results/latest.json)\n`);
}
process.stdout.write(`\nresults written to ${path.relative(process.cwd(), path.join(resultsDir, 'latest.json'))}\n`);
if (failure) {
  process.stderr.write(`\nbench failed: ${(failure as Error).stack ?? failure}\n`);
  process.exitCode = 1;
}
