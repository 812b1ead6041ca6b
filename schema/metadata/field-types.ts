/** Every kind of field a record type can declare. Code knows these kinds; metadata says which fields exist. */
export const FIELD_TYPES = [
  'string',
  'text',
  'integer',
  'decimal',
  'boolean',
  'date',
  'datetime',
  'duration',
  'email',
  'url',
  'choice',
  'multi_choice',
  'reference',
  'json',
] as const;

export type FieldType = (typeof FIELD_TYPES)[number];

/** Thrown by exhaustive switches: a new union member that a switch forgot fails the type check. */
export class UnreachableCaseError extends Error {
  constructor(value: never) {
    super(`unreachable case: ${JSON.stringify(value)}`);
  }
}

/** Field types whose values can be ordered and compared with lt/gt. */
export const ORDERABLE_TYPES: ReadonlySet<FieldType> = new Set<FieldType>([
  'string',
  'integer',
  'decimal',
  'boolean',
  'date',
  'datetime',
  'duration',
  'email',
  'url',
  'choice',
]);

/** Field types an aggregate may group by. */
export const GROUPABLE_TYPES: ReadonlySet<FieldType> = new Set<FieldType>(['choice', 'reference', 'boolean']);
