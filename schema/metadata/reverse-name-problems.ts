import type { Model, ModelField } from './model.js';
import { camelName, SYSTEM_FIELD_NAMES } from './names.js';
import { reverseConnections, type ReverseConnection } from './reverse-connections.js';
import type { MetadataProblem } from './validate.js';

/** The GraphQL fields every record object has besides its metadata fields (`typename` is no field of it). */
const SYSTEM_GQL_NAMES = new Set(SYSTEM_FIELD_NAMES.filter((n) => n !== 'typename').map(camelName));

/**
 * Reverse connections whose names clash: two on one type (its own and those it inherits from its ancestors), or
 * one with a field or system field of the type. Without this check the generator kept one of two clashing
 * connections and silently pointed the other's name at it. Each clash is reported once, at the shallowest type
 * where it appears, on the reference field whose reverse name should change.
 */
export function reverseNameProblems(model: Model): MetadataProblem[] {
  const problems: MetadataProblem[] = [];
  const reported = new Set<string>();
  const byName = reverseConnections(model);
  const types = [...model.types.values()].filter((t) => byName.has(t.name)).sort((a, b) => a.ancestors.length - b.ancestors.length || a.name.localeCompare(b.name));
  const report = (c: ReverseConnection, key: string, message: string) => {
    if (reported.has(key)) return;
    reported.add(key);
    problems.push({ path: `${c.source.name}.fields.${c.field.name}.reverseName`, code: 'DUPLICATE_NAME', message });
  };
  for (const t of types) {
    const fields = new Map(t.activeFields.map((f) => [f.gqlName, f]));
    const seen = new Map<string, ReverseConnection>();
    for (const c of byName.get(t.name)!) {
      const field = fields.get(c.name);
      if (field) report(c, `${c.field.id} field ${field.id}`, `${what(c)} clashes with field "${field.name}" of "${t.name}"; ${fix(c)}`);
      else if (SYSTEM_GQL_NAMES.has(c.name)) report(c, `${c.field.id} system`, `${what(c)} clashes with the system field "${c.name}" of every record; ${fix(c)}`);
      const prev = seen.get(c.name);
      if (!prev) {
        seen.set(c.name, c);
        continue;
      }
      // Blame the connection with an explicit reverse name: the default one is usually the older, published one.
      const [keep, blame] = !prev.field.reverseName && c.field.reverseName ? [prev, c] : prev.field.reverseName && !c.field.reverseName ? [c, prev] : [prev, c];
      report(
        blame,
        [keep.field.id, blame.field.id].sort().join(' '),
        `reverse connection "${c.name}" on "${t.name}" would be made by both ${ref(keep)} and ${ref(blame)}; ${fix(blame)}`,
      );
    }
  }
  return problems;
}

function ref(c: ReverseConnection): string {
  return `${c.source.name}.${c.field.name} (→ ${c.target.name})`;
}

function what(c: ReverseConnection): string {
  return `${ref(c)} adds the reverse connection "${c.name}"${c.field.reverseName ? '' : ' (its default name)'}, which`;
}

function fix(c: { field: ModelField }): string {
  return c.field.reverseName ? 'choose another reverseName' : 'give the field a reverseName';
}
