import type { StateModelDoc } from '../../../../schema/case/index.js';
import type { Selection, XY } from '../store/state-model-store.js';
import type { StateFlowNode } from './StateNode.js';

/**
 * The canvas nodes for a document, reusing every previous node object whose state, position, selection and
 * marks did not change: React Flow then keeps its measurements and the memoised node does not re-render. Dropping
 * measurements (new objects for all) would make every edit of a 200-state model re-measure 200 nodes.
 */
export function reconcileNodes(previous: readonly StateFlowNode[], doc: StateModelDoc, positions: Record<string, XY>, selection: Selection, flagged: ReadonlySet<string>): StateFlowNode[] {
  const before = new Map(previous.map((n) => [n.id, n]));
  const selected = new Set(selection.states);
  return doc.states.map((state) => {
    const position = positions[state.name] ?? { x: 0, y: 0 };
    const initial = state.name === doc.initial;
    const isSelected = selected.has(state.name);
    const isFlagged = flagged.has(state.name);
    const old = before.get(state.name);
    if (old && old.data.state === state && old.data.initial === initial && old.data.flagged === isFlagged && !!old.selected === isSelected && old.position.x === position.x && old.position.y === position.y)
      return old;
    return {
      ...old,
      id: state.name,
      type: 'state',
      position,
      selected: isSelected,
      ariaLabel: `State ${state.label} (${state.name})${initial ? ', initial' : ''}`,
      data: { state, initial, flagged: isFlagged },
    };
  });
}
