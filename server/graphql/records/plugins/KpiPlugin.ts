import { GraphQLEnumType, GraphQLFloat, GraphQLInt, GraphQLList, GraphQLNonNull, GraphQLObjectType, GraphQLString, type GraphQLOutputType } from 'graphql';
import { GraphQLJSON } from 'graphql-scalars';
import { constantName, IDENTITY_TYPES } from '../../../../schema/index.js';
import { compileServiceKpis, KPI_BASE_TYPE, KPI_DIMENSIONS, KPI_TYPES, MAX_KPI_WINDOW_DAYS } from '../../../records/kpi/index.js';
import { GraphQLDateTimeRfc3339 } from '../../scalars.js';
import { byResponseKey, type RecordPlugin } from '../plugin.js';
import { addReadRoot } from '../root-field.js';

const BY = 'KpiPlugin';

const int = (description: string) => ({ type: new GraphQLNonNull(GraphQLInt), description, resolve: byResponseKey });
const float = (description: string) => ({ type: GraphQLFloat, description, resolve: byResponseKey });

/**
 * `serviceKpis(recordType, from, to, groupBy, filter)`: service KPIs over a window, computed in one statement by
 * `compileServiceKpis` over the records the reader may read. Present when the metadata has a `task` type.
 */
export const KpiPlugin: RecordPlugin = {
  name: BY,
  build(ctx) {
    const { builder, graph } = ctx;
    if (!graph.byName.has(KPI_BASE_TYPE)) return;
    const group = graph.byName.get(IDENTITY_TYPES.group);
    const values = builder.addType(
      new GraphQLObjectType({
        name: KPI_TYPES.values,
        description: 'Service KPIs of a set of records over a window [from, to). Only records the reader may read count.',
        fields: {
          opened: int('Records opened (opened_at) in the window.'),
          resolved: int(
            'Records now in a resolved or closed state (by their state model category) whose last move into one, from a state that is neither, happened in the window (field history).',
          ),
          meanTimeToResolveSeconds: float('MTTR: mean seconds from opened_at to that resolution, over the records resolved in the window; null when none was.'),
          responded: int('Records first assigned to a person (assigned_to set, at creation or later, per field history) in the window.'),
          meanFirstResponseSeconds: float(
            'Mean first-response time in seconds: opened_at to the first time the record was assigned to a person, over the records first assigned in the window; null when none was. Journal entries do not count: assignment is the response every task type has.',
          ),
          slaMet: int('SLA instances of these records stopped in the window within their target.'),
          slaBreached: int('SLA instances of these records stopped in the window after breaching their target.'),
          slaCompliancePercent: float('slaMet as a percentage of the SLA instances stopped in the window (0 to 100, two decimals); null when none stopped.'),
          breaches: int('SLA instances of these records that breached their target in the window (stopped or not).'),
          backlog: int('Records open now (not resolved, closed or cancelled), whatever the window.'),
        },
      }),
      BY,
    );
    const kpiGroup = builder.addType(
      new GraphQLObjectType({
        name: KPI_TYPES.group,
        description: 'The KPIs of the records that share the values of the groupBy dimensions (their current values); dimensions not grouped by are null.',
        fields: {
          ...(group
            ? {
                assignmentGroup: {
                  type: builder.getType(group.type.gqlName) as GraphQLOutputType,
                  description: 'The current assignment group; null for records without one or with one you may not read.',
                  resolve: byResponseKey,
                },
              }
            : {}),
          priority: { type: GraphQLInt, description: 'The current priority.', resolve: byResponseKey },
          state: { type: GraphQLString, description: 'The current state, as stored (e.g. in_progress).', resolve: byResponseKey },
          values: { type: new GraphQLNonNull(values), resolve: byResponseKey },
        },
      }),
      BY,
    );
    const kpis = builder.addType(
      new GraphQLObjectType({
        name: KPI_TYPES.kpis,
        description: 'Service KPIs over a window, in total and by group.',
        fields: {
          total: { type: new GraphQLNonNull(values), description: 'Over every record.', resolve: byResponseKey },
          groups: {
            type: new GraphQLNonNull(new GraphQLList(new GraphQLNonNull(kpiGroup))),
            description: 'One entry per combination of the groupBy dimensions found among the records, ordered by them; empty without groupBy.',
            resolve: byResponseKey,
          },
        },
      }),
      BY,
    );
    const dimension = builder.addType(
      new GraphQLEnumType({
        name: 'KpiDimension',
        description: 'What KPIs can be broken down by.',
        values: Object.fromEntries(KPI_DIMENSIONS.map((d) => [constantName(d), { value: d }])),
      }),
      BY,
    );
    addReadRoot(
      ctx,
      'serviceKpis',
      {
        type: new GraphQLNonNull(kpis),
        description:
          'Service KPIs (volume, MTTR, first response, SLA compliance and breaches, backlog) of task records over the window [from, to), counting only records you may read, optionally by assignment group, priority and state.',
        args: {
          recordType: { type: new GraphQLNonNull(GraphQLString), description: `A task record type by name (incident, customer_case, …), or "${KPI_BASE_TYPE}" for all of them.` },
          from: { type: new GraphQLNonNull(GraphQLDateTimeRfc3339), description: 'Start of the window (included).' },
          to: { type: new GraphQLNonNull(GraphQLDateTimeRfc3339), description: `End of the window (excluded); at most ${MAX_KPI_WINDOW_DAYS} days after from.` },
          groupBy: { type: new GraphQLList(new GraphQLNonNull(dimension)), description: 'Dimensions to break the KPIs down by.' },
          filter: { type: GraphQLJSON, description: "Only records matching this condition (the shared condition language) on the record's own fields." },
        },
      },
      compileServiceKpis,
      BY,
    );
  },
};
