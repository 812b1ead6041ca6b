import { z } from 'zod';
import { Condition } from '../condition/condition.js';

export const WEBHOOK_EVENTS = ['created', 'updated', 'transitioned', 'deleted'] as const;
export type WebhookEvent = (typeof WEBHOOK_EVENTS)[number];

/**
 * The environment variables a webhook may take its secret from. A prefix, not any name: the HMAC lets whoever
 * receives the calls test guesses of the key offline, so a webhook must not be able to key it with, say,
 * DATABASE_URL.
 */
export const WEBHOOK_SECRET_PREFIX = 'ATRIUM_WEBHOOK_';
const ENV_NAME = /^ATRIUM_WEBHOOK_[A-Z0-9_]{1,100}$/;

function isHttpUrl(text: string): boolean {
  if (!URL.canParse(text)) return false;
  const { protocol } = new URL(text);
  return protocol === 'http:' || protocol === 'https:';
}

/**
 * Calls `url` with a signed JSON payload when a record of `recordType` (or a descendant) is written in one of
 * the ways listed in `events` (`transitioned`: an update that moved the record's state) and, when given,
 * `condition` holds on the record as written. The signing secret is never metadata (exports and diffs would
 * carry it): `secretEnv` names the environment variable of the server that holds it (ATRIUM_WEBHOOK_…).
 */
export const WebhookDoc = z
  .object({
    name: z.string(),
    label: z.string().optional(),
    description: z.string().optional(),
    url: z.string().refine(isHttpUrl, 'an absolute http:// or https:// URL'),
    recordType: z.string().min(1),
    events: z.array(z.enum(WEBHOOK_EVENTS)).min(1),
    condition: Condition.optional(),
    secretEnv: z.string().regex(ENV_NAME, 'the name of an environment variable starting with ATRIUM_WEBHOOK_, e.g. ATRIUM_WEBHOOK_SECRET_CRM'),
    active: z.boolean().optional(),
  })
  .strict();
export type WebhookDoc = z.infer<typeof WebhookDoc>;
