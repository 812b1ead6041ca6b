import type { SQL } from 'drizzle-orm';
import { toStatement, type Statement } from '../db/index.js';

const operationIds = new WeakMap<object, number>();

/** Where a root field sits in a request: the parsed operation (one object per document), its path and variables. */
export interface StatementKey {
  operation: object;
  path: { key: string | number };
  variableValues: Record<string, unknown>;
}
let nextOperationId = 1;

/**
 * Compiled statements of read-only root fields, per schema. Apollo hands every request of the same document the
 * same parsed operation object, so (operation, field path, variables) identifies the statement exactly: a repeat
 * skips reading the selection and building SQL, and its text is the same prepared statement as before.
 */
export class StatementCache {
  private readonly entries = new Map<string, Statement>();

  constructor(private readonly capacity = 2000) {}

  get size(): number {
    return this.entries.size;
  }

  statement(info: StatementKey, mode: string, compile: () => SQL): Statement {
    let opId = operationIds.get(info.operation);
    if (opId === undefined) {
      opId = nextOperationId++;
      operationIds.set(info.operation, opId);
    }
    const key = `${opId}|${mode}|${String(info.path.key)}|${JSON.stringify(info.variableValues)}`;
    const hit = this.entries.get(key);
    if (hit) {
      // Refresh its place: the map's order is the eviction order.
      this.entries.delete(key);
      this.entries.set(key, hit);
      return hit;
    }
    const statement = toStatement(compile());
    this.entries.set(key, statement);
    if (this.entries.size > this.capacity) this.entries.delete(this.entries.keys().next().value!);
    return statement;
  }
}
