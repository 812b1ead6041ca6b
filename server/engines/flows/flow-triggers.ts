import type { FlowDoc, FlowEnv } from '../../../schema/index.js';
import type { Model } from '../../../schema/metadata/index.js';
import type { EngineEvent } from '../../events/engine-event.js';

const byModel = new WeakMap<Model, Map<string, FlowDoc[]>>();

/** The active published flows whose trigger names `recordType` or one of its ancestors (cached per model). */
export function flowsFor(model: Model, recordType: string): FlowDoc[] {
  let cache = byModel.get(model);
  if (!cache) byModel.set(model, (cache = new Map()));
  let list = cache.get(recordType);
  if (list) return list;
  const chain = [recordType, ...(model.types.get(recordType)?.ancestors ?? [])];
  list = Object.values(model.snapshot.flows ?? {}).filter((f) => f.active !== false && chain.includes(f.trigger.recordType));
  cache.set(recordType, list);
  return list;
}

/**
 * Whether a committed write starts `flow` (the trigger's rules; see FlowTriggerDoc): `now` tests the record as the
 * write left it, `before` as it was (the changed fields' old values on the new row).
 */
export function triggerMatches(flow: FlowDoc, event: EngineEvent, now: FlowEnv, before: FlowEnv): boolean {
  const t = flow.trigger;
  if (event.kind === 'deleted' || !event.row) return false;
  switch (t.on) {
    case 'create':
      return event.kind === 'created' && (!t.condition || now.holds(t.condition));
    case 'update':
      // Edge-triggered: a record that keeps matching does not start the flow again on every write.
      if (event.kind !== 'updated') return false;
      return t.condition ? now.holds(t.condition) && !before.holds(t.condition) : true;
    case 'transition': {
      const change = event.changes[t.stateField ?? 'state'];
      if (!change) return false;
      const to = change.new === null || change.new === undefined ? null : String(change.new);
      const from = change.old === null || change.old === undefined ? null : String(change.old);
      if (t.to && (to === null || !t.to.includes(to))) return false;
      if (t.from && (from === null || !t.from.includes(from))) return false;
      return !t.condition || now.holds(t.condition);
    }
    default: {
      const never: never = t.on;
      throw new Error(`unknown flow trigger ${String(never)}`);
    }
  }
}

/** The record as it was before the write: the new row with the changed fields' old values. */
export function rowBefore(event: EngineEvent): Record<string, unknown> | null {
  if (!event.row) return null;
  const old: Record<string, unknown> = { ...event.row };
  for (const [field, change] of Object.entries(event.changes)) old[field] = change.old;
  return old;
}
