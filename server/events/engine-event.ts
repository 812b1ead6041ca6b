import type { RecordEvent } from './record-event-bus.js';

/** One field a write changed: its value before (null on create) and after. */
export interface FieldChange {
  old: unknown;
  new: unknown;
}

/**
 * A committed record write as engines see it: the outbox row with the record as the write left it (as it was,
 * for a deletion) and the fields it changed, by field name, from the write's own history rows.
 */
export interface EngineEvent extends Omit<RecordEvent, 'snapshot'> {
  at: Date;
  /** The row (column name → value; ids as numbers, times as ISO strings). */
  row: Record<string, unknown> | null;
  /** The fields this write changed; on create, those given a value. Empty for deletions. */
  changes: Record<string, FieldChange>;
}
