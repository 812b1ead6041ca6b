import autocannon from 'autocannon';

export interface LoadTarget {
  url: string;
  headers: Record<string, string>;
  body: string;
  /** The exact response body every request must get; anything else counts as a mismatch. */
  expectBody: string;
}

export interface LoadResult {
  seconds: number;
  /** Completed requests. */
  requests: number;
  /** Requests sent, including those still in flight when the run stopped (the server still answers them). */
  sent: number;
  reqPerSec: number;
  p50: number;
  p95: number;
  p99: number;
  meanMs: number;
  /** Any of these makes the run invalid: the bench reports it. `mismatches` are bodies that differ from the verified one. */
  errors: number;
  timeouts: number;
  non2xx: number;
  mismatches: number;
}

/**
 * Drives one target with autocannon for `seconds` and returns throughput and latency percentiles computed from
 * every response time (autocannon's own histogram has whole milliseconds and no p95).
 */
export async function runLoad(target: LoadTarget, seconds: number, connections: number): Promise<LoadResult> {
  const latencies: number[] = [];
  const started = performance.now();
  const instance = autocannon({
    url: target.url,
    connections,
    duration: seconds,
    method: 'POST',
    headers: target.headers,
    body: target.body,
    expectBody: target.expectBody,
    timeout: 30,
  });
  instance.on('response', (_client: unknown, _status: number, _bytes: number, ms: number) => latencies.push(ms));
  const result = await instance;
  const elapsed = (performance.now() - started) / 1000;
  latencies.sort((a, b) => a - b);
  const pct = (p: number) => (latencies.length ? latencies[Math.min(latencies.length - 1, Math.floor((p / 100) * latencies.length))] : NaN);
  const measured = result.duration || elapsed;
  return {
    seconds: measured,
    requests: result.requests.total,
    sent: result.requests.sent,
    reqPerSec: result.requests.total / measured,
    p50: pct(50),
    p95: pct(95),
    p99: pct(99),
    meanMs: latencies.reduce((s, x) => s + x, 0) / (latencies.length || 1),
    errors: result.errors,
    timeouts: result.timeouts,
    non2xx: result.non2xx,
    mismatches: result.mismatches,
  };
}
