import { z } from 'zod';
import { AUTO_VALUES } from './auto-field.js';
import { FIELD_TYPES } from './field-types.js';

/** A value of a choice list. `value` is stored; GraphQL shows it as an enum value in CONSTANT_CASE. */
export const ChoiceDoc = z.object({
  value: z.string(),
  label: z.string().min(1),
});
export type ChoiceDoc = z.infer<typeof ChoiceDoc>;

/**
 * A field of a record type. `id` is the field's stable identity: it survives renames, so the DDL planner can
 * tell a rename (same id, new name) from a removal plus an addition. Files may omit it; import assigns one.
 */
export const FieldDoc = z.object({
  id: z.string().min(1).optional(),
  name: z.string(),
  label: z.string().min(1),
  help: z.string().optional(),
  type: z.enum(FIELD_TYPES),
  required: z.boolean().optional(),
  unique: z.boolean().optional(),
  /** Look records up by this field quickly (a database index); references and unique fields always are. */
  indexed: z.boolean().optional(),
  default: z.unknown().optional(),
  maxLength: z.number().int().min(1).max(10_485_760).optional(),
  scale: z.number().int().min(0).max(12).optional(),
  choices: z.array(ChoiceDoc).optional(),
  reference: z.string().optional(),
  reverseName: z.string().optional(),
  /** Set by the server when a record is created, never by a client (see `AUTO_VALUES`). */
  auto: z.enum(AUTO_VALUES).optional(),
  /** A removed field: hidden from the graph, its column and data kept until an explicit purge. */
  archived: z.boolean().optional(),
});
export type FieldDoc = z.infer<typeof FieldDoc>;

/** A record type: a real table (or, when abstract, an interface and a view over its concrete descendants). */
export const RecordTypeDoc = z.object({
  name: z.string(),
  label: z.string().min(1),
  pluralLabel: z.string().min(1).optional(),
  description: z.string().optional(),
  extends: z.string().optional(),
  abstract: z.boolean().optional(),
  numberPrefix: z
    .string()
    .regex(/^[A-Z][A-Z0-9]{0,9}$/, 'a number prefix is 1 to 10 upper-case letters or digits, starting with a letter')
    .optional(),
  displayField: z.string().optional(),
  fields: z.array(FieldDoc).default([]),
  /** A removed type: hidden from the graph, its table and data kept. */
  archived: z.boolean().optional(),
});
export type RecordTypeDoc = z.infer<typeof RecordTypeDoc>;
export type RecordTypeInputDoc = z.input<typeof RecordTypeDoc>;
