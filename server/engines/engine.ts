import type { Logger } from 'pino';
import type { Actor } from '../access/actor.js';
import type { Config } from '../config.js';
import type { Database, Executor } from '../db/index.js';
import type { EventFeed } from '../events/event-feed.js';
import type { GraphInfo, WriteRequest, WriteResult } from '../records/index.js';
import type { Clock } from './clock.js';
import type { JobQueue } from './jobs/job-queue.js';

/** A timer source: finds what is due at `now`, fires it, and resolves to how many fired. */
export type TimerTick = (now: Date) => Promise<number>;

/** What an engine is given: the database, time, jobs, events and the one write pipeline. Never GraphQL. */
export interface EngineContext {
  db: Database;
  /** The server's configuration (mail server, public URL …). */
  config: Config;
  log: Logger;
  clock: Clock;
  jobs: JobQueue;
  feed: EventFeed;
  /** The newest published graph (its model and record types). */
  graph(): GraphInfo;
  /**
   * Writes a record through the one write pipeline (access → state model → UI policies → row + history +
   * event), as the system unless an actor is given; inside `tx` when given, so it commits with the engine's rows.
   */
  write(request: WriteRequest, options?: { tx?: Executor; actor?: Actor }): Promise<WriteResult>;
  /** Registers a timer source, run on every tick of the engine clock (each second on a server; `drain` in tests). */
  every(name: string, tick: TimerTick): void;
}

/**
 * An engine (routing, SLAs, notifications …): a folder under server/engines/ whose index exports one of these.
 * `install` registers its event consumers, job kinds and timers; nothing runs until the host starts.
 */
export interface Engine {
  name: string;
  install(ctx: EngineContext): void;
}
