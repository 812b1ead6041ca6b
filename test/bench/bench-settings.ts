/** Which rule shows a contact incidents: the caller's account (a dot-walk, default) or the incident's own account. */
export type ContactRule = 'caller' | 'account';

/** What one bench run does, read once from the environment so a smoke run can shorten it. */
export interface BenchSettings {
  /** Admin connection (no database): used to drop and create the bench databases. */
  adminUrl: string;
  database: string;
  databaseUrl: string;
  connections: number;
  warmupSeconds: number;
  measureSeconds: number;
  rounds: number;
  /** Skip PostGraphile entirely (BENCH_POSTGRAPHILE=0). */
  postgraphile: boolean;
  /**
   * NODE_ENV of the Atrium process: `production` like PostGraphile's (graphql-js drops its multi-realm checks);
   * BENCH_ATRIUM_NODE_ENV= (empty) runs it unset, as `npm start` does.
   */
  atriumNodeEnv: string;
  /** After the rounds, profile Atrium during one extra, uncounted run and summarise it (BENCH_PROFILE=1). */
  profile: boolean;
  /** BENCH_CONTACT_RULE: `caller` (incident_read_account tests caller.account) or `account` (the incident's account). */
  contactRule: ContactRule;
}

export function benchSettings(env: NodeJS.ProcessEnv = process.env): BenchSettings {
  const host = env.BENCH_PG_HOST ?? '127.0.0.1';
  const port = Number(env.BENCH_PG_PORT ?? 5432);
  const user = env.BENCH_PG_USER ?? 'postgres';
  const database = env.BENCH_DATABASE ?? 'atrium_bench';
  const base = `postgres://${user}@${host}:${port}`;
  const measureSeconds = Number(env.BENCH_SECONDS ?? 20);
  return {
    adminUrl: `${base}/postgres`,
    database,
    databaseUrl: `${base}/${database}`,
    connections: Number(env.BENCH_CONNECTIONS ?? 10),
    // A smoke run (BENCH_SECONDS below 20) shortens the warm-up with it.
    warmupSeconds: Number(env.BENCH_WARMUP_SECONDS ?? Math.min(5, Math.max(1, Math.round(measureSeconds / 4)))),
    measureSeconds,
    rounds: Number(env.BENCH_ROUNDS ?? 3),
    postgraphile: env.BENCH_POSTGRAPHILE !== '0',
    atriumNodeEnv: env.BENCH_ATRIUM_NODE_ENV ?? 'production',
    profile: env.BENCH_PROFILE === '1',
    contactRule: contactRule(env.BENCH_CONTACT_RULE),
  };
}

function contactRule(v: string | undefined): ContactRule {
  if (v === undefined || v === '' || v === 'caller') return 'caller';
  if (v === 'account') return 'account';
  throw new Error(`BENCH_CONTACT_RULE must be "caller" or "account", not "${v}"`);
}
