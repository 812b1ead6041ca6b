import type { MetadataSnapshot } from '../../../../schema/metadata/index.js';
import { newNameProblem } from '../derive-name.js';
import type { WizardState } from './wizard-state.js';

/** What keeps step 1 from being done, by input (undefined: fine). */
export function basicsProblems(state: WizardState, snapshot: MetadataSnapshot): { label?: string; name?: string; numberPrefix?: string; businessUnit?: string } {
  const b = state.basics;
  const out: { label?: string; name?: string; numberPrefix?: string; businessUnit?: string } = {};
  if (!b.businessUnit) out.businessUnit = 'choose the business unit that owns it';
  if (!b.label.trim()) out.label = 'give the case type a label';
  // Once saved as drafts the name is the wizard's own: it is in the snapshot because of us.
  const ours = state.savedSignature !== null || state.phase === 'published';
  const name = newNameProblem(b.name, (n) => !ours && (!!snapshot.recordTypes[n] || !!snapshot.caseTypes[n]), 'record type or case type');
  if (name) out.name = name;
  if (b.numberPrefix && !/^[A-Z][A-Z0-9]{0,9}$/.test(b.numberPrefix)) out.numberPrefix = 'a number prefix is 1 to 10 upper-case letters or digits, starting with a letter';
  return out;
}
