import type { Database } from '../db/index.js';
import type { RecordEventBus } from '../events/record-event-bus.js';

/** Who is calling. Issue-level identity (users, groups, roles) arrives with the access layer. */
export interface Actor {
  id: string;
  name: string;
  admin: boolean;
}

/** What every resolver receives. Built per request (HTTP) or per connection (WebSocket). */
export interface RequestContext {
  db: Database;
  actor: Actor | null;
  events: RecordEventBus;
}
