import type { StateModelDoc } from '../../../../schema/case/index.js';
import type { XY } from '../store/state-model-store.js';
import { NODE_HEIGHT, NODE_WIDTH } from './node-size.js';

/** The part of an ELK graph the layout needs (elkjs's own types stay inside the worker). */
export interface ElkInput {
  id: string;
  layoutOptions: Record<string, string>;
  children: { id: string; width: number; height: number }[];
  edges: { id: string; sources: string[]; targets: string[] }[];
}

export interface ElkOutput {
  children?: { id: string; x?: number; y?: number }[];
}

/**
 * A state model as an ELK layered graph, top to bottom in the order of the moves, the initial state first
 * (lifecycles are long chains: left to right they would not fit a canvas beside the inspector).
 * Transitions to unknown states (a half-edited document) are left out rather than failing the layout.
 */
export function toElkGraph(doc: StateModelDoc): ElkInput {
  const names = new Set(doc.states.map((s) => s.name));
  const ordered = [...doc.states].sort((a, b) => Number(b.name === doc.initial) - Number(a.name === doc.initial));
  return {
    id: 'root',
    layoutOptions: {
      'elk.algorithm': 'layered',
      'elk.direction': 'DOWN',
      'elk.layered.spacing.nodeNodeBetweenLayers': '70',
      'elk.spacing.nodeNode': '50',
      'elk.layered.cycleBreaking.strategy': 'MODEL_ORDER',
      'elk.layered.considerModelOrder.strategy': 'NODES_AND_EDGES',
    },
    children: ordered.map((s) => ({ id: s.name, width: NODE_WIDTH, height: NODE_HEIGHT })),
    edges: doc.transitions.flatMap((t, i) => (names.has(t.from) && names.has(t.to) && t.from !== t.to ? [{ id: `t${i}`, sources: [t.from], targets: [t.to] }] : [])),
  };
}

export function fromElkGraph(result: ElkOutput): Record<string, XY> {
  return Object.fromEntries((result.children ?? []).map((c) => [c.id, { x: c.x ?? 0, y: c.y ?? 0 }]));
}

/**
 * A quick layered layout without ELK: rows by distance from the initial state (breadth first), states nothing
 * reaches in a last row. Used where no worker runs (tests) and when the worker fails.
 */
export function layeredPositions(doc: StateModelDoc): Record<string, XY> {
  const out = new Map<string, string[]>();
  for (const t of doc.transitions) out.set(t.from, [...(out.get(t.from) ?? []), t.to]);
  const depth = new Map<string, number>([[doc.initial, 0]]);
  const queue = [doc.initial];
  for (let i = 0; i < queue.length; i++)
    for (const next of out.get(queue[i]!) ?? [])
      if (!depth.has(next)) {
        depth.set(next, depth.get(queue[i]!)! + 1);
        queue.push(next);
      }
  const last = Math.max(0, ...depth.values()) + 1;
  const rows = new Map<number, number>();
  const positions: Record<string, XY> = {};
  for (const s of doc.states) {
    const layer = depth.get(s.name) ?? last;
    const index = rows.get(layer) ?? 0;
    rows.set(layer, index + 1);
    positions[s.name] = { x: index * (NODE_WIDTH + 50), y: layer * (NODE_HEIGHT + 70) };
  }
  return positions;
}
