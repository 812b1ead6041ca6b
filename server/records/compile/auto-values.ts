import { sql, type SQL } from 'drizzle-orm';
import { UnreachableCaseError, type ModelField } from '../../../schema/index.js';
import type { TypeInfo } from '../record-info.js';

/** Who writes: the user name recorded as createdBy/updatedBy, and the person record `auto: me` fields get. */
export interface Writer {
  userName: string;
  /** Null for a writer without a person record (the development admin): its `me` fields are left empty. */
  personId: string | null;
}

/** The fields the server sets on a create (`auto`), with their values; a client never gives them. */
export function autoAssignments(info: TypeInfo, writer: Writer): { fields: ModelField[]; values: SQL[] } {
  const fields: ModelField[] = [];
  const values: SQL[] = [];
  for (const field of info.fields.values()) {
    if (!field.auto) continue;
    fields.push(field);
    values.push(autoValue(field, field.auto, writer));
  }
  return { fields, values };
}

function autoValue(field: ModelField, auto: NonNullable<ModelField['auto']>, writer: Writer): SQL {
  switch (auto) {
    case 'me':
      return sql`${writer.personId}::bigint`;
    case 'now':
      // The statement's time, the same instant as sys_created_at.
      return field.type === 'date' ? sql`CURRENT_DATE` : sql`now()`;
    default:
      throw new UnreachableCaseError(auto);
  }
}
