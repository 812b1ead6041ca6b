import { parentPort, workerData } from 'node:worker_threads';
import { PGlite, types, type QueryOptions } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { drizzle } from 'drizzle-orm/pglite';
import { migrate } from 'drizzle-orm/pglite/migrator';
import { SESSION_SETTINGS } from './database.js';
import { serializeError, type PgliteWorkerData, type RowShape, type WorkerCall, type WorkerMessage, type WorkerRequest } from './pglite-protocol.js';

/*
 * The embedded database's thread. PGlite is PostgreSQL compiled to WASM and runs a statement without yielding;
 * here a long statement stops only this thread, and the main thread can stop the thread when it runs too long.
 * The main thread serialises what it sends (statements, BEGIN … COMMIT), so this side runs requests as they come.
 */

const port = parentPort!;
const data = workerData as PgliteWorkerData;

const pglite = await PGlite.create({
  dataDir: data.dataDir ?? undefined,
  loadDataDir: data.loadDataDir ? new Blob([data.loadDataDir]) : undefined,
  extensions: { pg_trgm },
});
await pglite.exec(
  Object.entries(SESSION_SETTINGS)
    .map(([k, v]) => `SET ${k} = '${v}';`)
    .join(' '),
);

const asText = (value: string) => value;
/** As drizzle's PGlite driver sets them: its timestamp, date and interval columns parse the text themselves. */
const drizzleParsers: QueryOptions['parsers'] = {
  [types.TIMESTAMP]: asText,
  [types.TIMESTAMPTZ]: asText,
  [types.INTERVAL]: asText,
  [types.DATE]: asText,
  1231: asText, // numeric[]
  1115: asText, // timestamp[]
  1185: asText, // timestamptz[]
  1187: asText, // interval[]
  1182: asText, // date[]
};

function queryOptions(shape: RowShape): QueryOptions | undefined {
  switch (shape) {
    case 'objects':
      return undefined;
    case 'drizzle-objects':
      return { rowMode: 'object', parsers: drizzleParsers };
    case 'drizzle-arrays':
      return { rowMode: 'array', parsers: drizzleParsers };
    default: {
      const never: never = shape;
      throw new Error(`unknown row shape ${String(never)}`);
    }
  }
}

const unlisteners = new Map<string, () => Promise<void>>();

async function handle(request: WorkerRequest): Promise<{ value: unknown; transfer?: ArrayBuffer[] }> {
  switch (request.op) {
    case 'query': {
      const res = await pglite.query(request.sql, request.params, queryOptions(request.shape));
      return { value: res.rows };
    }
    case 'exec': {
      const results = await pglite.exec(request.sql);
      return { value: results.at(-1)?.rows ?? [] };
    }
    case 'listen': {
      if (!unlisteners.has(request.channel)) {
        const channel = request.channel;
        unlisteners.set(channel, await pglite.listen(channel, (payload) => post({ kind: 'notification', channel, payload })));
      }
      return { value: null };
    }
    case 'unlisten': {
      await unlisteners.get(request.channel)?.();
      unlisteners.delete(request.channel);
      return { value: null };
    }
    case 'migrate':
      await migrate(drizzle({ client: pglite }), { migrationsFolder: request.migrationsFolder });
      return { value: null };
    case 'dump': {
      const buffer = await (await pglite.dumpDataDir('gzip')).arrayBuffer();
      return { value: buffer, transfer: [buffer] };
    }
    case 'close':
      await pglite.close();
      return { value: null };
    default: {
      const never: never = request;
      throw new Error(`unknown request ${JSON.stringify(never)}`);
    }
  }
}

function post(message: WorkerMessage, transfer: ArrayBuffer[] = []): void {
  port.postMessage(message, transfer);
}

port.on('message', ({ id, request }: WorkerCall) => {
  handle(request).then(
    ({ value, transfer }) => post({ kind: 'result', id, value }, transfer),
    (err: unknown) => post({ kind: 'error', id, error: serializeError(err) }),
  );
});
post({ kind: 'ready' });
