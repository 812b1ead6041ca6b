export { effectiveForm, type EffectiveForm, type EffectiveFormField, type EffectiveFormSection, type EffectiveRelatedList, type FormRequest } from './effective-form.js';
