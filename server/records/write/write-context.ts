import type { Actor } from '../../access/actor.js';
import type { Database } from '../../db/index.js';
import type { PageLimits } from '../compile/index.js';
import type { GraphInfo } from '../record-info.js';
import type { SchemaMove } from '../schema-move.js';

/** Everything a write needs besides the request: where, against which graph, by whom. */
export interface WriteContext {
  db: Database;
  graph: GraphInfo;
  limits: PageLimits;
  actor: Actor;
  /** When present, a write that failed because a publish replaced `graph` is built again for the newest one. */
  schemas?: { movedFrom(graph: GraphInfo): Promise<SchemaMove | null> };
  /** Called after a write to an identity record (a person, a group membership…): cached access profiles are stale. */
  onIdentityWrite?: () => void;
}
