import type { MetadataProblem } from '../../../schema/metadata/index.js';
import { StudioValidateDocument } from '../graphql/generated/graphql.js';
import { useGqlQuery } from '../graphql/use-gql.js';

export interface ConversionRefusals {
  /** What the server would refuse in this type's fields on publish, data checks included (records counted). */
  problems: MetadataProblem[];
  checking: boolean;
  error: string | null;
}

/**
 * Asks the server what a publish would refuse (`validateMetadata` runs the DDL's data checks and rolls back), for
 * the fields of `typeName`. Only the server knows how many records would not convert, so this runs once the
 * change is saved as a draft (`enabled`); a save refetches it.
 */
export function useConversionRefusals(typeName: string, enabled: boolean): ConversionRefusals {
  const query = useGqlQuery(StudioValidateDocument, undefined, { enabled });
  const prefix = `${typeName}.fields.`;
  const problems = enabled ? (query.data?.validateMetadata ?? []).filter((p) => p.path.startsWith(prefix)).map((p) => ({ ...p, code: p.code as MetadataProblem['code'] })) : [];
  return { problems, checking: enabled && query.isFetching, error: enabled && query.error ? query.error.message : null };
}

/** The number of records a refusal counts ("… 3 record(s) are not whole numbers"), or null. */
export function recordCountOf(message: string): number | null {
  const m = /(\d+) (?:record|value)\(s\)/.exec(message);
  return m ? Number(m[1]) : null;
}
