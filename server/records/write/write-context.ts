import type { Actor } from '../../access/actor.js';
import type { Database, Executor } from '../../db/index.js';
import type { PageLimits } from '../compile/index.js';
import type { GraphInfo } from '../record-info.js';
import type { SchemaMove } from '../schema-move.js';

/** Everything a write needs besides the request: where, against which graph, by whom. */
export interface WriteContext {
  /**
   * The database, or an open transaction (an engine writes together with its own rows): then a refused create
   * is taken back by the caller's transaction, which the refusal rolls back.
   */
  db: Database | Executor;
  graph: GraphInfo;
  limits: PageLimits;
  actor: Actor;
  /** When present, a write that failed because a publish replaced `graph` is built again for the newest one. */
  schemas?: { movedFrom(graph: GraphInfo): Promise<SchemaMove | null> };
  /** Called after a write to an identity record (a person, a group membership…): cached access profiles are stale. */
  onIdentityWrite?: () => void;
}
