import { z } from 'zod';

/**
 * A message about a record: `subject` and `body` are mustache templates (logic-less, so safe in an
 * administrator's hands) over the record as it is when the message goes out — its fields by name, a reference
 * giving the display value of the record it points at — plus `{{record.number}}`, `{{record.url}}` and
 * `{{record.type}}`. Without `recordType` it may be used for any record, and only `record.*` is known.
 */
export const NotificationTemplateDoc = z
  .object({
    name: z.string(),
    label: z.string().optional(),
    description: z.string().optional(),
    recordType: z.string().min(1).optional(),
    subject: z.string().min(1),
    body: z.string().min(1),
  })
  .strict();
export type NotificationTemplateDoc = z.infer<typeof NotificationTemplateDoc>;
