import '@xyflow/react/dist/style.css';
import {
  Background,
  Controls,
  MarkerType,
  MiniMap,
  ReactFlow,
  applyNodeChanges,
  useReactFlow,
  type Connection,
  type Edge,
  type EdgeChange,
  type NodeChange,
} from '@xyflow/react';
import { useCallback, useEffect, useLayoutEffect, useMemo, useState } from 'react';
import { useEditor, useEditorStoreApi } from '../store/state-model-store.js';
import { useTransitionInteractions } from '../store/use-transition-interactions.js';
import { CATEGORY_COLORS } from './category-colors.js';
import { reconcileNodes } from './reconcile-nodes.js';
import { StateNode, type StateFlowNode } from './StateNode.js';

const NODE_TYPES = { state: StateNode };
const ARROW = { type: MarkerType.ArrowClosed, width: 18, height: 18 };

export interface StateModelCanvasProps {
  /** States and transitions (by index) a lint item points at. */
  flaggedStates: ReadonlySet<string>;
  flaggedTransitions: ReadonlySet<number>;
  /** A connection the document refuses (a duplicate, a loop): why. */
  onRefusal: (message: string) => void;
  readOnly: boolean;
}

/**
 * The state model as a graph: drag to move, connect a node's bottom handle to another's top to add a transition,
 * click to select (the inspector edits the selection). Positions live in the editor store, not the document.
 */
export function StateModelCanvas({ flaggedStates, flaggedTransitions, onRefusal, readOnly }: StateModelCanvasProps) {
  const store = useEditorStoreApi();
  const doc = useEditor((s) => s.doc);
  const positions = useEditor((s) => s.positions);
  const selection = useEditor((s) => s.selection);
  const fitRequest = useEditor((s) => s.fitRequest);
  const { addTransition } = useTransitionInteractions();
  const flow = useReactFlow();
  const [nodes, setNodes] = useState<StateFlowNode[]>(() => reconcileNodes([], doc, positions, selection, flaggedStates));

  useLayoutEffect(() => setNodes((prev) => reconcileNodes(prev, doc, positions, selection, flaggedStates)), [doc, positions, selection, flaggedStates]);

  useEffect(() => {
    if (!fitRequest.seq) return;
    // After the nodes of a new layout are in place.
    const frame = requestAnimationFrame(() => void flow.fitView({ ...(fitRequest.nodes.length ? { nodes: fitRequest.nodes.map((id) => ({ id })) } : {}), duration: 250, padding: 0.15, maxZoom: fitRequest.nodes.length ? 1.2 : 1 }));
    return () => cancelAnimationFrame(frame);
  }, [fitRequest, flow]);

  const edges = useMemo<Edge[]>(() => {
    const labels = new Map(doc.states.map((s) => [s.name, s.label]));
    const categories = new Map(doc.states.map((s) => [s.name, s.category]));
    const selected = new Set(selection.transitions);
    return doc.transitions.map((t, i) => {
      const flagged = flaggedTransitions.has(i);
      const category = categories.get(t.to);
      return {
        id: `t${i}`,
        source: t.from,
        target: t.to,
        label: t.label ?? labels.get(t.to) ?? t.to,
        selected: selected.has(i),
        markerEnd: ARROW,
        ariaLabel: `Transition ${t.label ?? ''} from ${labels.get(t.from) ?? t.from} to ${labels.get(t.to) ?? t.to}`,
        style: { strokeWidth: selected.has(i) ? 2.5 : 1.5, stroke: flagged ? 'var(--mantine-color-orange-6)' : category ? `var(--mantine-color-${CATEGORY_COLORS[category]}-5)` : undefined },
        labelStyle: { fontSize: 11, fill: 'var(--mantine-color-dark-7)' },
        labelBgStyle: { fill: 'var(--mantine-color-body)' },
        labelBgPadding: [4, 2] as [number, number],
      };
    });
  }, [doc, selection.transitions, flaggedTransitions]);

  const onNodesChange = useCallback(
    (changes: NodeChange<StateFlowNode>[]) => {
      const local = changes.filter((c) => c.type === 'dimensions' || c.type === 'position');
      if (local.length) setNodes((prev) => applyNodeChanges(local, prev));
      const moved: Record<string, { x: number; y: number }> = {};
      for (const c of changes) if (c.type === 'position' && c.dragging === false && c.position) moved[c.id] = c.position;
      if (Object.keys(moved).length) store.getState().setPositions(moved);
      const picks = changes.filter((c) => c.type === 'select');
      if (picks.length) {
        const states = new Set(store.getState().selection.states);
        for (const c of picks) if (c.type === 'select') c.selected ? states.add(c.id) : states.delete(c.id);
        store.getState().select({ ...store.getState().selection, states: [...states] });
      }
    },
    [store],
  );

  const onEdgesChange = useCallback(
    (changes: EdgeChange[]) => {
      const picks = changes.filter((c) => c.type === 'select');
      if (!picks.length) return;
      const transitions = new Set(store.getState().selection.transitions);
      for (const c of picks) if (c.type === 'select') c.selected ? transitions.add(Number(c.id.slice(1))) : transitions.delete(Number(c.id.slice(1)));
      store.getState().select({ ...store.getState().selection, transitions: [...transitions] });
    },
    [store],
  );

  const onConnect = useCallback(
    (connection: Connection) => {
      const refusal = addTransition(connection.source, connection.target);
      if (refusal) onRefusal(refusal);
    },
    [addTransition, onRefusal],
  );

  return (
    <ReactFlow
      nodes={nodes}
      edges={edges}
      nodeTypes={NODE_TYPES}
      onNodesChange={onNodesChange}
      onEdgesChange={onEdgesChange}
      onConnect={onConnect}
      isValidConnection={(c) => c.source !== c.target}
      nodesConnectable={!readOnly}
      // Deleting goes through the editor's own Delete shortcut, so it is undoable and removes transitions too.
      deleteKeyCode={null}
      multiSelectionKeyCode={['Meta', 'Control', 'Shift']}
      minZoom={0.1}
      fitView
      proOptions={{ hideAttribution: true }}
      aria-label="State model canvas"
    >
      <Background gap={20} />
      <MiniMap pannable zoomable ariaLabel="Overview of the state model" nodeColor={(n) => `var(--mantine-color-${CATEGORY_COLORS[(n as StateFlowNode).data.state.category]}-5)`} />
      <Controls showInteractive={false} aria-label="Zoom controls" />
    </ReactFlow>
  );
}
