import type { GraphQLSchema } from 'graphql';
import type { Model } from '../../../schema/index.js';
import { SchemaBuilder } from '../schema-builder.js';
import type { PageLimits } from '../../records/compile/index.js';
import type { RecordPlugin } from './plugin.js';
import { AggregatePlugin } from './plugins/AggregatePlugin.js';
import { ConnectionPlugin } from './plugins/ConnectionPlugin.js';
import { FilterPlugin } from './plugins/FilterPlugin.js';
import { FormPlugin } from './plugins/FormPlugin.js';
import { ImpactPlugin } from './plugins/ImpactPlugin.js';
import { HistoryPlugin } from './plugins/HistoryPlugin.js';
import { SlaPlugin } from './plugins/SlaPlugin.js';
import { JournalPlugin } from './plugins/JournalPlugin.js';
import { KpiPlugin } from './plugins/KpiPlugin.js';
import { MutationPlugin } from './plugins/MutationPlugin.js';
import { NodePlugin } from './plugins/NodePlugin.js';
import { OrderPlugin } from './plugins/OrderPlugin.js';
import { RecordTypesPlugin } from './plugins/RecordTypesPlugin.js';
import { ScalarsPlugin } from './plugins/ScalarsPlugin.js';
import { SubscriptionPlugin } from './plugins/SubscriptionPlugin.js';
import { TransitionPlugin } from './plugins/TransitionPlugin.js';
import { buildGraphInfo, type GraphInfo } from '../../records/record-info.js';

/** The data graph, one capability per plugin, in this order. */
export const RECORD_PLUGINS: readonly RecordPlugin[] = [
  ScalarsPlugin,
  NodePlugin,
  RecordTypesPlugin,
  FilterPlugin,
  OrderPlugin,
  ConnectionPlugin,
  HistoryPlugin,
  SlaPlugin,
  MutationPlugin,
  TransitionPlugin,
  JournalPlugin,
  AggregatePlugin,
  ImpactPlugin,
  KpiPlugin,
  SubscriptionPlugin,
  FormPlugin,
];

/** Hook for the static admin API (type-graphql), which joins the same builder so clashes are caught there too. */
export type ExtendBuilder = (builder: SchemaBuilder) => void;

export function buildRecordSchema(model: Model, limits: PageLimits, extend?: ExtendBuilder): { schema: GraphQLSchema; graph: GraphInfo } {
  const builder = new SchemaBuilder();
  const graph = buildGraphInfo(model);
  for (const plugin of RECORD_PLUGINS) plugin.build({ builder, graph, limits });
  extend?.(builder);
  return { schema: builder.build(), graph };
}

export { buildGraphInfo, type GraphInfo } from '../../records/record-info.js';
