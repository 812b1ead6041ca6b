import { evaluateCondition, type DynamicContext, type Model, type WebhookDoc, type WebhookEvent } from '../../../schema/index.js';
import type { EngineEvent } from '../../events/engine-event.js';
import type { EventHandler } from '../../events/event-feed.js';
import { toGlobalId } from '../../records/index.js';
import type { EngineContext } from '../engine.js';
import { queueNotification } from './queue-notification.js';

/** What a webhook receives in its body. */
export interface WebhookBody {
  event: WebhookEvent;
  recordType: string;
  /** The record's global id, as the graph gives it. */
  id: string;
  version: number;
  at: string;
  /** The fields the write changed, by name: old and new values (empty for a deletion). */
  changes: EngineEvent['changes'];
  /** The record as the write left it (as it was, for a deletion), by column name. */
  record: Record<string, unknown> | null;
}

/**
 * The webhooks' event consumer: for each committed record event, one webhook notification per active webhook
 * it matches, queued in the feed's transaction (so each event queues each webhook's call exactly once).
 */
export function webhookEvents(ctx: EngineContext): EventHandler {
  return async (tx, events) => {
    const model = ctx.graph().model;
    const hooks = Object.values(model.snapshot.webhooks).filter((h) => h.active !== false);
    if (!hooks.length) return;
    for (const e of events) {
      for (const hook of hooks) {
        const event = webhookEvent(model, hook, e);
        if (!event) continue;
        await queueNotification(ctx.jobs, tx, {
          key: `webhook:${hook.name}:${e.id}`,
          channel: 'webhook',
          recordType: e.recordType,
          recordId: e.recordId,
          recipients: [],
          payload: { webhook: hook.name, body: webhookBody(model, event, e) },
        });
      }
    }
  };
}

/**
 * The event a webhook sees in a record event, or null when it does not listen for it: the type (or an
 * ancestor) must be the webhook's, the kind listed (an update that changed the state field is `transitioned`
 * when the webhook asks for that, else `updated`), and the condition true of the record as written.
 */
export function webhookEvent(model: Model, hook: WebhookDoc, e: EngineEvent): WebhookEvent | null {
  const type = model.types.get(e.recordType);
  if (!type || (type.name !== hook.recordType && !type.ancestors.includes(hook.recordType))) return null;
  let event: WebhookEvent | null;
  switch (e.kind) {
    case 'created':
    case 'deleted':
      event = hook.events.includes(e.kind) ? e.kind : null;
      break;
    case 'updated': {
      const transition = !!type.stateModel && type.stateModel.field in e.changes;
      event = transition && hook.events.includes('transitioned') ? 'transitioned' : hook.events.includes('updated') ? 'updated' : null;
      break;
    }
    default: {
      const never: never = e.kind;
      throw new Error(`unknown record event kind ${String(never)}`);
    }
  }
  if (!event) return null;
  if (hook.condition && !evaluateCondition(model, e.recordType, hook.condition, e.row ?? {}, systemDynamic(e.at))) return null;
  return event;
}

function webhookBody(model: Model, event: WebhookEvent, e: EngineEvent): WebhookBody {
  const gqlName = model.types.get(e.recordType)?.gqlName ?? e.recordType;
  return { event, recordType: e.recordType, id: toGlobalId(gqlName, e.recordId), version: e.version, at: e.at.toISOString(), changes: e.changes, record: e.row };
}

/** Webhook conditions are about the record, not a person: "me" and "my groups" match no one; now is the write's time. */
function systemDynamic(at: Date): DynamicContext {
  return { me: null, myGroups: [], myAccount: null, myAccountTree: [], myPartnerCustomers: [], myDepartment: null, myLocation: null, now: at };
}
