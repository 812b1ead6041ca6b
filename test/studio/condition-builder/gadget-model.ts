import { FIELD_TYPES, buildModel, type FieldDoc, type Model } from '../../../schema/metadata/index.js';
import { demoModel } from './demo-model.js';

/**
 * The demo model plus `gadget`: one field of every field type (named after it) and a reference to every
 * identity type a dynamic value stands for, so the builder's offers can be checked against the shared checker.
 */
export async function gadgetModel(): Promise<Model> {
  const base = await demoModel();
  const fields: FieldDoc[] = FIELD_TYPES.map((type) => ({
    name: type,
    label: `The ${type}`,
    type,
    ...(type === 'choice' || type === 'multi_choice' ? { choices: [{ value: 'red', label: 'Red' }, { value: 'blue', label: 'Blue' }] } : {}),
    ...(type === 'reference' ? { reference: 'incident' } : {}),
  }));
  for (const target of ['person', 'assignment_group', 'account', 'department', 'location'])
    fields.push({ name: `to_${target}`, label: `To ${target}`, type: 'reference', reference: target });
  const snapshot = structuredClone(base.snapshot);
  snapshot.recordTypes.gadget = { name: 'gadget', label: 'Gadget', fields } as (typeof snapshot.recordTypes)[string];
  return buildModel(snapshot);
}
