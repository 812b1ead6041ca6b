import { sql } from 'drizzle-orm';
import type { Logger } from 'pino';
import type { Database } from '../db/index.js';
import { AsyncQueue } from './async-queue.js';

export type RecordEventKind = 'created' | 'updated' | 'deleted';

/** A committed write, as stored in the outbox. */
export interface RecordEvent {
  id: number;
  recordType: string;
  recordId: number;
  kind: RecordEventKind;
  version: number;
  actor: string;
  snapshot: Record<string, unknown> | null;
}

export const RECORD_EVENT_CHANNEL = 'atrium_record_event';

interface Subscriber {
  types: ReadonlySet<string>;
  queue: AsyncQueue<RecordEvent>;
}

/**
 * Fans committed record events out to subscriptions in this process. Events reach every process through
 * NOTIFY (sent by the outbox trigger, delivered only after commit); each process reads the outbox row once.
 */
export class RecordEventBus {
  private readonly subscribers = new Set<Subscriber>();
  private unlisten: (() => Promise<void>) | null = null;
  // Notifications arrive in commit order; loading them concurrently (a pool) would let a later event overtake.
  private loading: Promise<void> = Promise.resolve();

  constructor(
    private readonly db: Database,
    private readonly log: Logger,
  ) {}

  async start(): Promise<void> {
    this.unlisten = await this.db.listen(RECORD_EVENT_CHANNEL, (payload) => {
      // "<id>:<record type>": the outbox row is read only when someone here listens for that type.
      const [id, type] = payload.split(':');
      if (![...this.subscribers].some((s) => type === undefined || s.types.has(type))) return;
      this.loading = this.loading.then(() => this.load(Number(id))).catch((err) => this.log.error({ err, payload }, 'could not load a record event'));
    });
  }

  /** Events of records whose concrete type is in `types`, from now on, until the iterator is closed. */
  subscribe(types: ReadonlySet<string>): AsyncQueue<RecordEvent> {
    const sub: Subscriber = { types, queue: new AsyncQueue(() => this.subscribers.delete(sub)) };
    this.subscribers.add(sub);
    return sub.queue;
  }

  private async load(id: number): Promise<void> {
    const [row] = await this.db.run<Record<string, unknown>>(
      sql`SELECT "id", "record_type", "record_id", "kind", "version", "actor", "snapshot" FROM "atrium"."record_event" WHERE "id" = ${id}::bigint`,
    );
    if (!row) return;
    const event: RecordEvent = {
      id: Number(row.id),
      recordType: String(row.record_type),
      recordId: Number(row.record_id),
      kind: row.kind as RecordEventKind,
      version: Number(row.version),
      actor: String(row.actor),
      snapshot: (row.snapshot as Record<string, unknown> | null) ?? null,
    };
    for (const s of this.subscribers) if (s.types.has(event.recordType)) s.queue.push(event);
  }

  async stop(): Promise<void> {
    for (const s of [...this.subscribers]) s.queue.close();
    await this.unlisten?.();
    this.unlisten = null;
    await this.loading;
  }
}
