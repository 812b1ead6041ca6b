import type { GraphQLFieldResolver } from 'graphql';
import type { SchemaBuilder } from '../schema-builder.js';
import type { PageLimits } from './compile/index.js';
import type { GraphInfo } from './record-info.js';

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
