import type { Engine } from '../engine.js';
import { routeEvent } from './route-event.js';

/**
 * Routing and assignment: an event consumer that routes new records (and unassigned ones whose routed-on fields
 * change) by the published routing rules, and records why (see `routeEvent`).
 */
export const routingEngine: Engine = {
  name: 'routing',
  install(ctx) {
    ctx.feed.consume('routing', async (tx, events) => {
      for (const event of events) await routeEvent(ctx, tx, event);
    });
  },
};
