// PostGraphile 5 for the bench, run by the Node 22 of the `node` npm package from .bench/postgraphile/
// (copied there so its imports resolve to that folder's node_modules). Amber preset, connection filter,
// PgIndexBehaviorsPlugin disabled so orderBy is offered on every column, production mode, no GraphiQL.
import { createServer } from 'node:http';
import pg from 'pg';
import { postgraphile } from 'postgraphile';
import { makePgService } from 'postgraphile/adaptors/pg';
import { grafserv } from 'postgraphile/grafserv/node';
import { PostGraphileAmberPreset } from 'postgraphile/presets/amber';
import { PostGraphileConnectionFilterPreset } from 'postgraphile-plugin-connection-filter';

// Count what reaches the database: every statement goes through a pooled Client's query().
// The last statements (text and values) are kept for the bench's EXPLAIN.
let statements = 0;
let captured = [];
const query = pg.Client.prototype.query;
pg.Client.prototype.query = function countedQuery(...args) {
  statements++;
  if (captured.length < 50) {
    const [first, second] = args;
    const text = typeof first === 'string' ? first : first?.text;
    const values = typeof first === 'string' ? (Array.isArray(second) ? second : []) : (first?.values ?? []);
    if (text) captured.push({ sql: text, params: values });
  }
  return query.apply(this, args);
};

const pool = new pg.Pool({ connectionString: process.env.DATABASE_URL, max: 10, options: '-c TimeZone=UTC' });
const preset = {
  extends: [PostGraphileAmberPreset, PostGraphileConnectionFilterPreset],
  disablePlugins: ['PgIndexBehaviorsPlugin'],
  pgServices: [makePgService({ pool, schemas: ['records'] })],
  grafserv: { graphiql: false, watch: false, graphqlPath: '/graphql' },
  grafast: { explain: false },
};
const pgl = postgraphile(preset);
const serv = pgl.createServ(grafserv);
const server = createServer();
server.keepAliveTimeout = 60_000;
serv.addTo(server);
// Build the schema before announcing, so the first measured request does not pay for it.
await pgl.getSchemaResult();
await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));

process.on('message', (msg) => {
  let answer;
  if (msg.cmd === 'stats') answer = { statements };
  else if (msg.cmd === 'capture') {
    answer = { statements: captured };
    captured = [];
  } else if (msg.cmd === 'shutdown') {
    answer = {};
    server.close();
    void pgl.release().finally(() => process.exit(0));
  } else answer = { error: `unknown command ${msg.cmd}` };
  process.send?.({ id: msg.id, ...answer });
});
process.on('disconnect', () => process.exit(0));
process.stdout.write(`BENCH_READY ${JSON.stringify({ url: `http://127.0.0.1:${server.address().port}/graphql`, node: process.version })}\n`);
for (const signal of ['SIGINT', 'SIGTERM'])
  process.on(signal, () => {
    server.close();
    void pgl.release().finally(() => process.exit(0));
  });
