import postgres from 'postgres';

/**
 * Transactions committed in one database, from pg_stat_database (read over `adminUrl`, another database, so the
 * reading itself is not counted). Without pg_stat_statements this is the
 * server-side count of statements: each autocommitted statement is one transaction. Backends flush these
 * counters at most once a second while busy and 10 s after going idle, so callers wait before reading.
 */
export async function committedTransactions(adminUrl: string, database: string): Promise<number> {
  const sql = postgres(adminUrl, { max: 1, onnotice: () => {} });
  try {
    await sql`select pg_stat_clear_snapshot()`;
    const [row] = await sql<{ n: string }[]>`select xact_commit::text as n from pg_stat_database where datname = ${database}`;
    return Number(row.n);
  } finally {
    await sql.end({ timeout: 5 });
  }
}

/** Enough for every backend's pending counters to reach the shared statistics (PGSTAT_IDLE_INTERVAL is 10 s). */
export const STATS_FLUSH_MS = 11_500;
