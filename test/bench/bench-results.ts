import type { StudioBundleResult } from './studio-bundle-bench.js';
import type { ColdStartResult } from './cold-start-bench.js';
import type { StatementCost } from './explain-statement.js';
import type { LoadResult } from './run-load.js';
import type { ProfileSummary } from './summarise-profile.js';
import type { PersonaPageCheck } from './verify-answers.js';

export type TargetName = 'floor' | 'compiled_floor' | 'postgraphile' | 'atrium' | 'atrium_agent' | 'atrium_contact';
export const TARGET_ORDER: readonly TargetName[] = ['floor', 'compiled_floor', 'postgraphile', 'atrium', 'atrium_agent', 'atrium_contact'];
/** The persona targets and the admin target they are compared with. */
export const PERSONA_TARGETS = { atrium_agent: 'agent', atrium_contact: 'contact' } as const;

/** CPU milliseconds per answered request: the server process, all PostgreSQL processes, and autocannon (this process). */
export interface CpuPerRequest {
  server: number;
  postgres: number;
  loader: number;
}

export interface TargetResult {
  name: TargetName;
  label: string;
  rounds: (LoadResult & { statementsPerRequest: number; cpuMsPerRequest: CpuPerRequest })[];
  /** Medians over the rounds. */
  summary: { reqPerSec: number; reqPerSecMin: number; reqPerSecMax: number; p50: number; p95: number; p99: number; statementsPerRequest: number; cpuMsPerRequest: CpuPerRequest };
  /** From a separate sequential check: committed transactions in the bench database per request (pg_stat_database). */
  transactionsPerRequest: number | null;
  memory: { startMb: number; afterLoadMb: number; peakMb: number };
  statement: (Omit<StatementCost, 'plan' | 'genericPlan'> & { sql: string }) | null;
  /** Any errors, timeouts, non-2xx answers or bodies that differ from the verified answer. */
  invalid: string | null;
}

export interface BenchResults {
  startedAt: string;
  finishedAt?: string;
  settings: Record<string, unknown>;
  machine: Record<string, unknown>;
  statementCounting: string;
  data?: { loadMs: number; rows: Record<string, number> };
  verification?: { incidents: string[]; agreed: TargetName[]; personas?: Record<string, PersonaVerification> };
  targets: Partial<Record<TargetName, TargetResult>>;
  postgraphile: { version?: string; node?: string; skipped?: string };
  publish?: Record<string, number> | { error: string };
  writePipeline?: Record<string, number> | { error: string };
  engines?: Record<string, number> | { error: string };
  flows?: FlowBenchResult | { error: string };
  /** As `npm start` runs it (the compiled server). */
  coldStart?: ColdStartResult | { error: string };
  /** From the TypeScript source under tsx, as tests and development run it. */
  coldStartTsx?: ColdStartResult | { error: string };
  studioBundle?: StudioBundleResult | { error: string };
  plans?: Partial<Record<TargetName | 'floor_agent' | 'floor_contact', { custom: string; generic: string }>>;
  atriumProfile?: ProfileSummary;
  /** The commit at start and end (servers load their code at start); `dirty` lists uncommitted server changes. */
  code?: { atStart: { commit: string; dirty: string[] }; atEnd?: { commit: string; dirty: string[] } };
}

/** How a persona's page was verified, and what the persona may see of the whole data set. */
export interface PersonaVerification {
  userName: string;
  groups: string[];
  accounts: string[];
  visibleIncidents: number;
  totalIncidents: number;
  page: PersonaPageCheck;
  /** Responses fetched again after the first and compared byte for byte with the hand-written statement's body. */
  sampled: number;
  /** The hand-written statement's own cost (EXPLAIN ANALYZE on the idle database), for comparison with Atrium's. */
  floorStatement?: { executionMs: number; planningMs: number; genericExecutionMs: number };
}

