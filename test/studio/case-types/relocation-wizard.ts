import { addField, applyTemplate, initialWizardState, placeOnForm, setBasicsLabel, updateField } from '../../../studio/src/case-types/wizard/wizard-reducers.js';
import type { WizardState } from '../../../studio/src/case-types/wizard/wizard-state.js';

/** A wizard filled in as an HR administrator would: a Relocation with a destination and a move type. */
export function relocationWizard(): WizardState {
  let s = initialWizardState('hr');
  s = setBasicsLabel(s, 'Relocation');
  s = { ...s, basics: { ...s.basics, numberPrefix: 'REL', description: 'Employees ask to move.' } };
  s = addField(s, 'Destination');
  const destination = s.fields[1]!.key;
  s = updateField(s, destination, { required: true });
  s = addField(s, 'Move type');
  const moveType = s.fields[2]!.key;
  s = updateField(s, moveType, { type: 'choice', choices: ['Within country', 'Abroad'] });
  s = placeOnForm(s, moveType, 1, 0);
  s = applyTemplate(s, 'approval');
  s = { ...s, access: { ...s.access, submitters: ['employees'], fulfillers: ['hr_agents'] } };
  return s;
}
