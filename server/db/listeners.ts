import type { StatementListener } from './database.js';

/** A small set of statement listeners shared by both drivers. */
export class StatementListeners {
  private readonly listeners = new Set<StatementListener>();

  add(listener: StatementListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  get active(): boolean {
    return this.listeners.size > 0;
  }

  emit(sql: string, ms: number | null): void {
    for (const l of this.listeners) l(sql, ms);
  }
}
