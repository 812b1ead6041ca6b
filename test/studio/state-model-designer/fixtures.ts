import type { StateModelDoc } from '../../../schema/case/index.js';

/** new → work → closed, cancel from new: clean by every check. */
export function smallModel(): StateModelDoc {
  return {
    name: 'small',
    label: 'Small',
    recordType: 'incident',
    field: 'state',
    initial: 'new',
    states: [
      { name: 'new', label: 'New', category: 'new' },
      { name: 'work', label: 'Work', category: 'in_progress' },
      { name: 'closed', label: 'Closed', category: 'closed' },
      { name: 'cancelled', label: 'Cancelled', category: 'cancelled' },
    ],
    transitions: [
      { from: 'new', to: 'work', label: 'Start', criteria: [], requires: [] },
      { from: 'work', to: 'closed', label: 'Close', criteria: [], requires: [] },
      { from: 'new', to: 'cancelled', label: 'Cancel', criteria: [], requires: [] },
    ],
    retired: [],
  };
}

/** A chain of `count` states (s0 initial … the last closed), each also leading two steps ahead. */
export function bigModel(count: number): StateModelDoc {
  const states = Array.from({ length: count }, (_, i) => ({
    name: `s${i}`,
    label: `Step ${i}`,
    category: i === 0 ? ('new' as const) : i === count - 1 ? ('closed' as const) : ('in_progress' as const),
  }));
  const transitions = [];
  for (let i = 0; i + 1 < count; i++) transitions.push({ from: `s${i}`, to: `s${i + 1}`, criteria: [], requires: [] });
  for (let i = 0; i + 2 < count; i += 7) transitions.push({ from: `s${i}`, to: `s${i + 2}`, label: 'Skip', criteria: [], requires: [] });
  return { name: 'big', recordType: 'incident', field: 'state', initial: 's0', states, transitions, retired: [] };
}
