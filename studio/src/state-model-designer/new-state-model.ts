import type { StateModelDoc } from '../../../schema/case/index.js';

/**
 * The document a new state model starts from: the usual life of a case (new → in progress → resolved → closed,
 * cancel from new), so an admin edits a working model instead of drawing one from nothing.
 */
export function newStateModel(name: string, recordType: string, label?: string): StateModelDoc {
  return {
    name,
    ...(label ? { label } : {}),
    recordType,
    field: 'state',
    initial: 'new',
    states: [
      { name: 'new', label: 'New', category: 'new' },
      { name: 'in_progress', label: 'In progress', category: 'in_progress' },
      { name: 'resolved', label: 'Resolved', category: 'resolved' },
      { name: 'closed', label: 'Closed', category: 'closed' },
      { name: 'cancelled', label: 'Cancelled', category: 'cancelled' },
    ],
    transitions: [
      { from: 'new', to: 'in_progress', label: 'Start work', criteria: [], requires: [] },
      { from: 'in_progress', to: 'resolved', label: 'Resolve', criteria: [], requires: [] },
      { from: 'resolved', to: 'closed', label: 'Close', criteria: [], requires: [] },
      { from: 'new', to: 'cancelled', label: 'Cancel', criteria: [], requires: [] },
    ],
    retired: [],
  };
}
