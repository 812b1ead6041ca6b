import postgres from 'postgres';

export interface StatementCost {
  /** Median server-side execution time with a custom plan (EXPLAIN ANALYZE's "Execution Time"), in ms. */
  executionMs: number;
  planningMs: number;
  /** The same with a generic plan: what a prepared statement may switch to after five executions. */
  genericExecutionMs: number;
  /** The custom plan of the last run, with buffers. */
  plan: string;
  genericPlan: string;
}

/**
 * `PREPARE`s one captured statement on an idle database and runs `EXPLAIN (ANALYZE, BUFFERS) EXECUTE` with a
 * custom and with a generic plan; the first runs warm the caches, the median of the rest is reported.
 */
export async function explainStatement(databaseUrl: string, statement: { sql: string; params: unknown[] }, runs = 7): Promise<StatementCost> {
  const sql = postgres(databaseUrl, { max: 1, onnotice: () => {}, connection: { TimeZone: 'UTC', IntervalStyle: 'iso_8601' } });
  try {
    await sql.unsafe(`prepare bench_statement as ${statement.sql}`);
    const execute = `explain (analyze, buffers) execute bench_statement${statement.params.length ? `(${statement.params.map(literal).join(', ')})` : ''}`;
    const measure = async (mode: string) => {
      await sql.unsafe(`set plan_cache_mode = ${mode}`);
      const exec: number[] = [];
      const planning: number[] = [];
      let text = '';
      for (let i = 0; i < runs; i++) {
        const rows = await sql.unsafe<{ 'QUERY PLAN': string }[]>(execute);
        text = rows.map((r) => r['QUERY PLAN']).join('\n');
        if (i < 2) continue;
        exec.push(Number(/Execution Time: ([\d.]+) ms/.exec(text)?.[1] ?? NaN));
        planning.push(Number(/Planning Time: ([\d.]+) ms/.exec(text)?.[1] ?? 0));
      }
      return { exec: median(exec), planning: median(planning), text };
    };
    const custom = await measure('force_custom_plan');
    const generic = await measure('force_generic_plan');
    return { executionMs: custom.exec, planningMs: custom.planning, genericExecutionMs: generic.exec, plan: custom.text, genericPlan: generic.text };
  } finally {
    await sql.end({ timeout: 5 });
  }
}

function literal(v: unknown): string {
  if (v === null || v === undefined) return 'null';
  if (typeof v === 'number' || typeof v === 'bigint') return String(v);
  if (typeof v === 'boolean') return v ? 'true' : 'false';
  const s = typeof v === 'string' ? v : JSON.stringify(v);
  return `'${s.replace(/'/g, "''")}'`;
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}
