import type { StateTemplate, WizardStateRow, WizardTransition } from './wizard-state.js';

export interface StateTemplateDef {
  label: string;
  description: string;
  states: WizardStateRow[];
  transitions: WizardTransition[];
}

/** The life cycles the wizard starts from; names and categories are edited afterwards in the states table. */
export const STATE_TEMPLATES: Record<StateTemplate, StateTemplateDef> = {
  simple: {
    label: 'Simple',
    description: 'New → In progress → Resolved → Closed',
    states: [
      { name: 'new', label: 'New', category: 'new' },
      { name: 'in_progress', label: 'In progress', category: 'in_progress' },
      { name: 'resolved', label: 'Resolved', category: 'resolved' },
      { name: 'closed', label: 'Closed', category: 'closed' },
    ],
    transitions: [
      { from: 'new', to: 'in_progress', label: 'Start work' },
      { from: 'in_progress', to: 'resolved', label: 'Resolve' },
      { from: 'resolved', to: 'closed', label: 'Close' },
    ],
  },
  approval: {
    label: 'With approval',
    description: 'New → Awaiting approval → In progress → Resolved → Closed',
    states: [
      { name: 'new', label: 'New', category: 'new' },
      { name: 'awaiting_approval', label: 'Awaiting approval', category: 'on_hold' },
      { name: 'in_progress', label: 'In progress', category: 'in_progress' },
      { name: 'resolved', label: 'Resolved', category: 'resolved' },
      { name: 'closed', label: 'Closed', category: 'closed' },
    ],
    transitions: [
      { from: 'new', to: 'awaiting_approval', label: 'Ask for approval' },
      { from: 'awaiting_approval', to: 'in_progress', label: 'Approve' },
      { from: 'awaiting_approval', to: 'closed', label: 'Reject' },
      { from: 'in_progress', to: 'resolved', label: 'Resolve' },
      { from: 'resolved', to: 'closed', label: 'Close' },
    ],
  },
};
