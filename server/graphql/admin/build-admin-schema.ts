import 'reflect-metadata';
import { GraphQLDateTimeRfc3339 } from '../scalars.js';
import { isIntrospectionType, isSpecifiedScalarType, type GraphQLSchema } from 'graphql';
import { buildSchemaSync } from 'type-graphql';
import type { SchemaBuilder } from '../schema-builder.js';
import { AccessExplainResolver } from './AccessExplainResolver.js';
import { AccessRulesResolver } from './AccessRulesResolver.js';
import { ApprovalsResolver } from './ApprovalsResolver.js';
import { FlowInstancesResolver } from './FlowInstancesResolver.js';
import { CriteriaMatchesResolver } from './CriteriaMatchesResolver.js';
import { JobsResolver } from './JobsResolver.js';
import { MetadataDocumentResolver } from './MetadataDocumentResolver.js';
import { MetadataResolver } from './MetadataResolver.js';
import { NotificationsResolver } from './NotificationsResolver.js';
import { RegistrationResolver } from './RegistrationResolver.js';
import { FlowSimulationResolver } from './FlowSimulationResolver.js';
import { RoutingResolver } from './RoutingResolver.js';
import { SlaBacktestResolver } from './SlaBacktestResolver.js';
import { StudioAccessResolver } from './StudioAccessResolver.js';

let adminSchema: GraphQLSchema | null = null;

/** The static admin API, built once with type-graphql. */
export function getAdminSchema(): GraphQLSchema {
  adminSchema ??= buildSchemaSync({
    resolvers: [MetadataResolver, MetadataDocumentResolver, AccessRulesResolver, AccessExplainResolver, CriteriaMatchesResolver, RegistrationResolver, StudioAccessResolver, JobsResolver, NotificationsResolver, RoutingResolver, SlaBacktestResolver, ApprovalsResolver, FlowInstancesResolver, FlowSimulationResolver],
    scalarsMap: [{ type: Date, scalar: GraphQLDateTimeRfc3339 }],
    validate: false,
    emitSchemaFile: false,
  });
  return adminSchema;
}

/** Merges the admin API into a data-graph builder, so a record type that clashes with an admin name is refused. */
export function addAdminApi(builder: SchemaBuilder): void {
  const schema = getAdminSchema();
  const BY = 'the admin API';
  for (const type of Object.values(schema.getTypeMap())) {
    if (isIntrospectionType(type) || isSpecifiedScalarType(type) || ['Query', 'Mutation', 'Subscription'].includes(type.name)) continue;
    builder.addType(type, BY);
  }
  for (const [root, type] of [['Query', schema.getQueryType()], ['Mutation', schema.getMutationType()]] as const) {
    for (const [name, field] of Object.entries(type?.toConfig().fields ?? {})) builder.addRootField(root, name, field, BY);
  }
}
