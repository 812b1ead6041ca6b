import type { FlowAuditEntry } from './flow-state.js';
import type { FlowRun } from './flow-run.js';

/** Appends one line of the instance's audit trail to the step's effects. */
export function audit(run: FlowRun, kind: FlowAuditEntry['kind'], node: string | null, token: number | null, detail: Record<string, unknown> = {}): void {
  run.effects.push({ type: 'audit', entry: { kind, node, token, detail } });
}
