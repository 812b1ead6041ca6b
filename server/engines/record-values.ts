import { DomainError, ErrorCode } from '../domain-error.js';
import { toGlobalId, type GraphInfo, type RecordValues, type TypeInfo } from '../records/index.js';

/**
 * Values for a write request (keyed by GraphQL field name, references as global ids) from values keyed by
 * field name as engines hold them (references as row ids), so engines write through the pipeline as clients do.
 */
export function recordValues(graph: GraphInfo, info: TypeInfo, values: Record<string, unknown>): RecordValues {
  const out: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(values)) {
    const field = info.type.activeFields.find((f) => f.name === name);
    if (!field) throw new DomainError(ErrorCode.BAD_USER_INPUT, `the ${info.type.doc.label} record type has no field "${name}"`);
    if (field.type === 'reference' && value !== null && value !== undefined) {
      const target = graph.byName.get(field.reference!);
      if (!target) throw new DomainError(ErrorCode.BAD_USER_INPUT, `the field "${name}" refers to "${field.reference}", which is not a live record type`);
      out[field.gqlName] = toGlobalId(target.type.gqlName, Number(value));
    } else {
      out[field.gqlName] = value ?? null;
    }
  }
  return out as RecordValues;
}
