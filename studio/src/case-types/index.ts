export { CaseTypesPage } from './CaseTypesPage.js';
export { CaseTypeWizardPage } from './CaseTypeWizardPage.js';
export { CaseTypePage } from './CaseTypePage.js';
