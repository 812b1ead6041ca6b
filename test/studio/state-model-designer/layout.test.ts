import ElkBundled from 'elkjs/lib/elk.bundled.js';
import type { ELK } from 'elkjs/lib/elk-api.js';
import { describe, expect, it } from 'vitest';
import { fromElkGraph, layeredPositions, toElkGraph } from '../../../studio/src/state-model-designer/layout/elk-graph.js';
import { reconcileNodes } from '../../../studio/src/state-model-designer/canvas/reconcile-nodes.js';
import { EMPTY_SELECTION } from '../../../studio/src/state-model-designer/store/state-model-store.js';
import { bigModel, smallModel } from './fixtures.js';

const Elk = ((ElkBundled as unknown as { default?: new () => ELK }).default ?? ElkBundled) as unknown as new () => ELK;

describe('layout', () => {
  it('gives ELK every state and only the transitions between two known, different states', () => {
    const doc = smallModel();
    doc.transitions.push({ from: 'new', to: 'ghost', criteria: [], requires: [] }, { from: 'work', to: 'work', criteria: [], requires: [] });
    const graph = toElkGraph(doc);
    expect(graph.children.map((c) => c.id)).toEqual(['new', 'work', 'closed', 'cancelled']);
    expect(graph.edges.map((e) => e.id)).toEqual(['t0', 't1', 't2']);
  });

  it('lays a model out top to bottom with ELK (as the worker does)', async () => {
    const positions = fromElkGraph(await new Elk().layout(toElkGraph(smallModel())));
    expect(Object.keys(positions).sort()).toEqual(['cancelled', 'closed', 'new', 'work']);
    expect(positions.new!.y).toBeLessThan(positions.work!.y);
    expect(positions.work!.y).toBeLessThan(positions.closed!.y);
  });

  it('has a layered fallback: rows by distance from the initial state, unreached states last', () => {
    const doc = smallModel();
    doc.states.push({ name: 'lost', label: 'Lost', category: 'on_hold' });
    const p = layeredPositions(doc);
    expect(p.new!.y).toBe(0);
    expect(p.work!.y).toBe(p.cancelled!.y);
    expect(p.closed!.y).toBeGreaterThan(p.work!.y);
    expect(p.lost!.y).toBeGreaterThan(p.closed!.y);
    expect(p.work!.x).not.toBe(p.cancelled!.x);
  });
});

describe('reconcileNodes', () => {
  it('hands back unchanged nodes as the same objects, so 199 of 200 do not re-render when one changes', () => {
    const doc = bigModel(200);
    const positions = layeredPositions(doc);
    const first = reconcileNodes([], doc, positions, EMPTY_SELECTION, new Set());
    expect(first).toHaveLength(200);
    const measured = first.map((n, i) => (i === 5 ? { ...n, measured: { width: 200, height: 64 } } : n));
    const states = doc.states.map((s, i) => (i === 7 ? { ...s, label: 'Renamed' } : s));
    const second = reconcileNodes(measured, { ...doc, states }, positions, { states: ['s9'], transitions: [] }, new Set());
    const changed = second.filter((n, i) => n !== measured[i]).map((n) => n.id);
    expect(changed).toEqual(['s7', 's9']);
    expect(second[5]!.measured).toEqual({ width: 200, height: 64 });
    expect(second[9]!.selected).toBe(true);
    expect(second[0]!.data.initial).toBe(true);
  });
});
