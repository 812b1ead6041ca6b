import { DomainError, ErrorCode } from '../../domain-error.js';
import type { GraphQLFieldResolver } from 'graphql';
import type { SchemaBuilder } from '../schema-builder.js';
import type { PageLimits } from '../../records/compile/index.js';
import type { GraphInfo } from '../../records/record-info.js';
import { accessScope, type AccessScope } from '../../access/access-scope.js';
import type { Actor } from '../context.js';

/** One capability of the generated data graph: types, filters, connections, mutations, … */
export interface RecordPlugin {
  name: string;
  build(ctx: PluginContext): void;
}

export interface PluginContext {
  builder: SchemaBuilder;
  graph: GraphInfo;
  limits: PageLimits;
}

/** Record fields resolve from the JSON the root statement built, keyed by response key (aliases included). */
export const byResponseKey: GraphQLFieldResolver<Record<string, unknown>, unknown> = (src, _args, _ctx, info) => src?.[info.path.key as string];

/**
 * Record data is private: every root field of the data graph needs a signed-in actor. Which records that actor
 * may see is the access layer's to decide; anonymous callers see none.
 */
export function signedIn(rc: { actor: unknown }): void {
  if (!rc.actor) throw new DomainError(ErrorCode.UNAUTHENTICATED, 'sign in to read or change records: send Authorization: Bearer <token>');
}

/** The access rules of the signed-in actor under this graph's metadata. */
export function actorScope(rc: { actor: Actor | null }, graph: GraphInfo): AccessScope {
  signedIn(rc);
  return accessScope(rc.actor!, graph.model);
}
