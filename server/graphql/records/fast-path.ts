import { sql } from 'drizzle-orm';
import { HeaderMap, type ApolloServerPlugin, type GraphQLResponse } from '@apollo/server';
import { getLocation, getVariableValues, isNonNullType, Kind, type FieldNode, type FragmentDefinitionNode, type GraphQLFormattedError, type GraphQLObjectType } from 'graphql';
import type { Logger } from 'pino';
import type { RequestContext } from '../context.js';
import type { Served } from '../schema-registry.js';
import { RawJson } from '../raw-json.js';
import { accessScope } from '../../access/access-scope.js';
import { CompileContext, type PageLimits } from '../../records/compile/index.js';
import { rootTree } from './root-tree.js';
import { mapReadError } from '../../records/database-error.js';
import { DomainError, ErrorCode } from '../../domain-error.js';

/**
 * Answers a query without graphql-js when every root field is a compiled record field: each root field's
 * statement already returns its exact response JSON, so executing resolvers over it would only re-walk it.
 * Anything else (mutations, the admin API, introspection, directives at the root, an error on the way) falls
 * back to normal execution, which gives the same result or the proper error.
 */
export function fastPathPlugin(current: () => Served | null, limits: PageLimits, log: Logger, onAnswered: () => void = () => {}): ApolloServerPlugin<RequestContext> {
  return {
    async requestDidStart() {
      return {
        async responseForOperation(rc): Promise<GraphQLResponse | null> {
          const served = current();
          const operation = rc.operation;
          if (!served || rc.schema !== served.schema || operation.operation !== 'query' || !rc.contextValue.actor) return null;
          const fields: FieldNode[] = [];
          for (const sel of operation.selectionSet.selections) {
            if (sel.kind !== Kind.FIELD || sel.directives?.length) return null;
            if (sel.name.value !== '__typename' && !served.graph.roots.has(sel.name.value)) return null;
            fields.push(sel);
          }
          const coerced = getVariableValues(served.schema, operation.variableDefinitions ?? [], rc.request.variables ?? {});
          if (coerced.errors) return null;
          const fragments: Record<string, FragmentDefinitionNode> = {};
          for (const d of rc.document.definitions) if (d.kind === Kind.FRAGMENT_DEFINITION) fragments[d.name.value] = d;
          const queryType = served.schema.getQueryType() as GraphQLObjectType;
          const data: Record<string, unknown> = {};
          const errors: GraphQLFormattedError[] = [];
          let nullData = false;
          try {
            for (const field of fields) {
              const key = field.alias?.value ?? field.name.value;
              if (field.name.value === '__typename') {
                data[key] = queryType.name;
                continue;
              }
              const info = { fieldNodes: [field], parentType: queryType, fragments, variableValues: coerced.coerced, operation, path: { key, prev: undefined, typename: queryType.name }, schema: served.schema };
              const compile = served.graph.roots.get(field.name.value)!;
              // The JSON comes back as text and goes out as text (see RawJson).
              const scope = accessScope(rc.contextValue.actor!, served.graph.model);
              const statement = served.graph.statements.statement(info, `response|${scope.key}`, () => {
                const inner = compile(new CompileContext(served.graph, limits, 'response', scope), rootTree(info as never));
                return sql`SELECT q.data::text AS data FROM (${inner}) q`;
              });
              let row: { data: string | null } | undefined;
              try {
                [row] = await rc.contextValue.db.run<{ data: string | null }>(statement);
              } catch (err) {
                // Normal execution would only run the statement into its time budget again: answer with the error.
                const mapped = mapReadError(err);
                if (!(mapped instanceof DomainError && mapped.code === ErrorCode.TIMEOUT)) throw err;
                data[key] = null;
                const locations = field.loc ? [getLocation(field.loc.source, field.loc.start)] : undefined;
                errors.push({ message: mapped.message, locations, path: [key], extensions: { code: mapped.code, ...mapped.details } });
                if (isNonNullType(queryType.getFields()[field.name.value]!.type)) nullData = true;
                continue;
              }
              // In-process callers (executeOperation) read `data` as objects; HTTP responses take the text.
              data[key] = row?.data == null ? null : rc.request.http ? new RawJson(row.data) : JSON.parse(row.data);
            }
          } catch (err) {
            log.debug({ err }, 'fast path declined; executing normally');
            return null;
          }
          onAnswered();
          const singleResult = errors.length ? { data: nullData ? null : data, errors } : { data };
          return { http: { status: undefined, headers: new HeaderMap() }, body: { kind: 'single', singleResult } };
        },
      };
    },
  };
}
