import type { MetadataProblem, } from '../../../../schema/metadata/index.js';
import type { StateModelDoc } from '../../../../schema/case/index.js';

/** What a lint item points at, so clicking it selects that element on the canvas. */
export type LintTarget = { kind: 'state'; name: string } | { kind: 'transition'; index: number } | { kind: 'model' };

export interface LintItem {
  /** Stable across renders for the same finding (a React key). */
  id: string;
  /** `error`: the model cannot work as meant (or a publish refuses it); `warning`: probably a mistake. */
  severity: 'error' | 'warning';
  message: string;
  target: LintTarget;
  /** Where it came from: the designer's own checks, or the shared validator a publish runs. */
  source: 'lint' | 'validator';
}

/**
 * The designer's own checks of a state model's graph, beyond what a publish refuses: states nothing leads to,
 * a model whose records can never be closed, moves out of a closed state. Pure and linear in states plus
 * transitions, so it runs on every edit of a 200-state model.
 */
export function lintStateModel(doc: StateModelDoc): LintItem[] {
  const items: LintItem[] = [];
  const names = new Set(doc.states.map((s) => s.name));
  const incoming = new Set<string>();
  const out = new Map<string, string[]>();
  for (const t of doc.transitions) {
    if (!names.has(t.from) || !names.has(t.to) || t.from === t.to) continue;
    incoming.add(t.to);
    const list = out.get(t.from);
    if (list) list.push(t.to);
    else out.set(t.from, [t.to]);
  }
  const reached = reachableFrom(doc.initial, out);
  for (const s of doc.states) {
    if (s.name === doc.initial) continue;
    if (!incoming.has(s.name))
      items.push({ id: `unreached:${s.name}`, severity: 'error', source: 'lint', target: { kind: 'state', name: s.name }, message: `No transition reaches "${s.label}": records can never be in it. Add a transition to it, or remove it.` });
    else if (names.has(doc.initial) && !reached.has(s.name))
      items.push({ id: `unreachable:${s.name}`, severity: 'error', source: 'lint', target: { kind: 'state', name: s.name }, message: `"${s.label}" cannot be reached from the initial state: only states nothing reaches lead to it.` });
  }
  if (names.has(doc.initial) && !doc.states.some((s) => s.category === 'closed' && reached.has(s.name))) {
    const initial = doc.states.find((s) => s.name === doc.initial);
    items.push({ id: 'no-close', severity: 'error', source: 'lint', target: { kind: 'state', name: doc.initial }, message: `No path leads from the initial state "${initial?.label ?? doc.initial}" to a closed state: records can never be closed.` });
  }
  const closed = new Set(doc.states.filter((s) => s.category === 'closed').map((s) => s.name));
  doc.transitions.forEach((t, index) => {
    if (closed.has(t.from))
      items.push({ id: `from-closed:${index}`, severity: 'warning', source: 'lint', target: { kind: 'transition', index }, message: `Transition ${t.from} → ${t.to} leaves a closed state: closed records are usually final (reopen with care).` });
  });
  return items;
}

function reachableFrom(start: string, out: Map<string, string[]>): Set<string> {
  const seen = new Set<string>([start]);
  const queue = [start];
  for (let i = 0; i < queue.length; i++) {
    for (const next of out.get(queue[i]!) ?? []) {
      if (seen.has(next)) continue;
      seen.add(next);
      queue.push(next);
    }
  }
  return seen;
}

/**
 * The shared validator's problems of this document as lint items, each pointing at the state or transition its
 * path names (`stateModels.<name>.states.3.name` → the fourth state), the rest at the model.
 */
export function validatorItems(doc: StateModelDoc, problems: readonly MetadataProblem[]): LintItem[] {
  const prefix = `stateModels.${doc.name}.`;
  return problems.map((p, i) => {
    const rest = p.path.startsWith(prefix) ? p.path.slice(prefix.length) : '';
    const match = /^(states|transitions)\.(\d+)/.exec(rest);
    let target: LintTarget = { kind: 'model' };
    if (match?.[1] === 'states') {
      const state = doc.states[Number(match[2])];
      if (state) target = { kind: 'state', name: state.name };
    } else if (match?.[1] === 'transitions' && doc.transitions[Number(match[2])]) target = { kind: 'transition', index: Number(match[2]) };
    else if (rest === 'initial' && doc.states.some((s) => s.name === doc.initial)) target = { kind: 'state', name: doc.initial };
    return { id: `problem:${i}:${p.path}`, severity: 'error' as const, source: 'validator' as const, target, message: p.message };
  });
}
