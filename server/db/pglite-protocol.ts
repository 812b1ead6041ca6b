/**
 * The small RPC between the main thread and the worker thread that runs PGlite (server/db/pglite-worker.ts).
 * Every value crosses by structured clone, which keeps Dates, BigInts, byte arrays and parsed JSON as they are.
 */

/** What the worker is started with. */
export interface PgliteWorkerData {
  /** The module to load after the TypeScript loader is registered (see pglite-worker-boot.mjs). */
  entry: string;
  /** A folder to keep the database in; memory when null. */
  dataDir: string | null;
  /** A tarball from `dumpDataDir` to start from (only for a folder that holds no database yet). */
  loadDataDir: ArrayBuffer | null;
}

/**
 * How rows come back: `objects` as the platform reads them (PGlite's parsers: Dates, parsed JSON, numbers);
 * the `drizzle-*` shapes as drizzle's own PGlite driver asks for them (date and interval types left as text,
 * which drizzle's column mappers parse; arrays of values for its selected fields).
 */
export type RowShape = 'objects' | 'drizzle-objects' | 'drizzle-arrays';

export type WorkerRequest =
  | { op: 'query'; sql: string; params: unknown[]; shape: RowShape }
  | { op: 'exec'; sql: string }
  | { op: 'listen'; channel: string }
  | { op: 'unlisten'; channel: string }
  | { op: 'migrate'; migrationsFolder: string }
  | { op: 'dump' }
  | { op: 'close' };

/** A database error as plain data: its message and PostgreSQL's fields (code, detail, constraint, column …). */
export interface SerializedError {
  name: string;
  message: string;
  fields: Record<string, string | number | boolean | null>;
}

export type WorkerMessage =
  | { kind: 'ready' }
  | { kind: 'result'; id: number; value: unknown }
  | { kind: 'error'; id: number; error: SerializedError }
  | { kind: 'notification'; channel: string; payload: string };

export interface WorkerCall {
  id: number;
  request: WorkerRequest;
}

export function serializeError(err: unknown): SerializedError {
  if (!(err instanceof Error)) return { name: 'Error', message: String(err), fields: {} };
  const fields: SerializedError['fields'] = {};
  for (const [k, v] of Object.entries(err)) {
    if (v === null || ['string', 'number', 'boolean'].includes(typeof v)) fields[k] = v as string | number | boolean | null;
  }
  return { name: err.name, message: err.message, fields };
}

/** The error again on this side, with PostgreSQL's fields where the platform's error mapping reads them. */
export function deserializeError(e: SerializedError): Error {
  const err = new Error(e.message);
  Object.assign(err, e.fields);
  err.name = e.name;
  return err;
}
