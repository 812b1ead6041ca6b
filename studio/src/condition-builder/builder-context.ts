import { createContext, useContext } from 'react';
import type { Model } from '../../../schema/metadata/index.js';

/** What every row and group of one builder shares: the model, numbering for labels, the checker's problems. */
export interface BuilderContextValue {
  model: Model;
  recordType: string;
  readOnly: boolean;
  /** "condition N" by the path of the row's node. */
  rowNumber: (at: string) => number;
  /** "group N" by the path of the group's node. */
  groupNumber: (at: string) => number;
  /** The checker's messages about one part (`field`, `op`, `value`) of the test at a path. */
  problemsAt: (testPath: string, part: 'field' | 'op' | 'value') => string[];
}

export const BuilderContext = createContext<BuilderContextValue | null>(null);

export function useBuilderContext(): BuilderContextValue {
  const ctx = useContext(BuilderContext);
  if (!ctx) throw new Error('a condition row or group outside a ConditionBuilder');
  return ctx;
}
