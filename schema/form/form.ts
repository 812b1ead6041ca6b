import { z } from 'zod';

/** A group of fields on a form, laid out in one or more columns (field names, top to bottom). */
export const FormSectionDoc = z
  .object({
    label: z.string().min(1).optional(),
    columns: z.array(z.array(z.string().min(1))).min(1).max(4),
  })
  .strict();
export type FormSectionDoc = z.infer<typeof FormSectionDoc>;

/** A list of related records under the form: records of `recordType` whose `field` points at this record. */
export const RelatedListDoc = z
  .object({
    recordType: z.string().min(1),
    field: z.string().min(1),
    label: z.string().min(1).optional(),
  })
  .strict();
export type RelatedListDoc = z.infer<typeof RelatedListDoc>;

/** A layout of a record type's records: sections of fields, then related lists. */
export const FormDoc = z
  .object({
    name: z.string(),
    label: z.string().min(1).optional(),
    recordType: z.string().min(1),
    sections: z.array(FormSectionDoc).min(1),
    relatedLists: z.array(RelatedListDoc).default([]),
  })
  .strict();
export type FormDoc = z.infer<typeof FormDoc>;
