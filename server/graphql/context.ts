import type { Actor } from '../access/actor.js';
import type { Identities } from '../access/identities.js';
import type { Database } from '../db/index.js';
import type { EngineHost } from '../engines/index.js';
import type { RecordEventBus } from '../events/record-event-bus.js';
export type { Actor } from '../access/actor.js';
import type { GraphInfo } from '../records/record-info.js';
import type { SchemaMove } from '../records/schema-move.js';

/** What every resolver receives. Built per request (HTTP) or per connection (WebSocket). */
export interface RequestContext {
  db: Database;
  actor: Actor | null;
  events: RecordEventBus;
  /** Present on servers: re-resolves actors per subscription event and drops profiles after identity writes. */
  identities?: Identities;
  /** Present on servers: a statement that failed against an older metadata version is retried on the newest. */
  schemas?: { movedFrom(graph: GraphInfo): Promise<SchemaMove | null> };
  /** Present on servers: the engines whose services the admin API adapts (assignment, SLAs, notifications, jobs). */
  engines?: EngineHost;
}
