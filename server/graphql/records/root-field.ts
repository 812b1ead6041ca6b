import type { GraphQLFieldConfig, GraphQLResolveInfo } from 'graphql';
import type { RequestContext } from '../context.js';
import { CompileContext } from '../../records/compile/index.js';
import { rootTree } from './root-tree.js';
import { mapReadError, readRows } from '../../records/database-error.js';
import { actorScope, type PluginContext } from './plugin.js';
import { accessScope } from '../../access/access-scope.js';
import type { RootCompiler } from '../../records/record-info.js';

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
        try {
          const [row] = await rc.db.run<{ data: unknown }>(statement);
          return row?.data ?? null;
        } catch (err) {
          // Built against a version a publish has since replaced (a renamed column, a rebuilt view): once more on the newest.
          const move = await rc.schemas?.movedFrom(graph);
          const newer = move?.to.roots.get(name);
          if (!move || !newer) throw mapReadError(err);
          const again = newer(new CompileContext(move.to, limits, 'resolve', accessScope(rc.actor!, move.to.model)), move.rootTree(rootTree(info)));
          const [row] = await readRows<{ data: unknown }>(rc.db, again);
          return row?.data ?? null;
        }
      },
    },
    by,
  );
}
