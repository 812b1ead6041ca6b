import { z } from 'zod';

/**
 * A business unit (IT, customer service, HR, facilities, finance…): owns case types and the metadata that serves
 * them. Users matching any of `admins` (user criteria names) draft, validate and publish metadata inside the unit
 * without the platform admin; a change outside it is refused.
 */
export const BusinessUnitDoc = z
  .object({
    name: z.string(),
    label: z.string().min(1),
    description: z.string().optional(),
    /** User criteria whose users administer the unit. */
    admins: z.array(z.string().min(1)).default([]),
  })
  .strict();
export type BusinessUnitDoc = z.infer<typeof BusinessUnitDoc>;
