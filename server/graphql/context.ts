import type { AccessProfile } from '../access/access-profile.js';
import type { Principal } from '../access/authenticator.js';
import type { Identities } from '../access/identities.js';
import type { Database } from '../db/index.js';
import type { RecordEventBus } from '../events/record-event-bus.js';
import type { GraphInfo } from './records/record-info.js';
import type { SchemaMove } from './records/schema-move.js';

/** Who is calling: a user with its access profile, or the development admin before any user exists. */
export interface Actor {
  /** What writes record as their author: the user name. */
  id: string;
  name: string;
  /** Passes every access rule (the admin role, or the development admin). */
  admin: boolean;
  profile: AccessProfile | null;
  /** What the token said, to read the actor again (subscriptions re-check access per event). */
  principal: Principal;
  /** Identifies the actor and the profile version it was read at (compiled statements are cached per key). */
  key: string;
}

/** What every resolver receives. Built per request (HTTP) or per connection (WebSocket). */
export interface RequestContext {
  db: Database;
  actor: Actor | null;
  events: RecordEventBus;
  /** Present on servers: re-resolves actors per subscription event and drops profiles after identity writes. */
  identities?: Identities;
  /** Present on servers: a statement that failed against an older metadata version is retried on the newest. */
  schemas?: { movedFrom(graph: GraphInfo): Promise<SchemaMove | null> };
}
