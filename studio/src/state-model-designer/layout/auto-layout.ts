import type { StateModelDoc } from '../../../../schema/case/index.js';
import type { XY } from '../store/state-model-store.js';
import { fromElkGraph, layeredPositions, toElkGraph, type ElkOutput } from './elk-graph.js';

let worker: Worker | null = null;
let next = 0;
const pending = new Map<number, { resolve: (r: ElkOutput) => void; reject: (e: Error) => void }>();

function layoutWorker(): Worker | null {
  if (typeof Worker === 'undefined') return null;
  if (!worker) {
    worker = new Worker(new URL('./layout.worker.ts', import.meta.url), { type: 'module' });
    worker.onmessage = (event: MessageEvent<{ id: number; result?: ElkOutput; error?: string }>) => {
      const waiting = pending.get(event.data.id);
      pending.delete(event.data.id);
      if (event.data.error !== undefined) waiting?.reject(new Error(event.data.error));
      else waiting?.resolve(event.data.result ?? {});
    };
    worker.onerror = (event) => {
      for (const waiting of pending.values()) waiting.reject(new Error(event.message || 'the layout worker failed'));
      pending.clear();
      worker?.terminate();
      worker = null;
    };
  }
  return worker;
}

/**
 * Positions for every state, computed by ELK in a Web Worker so a large model never blocks typing or panning.
 * Where no worker can run, or ELK fails, a simple layered layout answers instead: the canvas always opens.
 */
export async function autoLayout(doc: StateModelDoc): Promise<Record<string, XY>> {
  const target = layoutWorker();
  if (!target) return layeredPositions(doc);
  const id = ++next;
  try {
    const result = await new Promise<ElkOutput>((resolve, reject) => {
      pending.set(id, { resolve, reject });
      target.postMessage({ id, graph: toElkGraph(doc) });
    });
    return { ...layeredPositions(doc), ...fromElkGraph(result) };
  } catch {
    return layeredPositions(doc);
  }
}
