import type { FlowOutcomeHook } from './flow-types.js';

const hooks = new Map<string, FlowOutcomeHook[]>();

/**
 * Registers what a flow's outcome means for records of `recordType` (a registration approved creates its user).
 * Hooks run in the ending step's transaction, in registration order; a hook that throws refuses the step.
 */
export function registerFlowOutcomeHook(recordType: string, hook: FlowOutcomeHook): void {
  const list = hooks.get(recordType) ?? [];
  if (!list.includes(hook)) list.push(hook);
  hooks.set(recordType, list);
}

/** The hooks registered for a record type (none: the outcome is only recorded). */
export function flowOutcomeHooks(recordType: string): readonly FlowOutcomeHook[] {
  return hooks.get(recordType) ?? [];
}
