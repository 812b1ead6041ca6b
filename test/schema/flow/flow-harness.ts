import { expect } from 'vitest';
import type { Condition } from '../../../schema/condition/index.js';
import { FlowDoc, initialFlowState, transition, type FlowEffect, type FlowEnv, type FlowEvent, type FlowState } from '../../../schema/flow/index.js';

/**
 * A flow from node objects and edges written `from>to` or `from>to:port`, parsed as published flows are (so the
 * document's defaults — policy any, join all, ifNoApprovers reject — apply).
 */
export function buildFlow(nodes: Array<Record<string, unknown>>, edges: string[]): FlowDoc {
  return FlowDoc.parse({
    name: 'test_flow',
    trigger: { recordType: 'ticket', on: 'create' },
    nodes,
    edges: edges.map((e) => {
      const [from, rest] = e.split('>');
      const [to, port] = rest!.split(':');
      return port ? { from, to, port } : { from, to };
    }),
  });
}

/** A field test `field eq value`, the only kind the test record answers. */
export const is = (field: string, value: unknown): Condition => ({ field, op: 'eq', value: value as string });

/** Conditions hold on a plain record the test changes at will (only `eq`, `and`, `or`, `not`). */
export function recordEnv(record: Record<string, unknown>): FlowEnv {
  const holds = (c: Condition): boolean => {
    if ('and' in c) return c.and.every(holds);
    if ('or' in c) return c.or.some(holds);
    if ('not' in c) return !holds(c.not);
    if (c.op !== 'eq') throw new Error(`test env only knows eq, not ${c.op}`);
    return record[c.field] === c.value;
  };
  return { holds };
}

/**
 * Drives one instance through `transition` like a runner would, and on every step checks the promises every
 * step keeps: the input state is not changed, and the same input gives the same output.
 */
export class FlowHarness {
  state: FlowState;
  readonly record: Record<string, unknown>;
  readonly env: FlowEnv;
  /** Every effect so far, in order. */
  readonly log: FlowEffect[] = [];

  constructor(
    readonly flow: FlowDoc,
    record: Record<string, unknown> = {},
  ) {
    this.state = initialFlowState(flow.nodes.find((n) => n.kind === 'start')!.id);
    this.record = record;
    this.env = recordEnv(record);
  }

  /** Passes `event`; returns this step's effects. */
  send(event: FlowEvent): FlowEffect[] {
    const before = structuredClone(this.state);
    const step = transition(this.flow, this.state, event, this.env);
    expect(this.state, 'transition must not change its input state').toEqual(before);
    expect(transition(this.flow, before, event, this.env), 'same input, same output').toEqual(step);
    this.state = step.state;
    this.log.push(...step.effects);
    return step.effects;
  }

  /** Starts the flow and answers every `request_approvals` of the step with `approvers` (per node id). */
  start(approvers: Record<string, string[]> = {}): FlowEffect[] {
    return this.resolve(this.send({ type: 'start' }), approvers);
  }

  /** Answers the `request_approvals` effects in `effects` (recursively, for what their answers cause). */
  resolve(effects: FlowEffect[], approvers: Record<string, string[]>): FlowEffect[] {
    const all = [...effects];
    for (const e of effects) {
      if (e.type !== 'request_approvals') continue;
      const who = approvers[e.node];
      if (who) all.push(...this.resolve(this.send({ type: 'approvers_resolved', token: e.token, approvers: who }), approvers));
    }
    return all;
  }

  /** The live token waiting at `node` (fails the test if there is none). */
  tokenAt(node: string): number {
    const token = this.state.tokens.find((t) => t.node === node);
    expect(token, `a token at ${node}`).toBeDefined();
    return token!.id;
  }

  decide(node: string, person: string, decision: 'approved' | 'rejected'): FlowEffect[] {
    return this.send({ type: 'decision', token: this.tokenAt(node), person, decision });
  }

  /** Where live tokens are, sorted. */
  where(): string[] {
    return this.state.tokens.map((t) => t.node).sort();
  }
}

/** The effects of `type` in `effects`. */
export function ofType<T extends FlowEffect['type']>(effects: FlowEffect[], type: T): Array<Extract<FlowEffect, { type: T }>> {
  return effects.filter((e): e is Extract<FlowEffect, { type: T }> => e.type === type);
}

/** The audit kinds in `effects`, in order (node in brackets). */
export function audits(effects: FlowEffect[]): string[] {
  return ofType(effects, 'audit').map((e) => `${e.entry.kind}${e.entry.node ? `(${e.entry.node})` : ''}`);
}
