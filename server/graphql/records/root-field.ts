import type { GraphQLFieldConfig, GraphQLResolveInfo } from 'graphql';
import type { RequestContext } from '../context.js';
import { CompileContext, rootTree } from './compile/index.js';
import { readRows } from './database-error.js';
import { actorScope, type PluginContext } from './plugin.js';
import type { RootCompiler } from './record-info.js';

/**
 * Registers a read-only root field: its compiler goes into the graph's registry (so the fast path can answer it
 * without graphql-js) and its resolver runs the same compiler, cached per document and variables.
 */
export function addReadRoot(
  ctx: PluginContext,
  name: string,
  config: Omit<GraphQLFieldConfig<unknown, RequestContext>, 'resolve'>,
  compile: RootCompiler,
  by: string,
): void {
  const { graph, limits } = ctx;
  graph.roots.set(name, compile);
  ctx.builder.addRootField(
    'Query',
    name,
    {
      ...config,
      async resolve(_src: unknown, _args: unknown, rc: RequestContext, info: GraphQLResolveInfo) {
        const scope = actorScope(rc, graph);
        const statement = graph.statements.statement(info, `resolve|${scope.key}`, () => compile(new CompileContext(graph, limits, 'resolve', scope), rootTree(info)));
        const [row] = await readRows<{ data: unknown }>(rc.db, statement);
        return row?.data ?? null;
      },
    },
    by,
  );
}
