import { nameProblem } from '../../../../schema/metadata/index.js';
import type { WizardField } from './wizard-state.js';

export interface FieldErrors {
  name?: string;
  choices?: string;
  reference?: string;
}

/**
 * What is wrong with each wizard field before the shared validators see it: the name rule, a name used twice or
 * already a field of every case (`inherited`), a choice field without choices, a reference without a target.
 */
export function fieldProblems(fields: readonly WizardField[], inherited: readonly string[]): Record<string, FieldErrors> {
  const out: Record<string, FieldErrors> = {};
  const counts = new Map<string, number>();
  for (const f of fields) counts.set(f.name, (counts.get(f.name) ?? 0) + 1);
  for (const f of fields) {
    const e: FieldErrors = {};
    const rule = nameProblem(f.name);
    if (rule) e.name = rule;
    else if ((counts.get(f.name) ?? 0) > 1) e.name = `"${f.name}" is used by two fields`;
    else if (inherited.includes(f.name)) e.name = `every case already has a field "${f.name}"`;
    if (f.type === 'choice' && f.choices.filter((c) => c.trim()).length === 0) e.choices = 'add at least one choice';
    if (f.type === 'reference' && !f.reference) e.reference = 'choose what it points to';
    if (Object.keys(e).length > 0) out[f.key] = e;
  }
  return out;
}
