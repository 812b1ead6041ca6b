/// <reference lib="webworker" />
import ElkBundled from 'elkjs/lib/elk.bundled.js';
import type { ELK } from 'elkjs/lib/elk-api.js';
import type { ElkInput } from './elk-graph.js';

type ElkConstructor = new () => ELK;
// A CommonJS module: the constructor is its default export or the module itself, depending on the interop.
const Elk = ((ElkBundled as unknown as { default?: ElkConstructor }).default ?? ElkBundled) as unknown as ElkConstructor;
const elk = new Elk();

// Assigned after the import on purpose: elk.bundled.js sets its own self.onmessage when it finds itself in a
// worker, and this one must answer instead.
self.onmessage = async (event: MessageEvent<{ id: number; graph: ElkInput }>) => {
  const { id, graph } = event.data;
  try {
    const result = await elk.layout(graph);
    self.postMessage({ id, result: { children: (result.children ?? []).map((c) => ({ id: c.id, x: c.x, y: c.y })) } });
  } catch (failure) {
    self.postMessage({ id, error: failure instanceof Error ? failure.message : String(failure) });
  }
};
