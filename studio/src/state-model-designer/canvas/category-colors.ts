import { STATE_CATEGORIES, type StateCategory } from '../../../../schema/case/index.js';

/** The Mantine colour of each state category: the same on the canvas, the legend and the lists. */
export const CATEGORY_COLORS: Record<StateCategory, string> = {
  new: 'blue',
  in_progress: 'violet',
  on_hold: 'yellow',
  resolved: 'teal',
  closed: 'gray',
  cancelled: 'red',
};

export const CATEGORY_LABELS: Record<StateCategory, string> = {
  new: 'New',
  in_progress: 'In progress',
  on_hold: 'On hold',
  resolved: 'Resolved',
  closed: 'Closed',
  cancelled: 'Cancelled',
};

export const CATEGORY_OPTIONS = STATE_CATEGORIES.map((value) => ({ value, label: CATEGORY_LABELS[value] }));
