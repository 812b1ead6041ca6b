import { lazy, type ComponentType, type LazyExoticComponent } from 'react';
import {
  IconAdjustmentsHorizontal,
  IconBriefcase,
  IconForms,
  IconGitBranch,
  IconHistory,
  IconHome,
  IconLock,
  IconTable,
  IconUsersGroup,
  type Icon,
} from '@tabler/icons-react';

/** One entry of the studio's navigation: a designer (or the overview), its routes and its chunk. */
export interface DesignerEntry {
  /** First path segment under /studio/ ('' for the overview). */
  path: string;
  label: string;
  /** One line under the label: what an admin does there. */
  description: string;
  icon: Icon;
  /** The list page at `/studio/<path>`. */
  list: LazyExoticComponent<ComponentType>;
  /** Pages below it: `new`, `:name` … (relative paths), each its own lazy component. */
  children?: { path: string; page: LazyExoticComponent<ComponentType> }[];
}

// Each designer is its own chunk, loaded when first opened: the initial download stays the shell.
const page = <M,>(load: () => Promise<M>, pick: (m: M) => ComponentType) => lazy(() => load().then((m) => ({ default: pick(m) })));

const publish = () => import('../publish/index.js');
const recordTypes = () => import('../record-types/index.js');
const forms = () => import('../form-designer/index.js');
const caseTypes = () => import('../case-types/index.js');
const stateModels = () => import('../state-model-designer/index.js');
const criteria = () => import('../criteria-builder/index.js');
const access = () => import('../access-rules/index.js');

/** The navigation, in the order an admin builds a case type: data, form, states, who, access; then versions. */
export const DESIGNERS: readonly DesignerEntry[] = [
  { path: '', label: 'Overview', description: 'Drafts, problems and recent versions', icon: IconHome, list: page(publish, (m) => m.OverviewPage) },
  {
    path: 'record-types',
    label: 'Record types',
    description: 'Tables and their fields',
    icon: IconTable,
    list: page(recordTypes, (m) => m.RecordTypesPage),
    children: [{ path: ':name', page: page(recordTypes, (m) => m.RecordTypeDesignerPage) }],
  },
  {
    path: 'forms',
    label: 'Forms',
    description: 'Layouts and UI policies',
    icon: IconForms,
    list: page(forms, (m) => m.FormsPage),
    children: [{ path: ':name', page: page(forms, (m) => m.FormDesignerPage) }],
  },
  {
    path: 'case-types',
    label: 'Case types',
    description: 'What a business unit works on',
    icon: IconBriefcase,
    list: page(caseTypes, (m) => m.CaseTypesPage),
    children: [
      { path: 'new', page: page(caseTypes, (m) => m.CaseTypeWizardPage) },
      { path: ':name', page: page(caseTypes, (m) => m.CaseTypePage) },
    ],
  },
  {
    path: 'state-models',
    label: 'State models',
    description: 'States, transitions and guards',
    icon: IconGitBranch,
    list: page(stateModels, (m) => m.StateModelsPage),
    children: [{ path: ':name', page: page(stateModels, (m) => m.StateModelDesignerPage) }],
  },
  {
    path: 'user-criteria',
    label: 'User criteria',
    description: 'Who is who: users, groups, roles, accounts',
    icon: IconUsersGroup,
    list: page(criteria, (m) => m.UserCriteriaPage),
    children: [{ path: ':name', page: page(criteria, (m) => m.UserCriteriaDesignerPage) }],
  },
  {
    path: 'access-rules',
    label: 'Access rules',
    description: 'ACLs per type, operation and field',
    icon: IconLock,
    list: page(access, (m) => m.AccessRulesPage),
    children: [{ path: ':type', page: page(access, (m) => m.AccessRulesDesignerPage) }],
  },
  {
    path: 'versions',
    label: 'Versions',
    description: 'Published versions, diff and rollback',
    icon: IconHistory,
    list: page(publish, (m) => m.VersionsPage),
    children: [{ path: ':id', page: page(publish, (m) => m.VersionPage) }],
  },
];

/** Publish review: reached from the header, not the navigation. */
export const PUBLISH_PAGE = page(publish, (m) => m.PublishPage);
export const PUBLISH_ICON = IconAdjustmentsHorizontal;
