import { GraphQLBoolean, GraphQLEnumType, GraphQLFloat, GraphQLList, GraphQLNonNull, GraphQLObjectType, GraphQLString, type GraphQLFieldConfig, type GraphQLNullableType, type GraphQLOutputType } from 'graphql';
import { BusinessCalendar, isoDuration, measureSla, type SlaMeasure, type SlaStage, type SlaState } from '../../../../schema/sla/index.js';
import { slaByName } from '../../../engines/sla/index.js';
import { hasSlas, SLAS_FIELD } from '../../../records/compile/index.js';
import type { RequestContext } from '../../context.js';
import { GraphQLDateTimeRfc3339 } from '../../scalars.js';
import { byResponseKey, type RecordPlugin } from '../plugin.js';

const BY = 'SlaPlugin';

/** An instance as the record's statement returns it (times as ISO text), before it is measured. */
interface RawSla {
  definition: string;
  stage: SlaStage;
  hasBreached: boolean;
  startedAt: string;
  stoppedAt: string | null;
  targetMs: number;
  elapsedMs: number;
  pausedMs: number;
  measuredAt: string;
  breachAt: string | null;
  breachedAt: string | null;
  warningsFired: number[];
}

/**
 * `slas` on every concrete task type: the record's SLA instances, compiled into the record's statement (so they
 * show where the record does), measured here at the engine clock's time in business time under their schedule.
 */
export const SlaPlugin: RecordPlugin = {
  name: BY,
  build(ctx) {
    const { builder, graph } = ctx;
    const types = [...graph.byName.values()].filter(hasSlas);
    if (!types.length) return;
    const measured = new WeakMap<RawSla, SlaMeasure>();
    const measure = (raw: RawSla, rc: RequestContext): SlaMeasure => {
      let m = measured.get(raw);
      if (m) return m;
      const sla = slaByName(graph.model, raw.definition);
      const state: SlaState = {
        ...raw,
        startedAt: new Date(raw.startedAt),
        stoppedAt: raw.stoppedAt ? new Date(raw.stoppedAt) : null,
        measuredAt: new Date(raw.measuredAt),
        breachAt: raw.breachAt ? new Date(raw.breachAt) : null,
        breachedAt: raw.breachedAt ? new Date(raw.breachedAt) : null,
        targetMs: Number(raw.targetMs),
        elapsedMs: Number(raw.elapsedMs),
        pausedMs: Number(raw.pausedMs),
        nextDueAt: null,
      };
      const now = rc.engines?.clock.now() ?? new Date();
      // A withdrawn definition: shown as last measured (no schedule to count further by).
      m = sla ? measureSla(sla, state, now) : measureSla({ def: null as never, calendar: new BusinessCalendar(null) }, state, state.measuredAt);
      measured.set(raw, m);
      return m;
    };
    const def = (raw: RawSla) => slaByName(graph.model, raw.definition)?.def;
    const computed = <T,>(type: GraphQLFieldConfig<RawSla, RequestContext>['type'], description: string, fn: (raw: RawSla, rc: RequestContext) => T): GraphQLFieldConfig<RawSla, RequestContext> => ({
      type,
      description,
      resolve: (raw, _args, rc) => fn(raw, rc),
    });
    const stage = builder.addType(
      new GraphQLEnumType({
        name: 'SlaStage',
        values: {
          IN_PROGRESS: { value: 'in_progress', description: 'The clock runs.' },
          PAUSED: { value: 'paused', description: 'The pause condition holds: the clock stands.' },
          ACHIEVED: { value: 'achieved', description: 'Stopped within the target.' },
          BREACHED: { value: 'breached', description: 'Stopped after the target passed.' },
          CANCELLED: { value: 'cancelled', description: 'Withdrawn (the cancel condition held, or the record was deleted).' },
        },
      }),
      BY,
    );
    const nonNull = (t: GraphQLNullableType & GraphQLOutputType) => new GraphQLNonNull(t);
    const instance = builder.addType(
      new GraphQLObjectType<RawSla, RequestContext>({
        name: 'SlaInstance',
        description: 'One SLA on one record: how much of its target (business time) is used, measured now.',
        fields: {
          definition: computed(nonNull(GraphQLString), 'The SLA definition, by name.', (r) => r.definition),
          label: computed(nonNull(GraphQLString), 'The definition\'s label (its name when it has none).', (r) => def(r)?.label ?? r.definition),
          type: computed(nonNull(GraphQLString), 'What is measured: response, resolution or other.', (r) => def(r)?.type ?? 'other'),
          stage: computed(nonNull(stage), 'Where the SLA stands.', (r) => r.stage),
          hasBreached: computed(nonNull(GraphQLBoolean), 'Whether the target has passed (from the breach on, whatever the stage).', (r) => r.hasBreached),
          startedAt: computed(nonNull(GraphQLDateTimeRfc3339), 'When the clock started (earlier than the record when started retroactively).', (r) => new Date(r.startedAt)),
          stoppedAt: computed(GraphQLDateTimeRfc3339, 'When it stopped or was cancelled.', (r) => (r.stoppedAt ? new Date(r.stoppedAt) : null)),
          target: computed(nonNull(GraphQLString), 'The target, as an ISO 8601 duration of business time.', (r) => def(r)?.target ?? isoDuration(Number(r.targetMs))),
          targetMs: computed(nonNull(GraphQLFloat), 'The target in business milliseconds.', (r) => Number(r.targetMs)),
          elapsedMs: computed(nonNull(GraphQLFloat), 'Business milliseconds used (paused time excluded), now.', (r, rc) => measure(r, rc).elapsedMs),
          elapsed: computed(nonNull(GraphQLString), 'Business time used, as an ISO 8601 duration.', (r, rc) => isoDuration(measure(r, rc).elapsedMs)),
          remainingMs: computed(nonNull(GraphQLFloat), 'Business milliseconds left before the target (0 once passed).', (r, rc) => measure(r, rc).remainingMs),
          remaining: computed(nonNull(GraphQLString), 'Business time left, as an ISO 8601 duration.', (r, rc) => isoDuration(measure(r, rc).remainingMs)),
          pausedMs: computed(nonNull(GraphQLFloat), 'Business milliseconds spent paused.', (r, rc) => measure(r, rc).pausedMs),
          paused: computed(nonNull(GraphQLString), 'Business time spent paused, as an ISO 8601 duration.', (r, rc) => isoDuration(measure(r, rc).pausedMs)),
          breachAt: computed(GraphQLDateTimeRfc3339, 'When the target passes if the clock keeps running; when it passed, once breached.', (r, rc) => measure(r, rc).breachAt),
          percentElapsed: computed(nonNull(GraphQLFloat), 'Business time used as a percent of the target (past 100 when breached).', (r, rc) => measure(r, rc).percent),
        },
      }),
      BY,
    );
    for (const info of types)
      builder.extendType(info.type.gqlName, BY, () => ({
        [SLAS_FIELD]: {
          type: new GraphQLNonNull(new GraphQLList(new GraphQLNonNull(instance))),
          description: `The SLAs of this ${info.type.doc.label} record, oldest first, measured now.`,
          resolve: byResponseKey,
        },
      }));
  },
};
