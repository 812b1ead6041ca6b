import { sql } from 'drizzle-orm';
import type { Model, ModelType } from '../../schema/index.js';
import { tableRef, type DdlStep } from '../ddl/index.js';

/**
 * Publish steps for states a state model removes, run first in the publish transaction (before any column is
 * renamed, so they name the columns as they are). A removed state that records still hold refuses the publish,
 * naming the state, the type and the count, unless the model's `retired` maps it: then those records move to
 * the mapped state, each as an update of its own (a new version and an outbox event), so subscribers and
 * engines hear of the move as of any other change.
 */
export function retireStates(before: Model, after: Model, author: string): DdlStep[] {
  const steps: DdlStep[] = [];
  for (const t of [...after.types.values()].sort((a, b) => a.name.localeCompare(b.name))) {
    const model = t.stateModel;
    const old = before.types.get(t.name);
    if (!model || t.abstract || t.archived || !old || old.abstract) continue;
    const field = stateField(t);
    const prev = field && old.fields.find((f) => f.id === field.id && !f.archived);
    if (!field || !prev) continue;
    const kept = new Set(model.states.map((s) => s.name));
    const column = sql`${sql.identifier(prev.name)}`;
    for (const removed of (prev.choices ?? []).map((c) => c.value).filter((v) => !kept.has(v))) {
      const path = `stateModels.${model.name}.states`;
      const retired = model.retired.find((r) => r.state === removed);
      if (retired) {
        steps.push({
          kind: 'exec',
          statement: sql`WITH w AS (UPDATE ${tableRef(t.name)} t SET ${column} = ${retired.to}::text, "sys_version" = t."sys_version" + 1, "sys_updated_at" = now(), "sys_updated_by" = ${author}::text WHERE t.${column} = ${removed}::text RETURNING t.*), e AS (INSERT INTO "atrium"."record_event" ("record_type", "record_id", "kind", "version", "actor", "snapshot") SELECT ${t.name}::text, w."id", 'updated', w."sys_version", ${author}::text, to_jsonb(w) FROM w) SELECT count(*)::int AS n FROM w`,
          describe: `move ${t.name} records from retired state ${removed} to ${retired.to}`,
        });
        continue;
      }
      steps.push({
        kind: 'check',
        statement: sql`SELECT count(*)::int AS n FROM ${tableRef(t.name)} WHERE ${column} = ${removed}::text`,
        path,
        message: (n) =>
          `state model "${model.name}" removes state "${removed}", which ${n} ${t.name} record(s) are in; keep the state, or map it under retired (state: ${removed}, to: <a state of the model>) to move those records when publishing`,
      });
    }
  }
  return steps;
}

function stateField(t: ModelType) {
  return t.activeFields.find((f) => f.name === t.stateModel!.field && f.type === 'choice');
}
