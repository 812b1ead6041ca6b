import type { Logger } from 'pino';
import type { Actor } from '../access/actor.js';
import type { Config } from '../config.js';
import type { Database } from '../db/index.js';
import { EventFeed } from '../events/event-feed.js';
import { runWrite, type GraphInfo, type PageLimits, type SchemaMove } from '../records/index.js';
import { systemClock, type Clock } from './clock.js';
import type { Engine, EngineContext, TimerTick } from './engine.js';
import { ENGINES } from './engines.js';
import { JobQueue } from './jobs/job-queue.js';

/** Who engines write as: passes access (an engine acts on rules an administrator published), recorded as `system`. */
export const SYSTEM_ACTOR: Actor = {
  id: 'system',
  name: 'Atrium',
  admin: true,
  profile: null,
  principal: { subject: 'system', name: 'Atrium', admin: true, via: 'system', expiresAt: null },
  key: 'system',
};

export interface EngineHostOptions {
  db: Database;
  config: Config;
  log: Logger;
  /** The newest published graph, and how to rebuild a write for it after a publish (the schema registry). */
  schemas: { readonly current: { graph: GraphInfo }; movedFrom(graph: GraphInfo): Promise<SchemaMove | null> };
  limits: PageLimits;
  clock?: Clock;
  /**
   * Run in the background (a server): events as they commit, jobs as they are sent, timers every `tickMs`.
   * Off (tests): nothing runs until `drain()`.
   */
  background: boolean;
  tickMs?: number;
  /** The engines to run (default: all of ENGINES). */
  engines?: readonly Engine[];
}

/**
 * Runs the engines: one event feed, one job queue and one clock shared by all of them. Safe with several
 * server processes on one database: events, jobs and timers are each claimed by one process at a time.
 */
export class EngineHost {
  readonly clock: Clock;
  readonly jobs: JobQueue;
  readonly feed: EventFeed;
  private readonly timers = new Map<string, TimerTick>();
  private ticker: NodeJS.Timeout | null = null;
  private ticking: Promise<number> | null = null;

  constructor(private readonly options: EngineHostOptions) {
    this.clock = options.clock ?? systemClock;
    this.jobs = new JobQueue(options.db, options.log, { work: options.background });
    this.feed = new EventFeed(options.db, options.log);
    const ctx = this.context();
    for (const engine of options.engines ?? ENGINES) engine.install(ctx);
  }

  /** What engines are given; GraphQL resolvers adapting an engine's service use the same. */
  context(): EngineContext {
    const { db, log, schemas, limits, config } = this.options;
    return {
      db,
      config,
      log,
      clock: this.clock,
      jobs: this.jobs,
      feed: this.feed,
      graph: () => schemas.current.graph,
      write: (request, opts = {}) => runWrite({ db: opts.tx ?? db, graph: schemas.current.graph, limits, actor: opts.actor ?? SYSTEM_ACTOR, schemas }, request),
      every: (name, tick) => {
        if (this.timers.has(name)) throw new Error(`the timer "${name}" is registered twice`);
        this.timers.set(name, tick);
      },
    };
  }

  async start(): Promise<void> {
    await this.jobs.start();
    if (!this.options.background) return;
    await this.feed.start();
    this.ticker = setInterval(() => void this.tick(), this.options.tickMs ?? 1_000);
    this.ticker.unref();
  }

  /** Fires every timer due at the clock's time; resolves to how many fired. Overlapping calls share one run. */
  tick(): Promise<number> {
    this.ticking ??= (async () => {
      let fired = 0;
      const now = this.clock.now();
      for (const [name, tick] of this.timers) {
        try {
          fired += await tick(now);
        } catch (err) {
          this.options.log.error({ err, timer: name }, 'a timer source failed; it runs again on the next tick');
        }
      }
      if (fired) this.jobs.wake();
      return fired;
    })().finally(() => {
      this.ticking = null;
    });
    return this.ticking;
  }

  /**
   * Runs everything that is due now until nothing is left: events committed so far, timers due at the clock's
   * time, jobs and what they cause. Tests call it after moving the clock; resolves to how much ran.
   */
  async drain(maxRounds = 50): Promise<number> {
    let total = 0;
    for (let round = 0; round < maxRounds; round++) {
      const n = (await this.feed.drain()) + (await this.tick()) + (await this.jobs.drain());
      total += n;
      if (n === 0) return total;
    }
    throw new Error(`the engines were still busy after ${maxRounds} rounds: something keeps causing work`);
  }

  async stop(): Promise<void> {
    if (this.ticker) clearInterval(this.ticker);
    await this.ticking;
    await this.feed.stop();
    await this.jobs.stop();
  }
}
