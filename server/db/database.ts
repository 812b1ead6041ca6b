import type { SQL } from 'drizzle-orm';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';

export type Row = Record<string, unknown>;

/** A statement as text with positional parameters ($1, $2 …). */
export interface Statement {
  sql: string;
  params: unknown[];
}

export type Orm = PgDatabase<PgQueryResultHKT, Record<string, never>>;

/** Anything that runs statements: the database itself or an open transaction. */
export interface Executor {
  /** Runs one statement and returns its rows, the same shape on every driver. */
  run<T extends Row = Row>(statement: SQL | Statement): Promise<T[]>;
  /** Drizzle over the same connection, for the platform tables. */
  readonly orm: Orm;
}

export type Driver = 'pglite' | 'postgres';

/** Called for every statement sent, with its duration (null where the driver path does not time it: drizzle's logger); tests count statements, metrics time them. */
export type StatementListener = (sql: string, ms: number | null) => void;

export interface TransactionOptions {
  /**
   * Longest each statement of this transaction may run, in ms; null: no limit (publishing runs DDL and data
   * checks that must not be cut short). Absent: the database's budget.
   */
  statementTimeoutMs?: number | null;
}

export interface Database extends Executor {
  readonly driver: Driver;
  /** Runs `fn` in one transaction: committed when it resolves, rolled back when it throws. */
  transaction<T>(fn: (tx: Executor) => Promise<T>, options?: TransactionOptions): Promise<T>;
  /** Subscribes to a NOTIFY channel; resolves to the unsubscribe function. */
  listen(channel: string, onPayload: (payload: string) => void): Promise<() => Promise<void>>;
  onStatement(listener: StatementListener): () => void;
  /**
   * Runs a script of several statements (no parameters) outside any transaction of ours, as one round trip;
   * resolves to the rows of its last statement. For libraries that send their own BEGIN … COMMIT (the job queue).
   */
  script<T extends Row = Row>(text: string): Promise<T[]>;
  /** Brings the platform tables up to date; safe when several processes start at once. */
  migrate(migrationsFolder: string): Promise<void>;
  close(): Promise<void>;
}

/** Session settings every connection gets, so JSON built in SQL carries ISO 8601 times and durations. */
export const SESSION_SETTINGS = { TimeZone: 'UTC', IntervalStyle: 'iso_8601' } as const;
