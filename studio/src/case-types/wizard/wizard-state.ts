import type { StateCategory } from '../../../../schema/case/index.js';

/** The field types the wizard offers: the ones a case form needs; the record type designer has the rest. */
export const WIZARD_FIELD_TYPES = ['string', 'text', 'integer', 'decimal', 'boolean', 'date', 'datetime', 'email', 'url', 'choice', 'reference'] as const;
export type WizardFieldType = (typeof WIZARD_FIELD_TYPES)[number];

export interface WizardField {
  /** Stable identity in the wizard (drag handles, form board), independent of the name being edited. */
  key: string;
  label: string;
  name: string;
  /** The name was typed by hand: it no longer follows the label. */
  nameEdited: boolean;
  type: WizardFieldType;
  required: boolean;
  /** Choice labels (values are derived from them). */
  choices: string[];
  /** Reference target record type. */
  reference: string;
}

export interface WizardStateRow {
  name: string;
  label: string;
  category: StateCategory;
}

export interface WizardTransition {
  from: string;
  to: string;
  label: string;
}

export type StateTemplate = 'simple' | 'approval';

/** Whether the wizard's documents went live; until then they are edited (and maybe saved as drafts). */
export type WizardPhase = 'editing' | 'published';

/** Everything the wizard knows; kept in localStorage so a reload loses nothing. */
export interface WizardState {
  step: number;
  basics: {
    businessUnit: string;
    label: string;
    name: string;
    nameEdited: boolean;
    numberPrefix: string;
    description: string;
  };
  fields: WizardField[];
  /** The form's two columns, as item ids: a wizard field's `key`, or the name of a field every case has. */
  layout: [string[], string[]];
  template: StateTemplate;
  states: WizardStateRow[];
  initial: string;
  transitions: WizardTransition[];
  access: {
    submitters: string[];
    fulfillers: string[];
    /** The wizard field (its key) that holds who a case is for: the ACLs of submitters are about it. */
    requesterField: string;
  };
  phase: WizardPhase;
  /** Server draft versions of what was saved, by `<kind>:<name>`, so saving again is no CONFLICT. */
  saved: Record<string, number>;
  /** The documents as last saved (JSON): equal to the current ones means the drafts are up to date. */
  savedSignature: string | null;
  publishedVersion: number | null;
}

/** Fields of `task` that every case has and the form board offers beside the wizard's own. */
export const BASE_FORM_FIELDS: readonly { name: string; label: string }[] = [
  { name: 'short_description', label: 'Short description' },
  { name: 'description', label: 'Description' },
  { name: 'state', label: 'State' },
  { name: 'priority', label: 'Priority' },
];

export const REQUESTER_KEY = 'requested_for';