export function median(xs: number[]): number {
  const s = [...xs].filter((x) => Number.isFinite(x)).sort((a, b) => a - b);
  if (!s.length) return NaN;
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

export function summarise(rounds: TargetResult['rounds']): TargetResult['summary'] {
  const rps = rounds.map((r) => r.reqPerSec);
  return {
    reqPerSec: median(rps),
    reqPerSecMin: Math.min(...rps),
    reqPerSecMax: Math.max(...rps),
    p50: median(rounds.map((r) => r.p50)),
    p95: median(rounds.map((r) => r.p95)),
    p99: median(rounds.map((r) => r.p99)),
    statementsPerRequest: median(rounds.map((r) => r.statementsPerRequest)),
    cpuMsPerRequest: {
      server: median(rounds.map((r) => r.cpuMsPerRequest.server)),
      postgres: median(rounds.map((r) => r.cpuMsPerRequest.postgres)),
      loader: median(rounds.map((r) => r.cpuMsPerRequest.loader)),
    },
  };
}

const f = (x: number | null | undefined, digits = 1) => (x === null || x === undefined || !Number.isFinite(x) ? '–' : x.toFixed(digits));

/** What test/bench/flow-bench.ts measures (its BENCH_RESULT line). */
export interface FlowBenchResult {
  instances: number;
  inFlightAtEnd: number;
  deciders: number;
  seconds: number;
  rounds: number;
  startedPerSec: number;
  stepsPerSec: number;
  stepP50Ms: number;
  stepP99Ms: number;
  statementsPerStep: number;
  baselinePerSec: number;
  baselineP50Ms: number;
  baselineP99Ms: number;
  baselineStatementsPerStep: number;
  ratio: number;
  /** The statements of one step, shortened: where its time goes. */
  oneStep: string[];
}

/** The table printed at the end of a run. */
export function formatResults(r: BenchResults): string {
  const out: string[] = [];
  const floor = r.targets.floor?.summary;
  if (r.code) {
    const { atStart, atEnd } = r.code;
    const dirty = atStart.dirty.length ? ` + ${atStart.dirty.length} uncommitted server change(s)` : '';
    const moved = atEnd && atEnd.commit !== atStart.commit ? ` (HEAD moved to ${atEnd.commit} during the run; the servers run the code they loaded at start)` : '';
    out.push('', `Code: ${atStart.commit}${dirty}${moved}`);
  }
  out.push(`Nested page — ${r.settings.connections} connections, ${r.settings.warmupSeconds} s warm-up + ${r.settings.measureSeconds} s measured × ${r.settings.rounds} round(s), interleaved; medians over rounds`);
  const head = ['target', 'req/s', '(min–max)', 'p50 ms', 'p95 ms', 'p99 ms', 'stmts/req', 'xacts/req', 'req/s ÷ floor', 'p50 ÷ floor', 'CPU ms/req server/PG/load', 'RSS start/after/peak MB', 'stmt exec ms (custom/generic)'];
  const rows: string[][] = [];
  for (const name of TARGET_ORDER) {
    const t = r.targets[name];
    if (!t) {
      if (name === 'postgraphile' && r.postgraphile.skipped) rows.push([`PostGraphile (skipped: ${r.postgraphile.skipped.split('\n')[0].slice(0, 80)})`]);
      continue;
    }
    const s = t.summary;
    rows.push([
      t.label + (t.invalid ? ' [INVALID]' : ''),
      f(s.reqPerSec, 0),
      `${f(s.reqPerSecMin, 0)}–${f(s.reqPerSecMax, 0)}`,
      f(s.p50),
      f(s.p95),
      f(s.p99),
      f(s.statementsPerRequest, 2),
      f(t.transactionsPerRequest, 2),
      floor ? f(s.reqPerSec / floor.reqPerSec, 2) : '–',
      floor ? f(s.p50 / floor.p50, 2) : '–',
      `${f(s.cpuMsPerRequest.server, 2)}/${f(s.cpuMsPerRequest.postgres, 2)}/${f(s.cpuMsPerRequest.loader, 2)}`,
      `${f(t.memory.startMb, 0)}/${f(t.memory.afterLoadMb, 0)}/${f(t.memory.peakMb, 0)}`,
      t.statement ? `${f(t.statement.executionMs, 2)}/${f(t.statement.genericExecutionMs, 2)}` : '–',
    ]);
  }
  out.push(table(head, rows));
  for (const t of Object.values(r.targets)) if (t?.invalid) out.push(`  ${t.label}: ${t.invalid}`);
  out.push(`  statements/request: ${r.statementCounting}`);
  if (floor && r.targets.atrium && r.targets.postgraphile) {
    const a = r.targets.atrium.summary;
    out.push(`  Atrium ÷ PostGraphile: ${f(a.reqPerSec / r.targets.postgraphile.summary.reqPerSec, 2)}× req/s (aim ≥ 1.5×); Atrium p50 ÷ floor p50: ${f(a.p50 / floor.p50, 2)} (aim ≤ 1.3)`);
  }
  const compiled = r.targets.compiled_floor?.summary;
  if (compiled && r.targets.atrium) {
    const a = r.targets.atrium.summary;
    out.push(
      `  Atrium ÷ its own statement on bare node:http (the server layer's cost): throughput ${f(a.reqPerSec / compiled.reqPerSec, 2)}×, p50 ${f(a.p50 / compiled.p50, 2)}×, server CPU ms/req ${f(a.cpuMsPerRequest.server, 2)} vs ${f(compiled.cpuMsPerRequest.server, 2)}`,
    );
  }
  const admin = r.targets.atrium?.summary;
  for (const [name, persona] of Object.entries(PERSONA_TARGETS) as [keyof typeof PERSONA_TARGETS, string][]) {
    const t = r.targets[name]?.summary;
    if (!t || !admin) continue;
    const v = r.verification?.personas?.[persona];
    const sees = v ? `; sees ${v.visibleIncidents} of ${v.totalIncidents} incidents (${f((100 * v.visibleIncidents) / v.totalIncidents)} %)` : '';
    const own = v?.floorStatement && r.targets[name]?.statement ? `; statement ${f(r.targets[name]!.statement!.executionMs, 2)} ms vs hand-written ${f(v.floorStatement.executionMs, 2)} ms, admin ${f(r.targets.atrium?.statement?.executionMs, 2)} ms` : '';
    out.push(`  ${persona} ÷ admin: p50 ${f(t.p50 / admin.p50, 2)}×, p95 ${f(t.p95 / admin.p95, 2)}×, throughput ${f(admin.reqPerSec / t.reqPerSec, 2)}× (admin req/s ÷ ${persona} req/s; aim ≤ 1.2×)${sees}${own}`);
  }

  if (r.atriumProfile) {
    const p = r.atriumProfile;
    out.push('', `Atrium CPU profile of an extra, uncounted run (${f(p.totalMs / 1000, 1)} s; self time; file results/atrium.cpuprofile)`);
    out.push('  by package:  ' + p.byPackage.map((x) => `${x.name} ${f(x.percent)}%`).join(', '));
    out.push('  by function: ' + p.byFunction.map((x) => `${x.name} ${f(x.percent)}%`).join(', '));
  }

  out.push('', 'Other figures');
  const other: string[][] = [];
  const p = r.publish;
  if (p && 'error' in p) other.push(['publish 100 types × 30 fields', `failed: ${p.error}`]);
  else if (p) {
    other.push(['publish + swap, 100 types × 30 fields (create 100 tables)', `${f(p.createMs, 0)} ms; first query on the new schema ${f(p.firstQueryMs, 0)} ms`]);
    other.push(['publish + swap, add a field to all 100 types', `${f(p.changeMs, 0)} ms; change visible over HTTP ${f(p.changeVisibleMs, 0)} ms`]);
    other.push(['publish one new case type (record type, case type, state model, form, UI policy) into 100 types', `${f(p.casePublishMs, 0)} ms; queryable over HTTP after ${f(p.caseQueryableMs, 0)} ms (aim ≤ 300 ms)`]);
    other.push(['Atrium RSS after the publishes (in-process)', `${f(p.rssMb, 0)} MB`]);
  }
  const wp = r.writePipeline;
  if (wp && 'error' in wp) other.push(['write pipeline', `failed: ${wp.error}`]);
  else if (wp)
    other.push([
      'create + transition (state model, UI policies, history, event) ÷ plain create, rows/s',
      `${f(wp.createTransitionRowsPerSec, 0)} ÷ ${f(wp.plainCreatesPerSec, 0)} = ${f(wp.ratio, 2)} (aim ≥ 0.7; ${wp.rows} rows × ${wp.rounds} rounds, 10 in flight, medians)`,
    ]);
  const en = r.engines;
  if (en && 'error' in en) other.push(['engines', `failed: ${en.error}`]);
  else if (en) {
    other.push([
      'creates routed (round robin) with two SLAs, until assigned and both SLAs attached ÷ creates no engine acts on, rows/s',
      `${f(en.routedWithTwoSlasPerSec, 0)} ÷ ${f(en.plainCreatesPerSec, 0)} = ${f(en.ratio, 2)} (aim ≥ 0.5; ${en.rows} rows × ${en.rounds} rounds, 10 in flight, medians; round-robin spread ${en.roundRobinSpread})`,
    ]);
    other.push([`breach-detection lag, ${en.active} running SLA instances, ${en.due} breaching`, `worst ${f(en.worstLagMs, 0)} ms, median ${f(en.medianLagMs, 0)} ms (aim ≤ 5000 ms)`]);
  }
  const fl = r.flows;
  if (fl && 'error' in fl) other.push(['approval flows', `failed: ${fl.error}`]);
  else if (fl) {
    other.push([
      `approval steps (decision + its step) with ${fl.instances} flows in flight, ${fl.deciders} deciders`,
      `${f(fl.stepsPerSec, 0)} steps/s (aim ≥ 1000), p50 ${f(fl.stepP50Ms)} ms, p99 ${f(fl.stepP99Ms)} ms (aim ≤ 50 ms); ${f(fl.statementsPerStep, 1)} statements/step; ${fl.seconds} s × ${fl.rounds} rounds, medians`,
    ]);
    other.push([
      '  ÷ bare UPDATE … RETURNING + audit insert transaction (same pool, same concurrency)',
      `${f(fl.stepsPerSec, 0)} ÷ ${f(fl.baselinePerSec, 0)} = ${f(fl.ratio, 2)}; baseline p50 ${f(fl.baselineP50Ms)} ms, p99 ${f(fl.baselineP99Ms)} ms, ${f(fl.baselineStatementsPerStep, 1)} statements`,
    ]);
    other.push(['  flows started by the engine (creates through the write pipeline, 8 in flight)', `${f(fl.startedPerSec, 0)} /s`]);
  }
  for (const c of [r.coldStart, r.coldStartTsx]) {
    if (c && 'error' in c) other.push(['cold start on PGlite', `failed: ${c.error}`]);
    else if (c) {
      const how = c.runner === 'tsx' ? 'tsx' : 'compiled (npm start)';
      const stopped = (x: ColdStartResult['fresh']) => (x.killed ? `no exit ${f(x.stopMs / 1000, 0)} s after SIGTERM, killed` : `exit ${f(x.stopMs, 0)} ms after SIGTERM`);
      other.push([`cold start to first answer, PGlite, fresh data folder, ${how}`, `${f(c.fresh.ms, 0)} ms (CPU ${f(c.fresh.cpuMs, 0)} ms; RSS ${f(c.fresh.rssMb, 0)} MB; ${stopped(c.fresh)})`]);
      for (const [i, x] of c.reopened.entries()) other.push([`cold start to first answer, PGlite, reopened folder #${i + 1}, ${how}`, `${f(x.ms, 0)} ms (CPU ${f(x.cpuMs, 0)} ms; RSS ${f(x.rssMb, 0)} MB; ${stopped(x)})`]);
      if (c.runner === 'tsx') other.push(['  of which importing server/atrium.ts under tsx', `${f(c.importMs, 0)} ms`]);
    }
  }
  const sb = r.studioBundle;
  if (sb && 'error' in sb) other.push(['studio download', `failed: ${sb.error}`]);
  else if (sb) {
    other.push(['studio first screen (index.html + scripts, preloads, CSS), gzip', `${f(sb.initialGzipKb, 0)} KB in ${sb.initialFiles} files (aim ≤ ${sb.aimKb} KB; ${f(sb.initialRawKb, 0)} KB uncompressed)`]);
    other.push(['studio designer chunks, gzip, loaded when opened', Object.entries(sb.designerChunksGzipKb).map(([k, v]) => `${k} ${f(v, 1)} KB`).join(', ')]);
  }
  if (r.data) other.push(['bulk load of the data set (INSERT … SELECT, indexes, VACUUM ANALYZE)', `${f(r.data.loadMs / 1000, 1)} s`]);
  if (r.postgraphile.version) other.push(['PostGraphile', `${r.postgraphile.version} on Node ${r.postgraphile.node}`]);
  out.push(table(['what', 'figure'], other));
  return out.join('\n');
}

function table(head: string[], rows: string[][]): string {
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => (r.length === 1 ? 0 : (r[i] ?? '').length))));
  const line = (cells: string[]) => (cells.length === 1 ? `| ${cells[0]}` : '| ' + cells.map((c, i) => c.padEnd(widths[i])).join(' | ') + ' |');
  return [line(head), '|' + widths.map((w) => '-'.repeat(w + 2)).join('|') + '|', ...rows.map(line)].join('\n');
}
