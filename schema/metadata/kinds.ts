import { z } from 'zod';
import { AclDoc } from '../access/acl.js';
import { UserCriteriaDoc } from '../access/user-criteria.js';
import { BusinessUnitDoc } from '../case/business-unit.js';
import { CaseTypeDoc } from '../case/case-type.js';
import { businessUnitProblems } from '../case/business-unit-problems.js';
import { caseTypeProblems } from '../case/case-type-problems.js';
import { StateModelDoc } from '../case/state-model.js';
import { stateModelProblems } from '../case/state-model-problems.js';
import { FormDoc } from '../form/form.js';
import { UiPolicyDoc } from '../form/ui-policy.js';
import { formProblems } from '../form/form-problems.js';
import { uiPolicyProblems } from '../form/ui-policy-problems.js';
import { canonical, ordered, orderedCondition, withoutEmpty } from './file-order.js';
import { RecordTypeDoc } from './record-type.js';
import { RoutingRuleDoc } from '../routing/routing-rule.js';
import { routingRuleProblems } from '../routing/routing-rule-problems.js';
import { ScheduleDoc } from '../sla/schedule.js';
import { SlaDefinitionDoc } from '../sla/sla-definition.js';
import { scheduleProblems } from '../sla/schedule-problems.js';
import { slaDefinitionProblems } from '../sla/sla-definition-problems.js';
import { NotificationTemplateDoc } from '../notify/notification-template.js';
import { WebhookDoc } from '../notify/webhook.js';
import { notificationTemplateProblems } from '../notify/notification-template-problems.js';
import { webhookProblems } from '../notify/webhook-problems.js';
import { FlowDoc } from '../flow/flow.js';
import { flowKind } from '../flow/flow-kind.js';
import { documentProblems } from './document-problems.js';
import type { Model } from './model.js';
import type { MetadataProblem } from './validate.js';
import { validateAccess } from '../access/validate-access.js';

/** The documents of each kind, by kind name. */
export interface KindDocs {
  recordType: RecordTypeDoc;
  userCriteria: UserCriteriaDoc;
  acl: AclDoc;
  businessUnit: BusinessUnitDoc;
  caseType: CaseTypeDoc;
  stateModel: StateModelDoc;
  form: FormDoc;
  uiPolicy: UiPolicyDoc;
  schedule: ScheduleDoc;
  slaDefinition: SlaDefinitionDoc;
  routingRule: RoutingRuleDoc;
  notificationTemplate: NotificationTemplateDoc;
  webhook: WebhookDoc;
  flow: FlowDoc;
}
export type KindName = keyof KindDocs;
export type AnyDoc = KindDocs[KindName];

/**
 * One kind of metadata document and everything the platform needs to handle it generically: drafts, publish
 * (carry-forward), diff, export/import and the pack loader read this, so a new kind is one entry and its files.
 */
export interface MetadataKind<K extends KindName = KindName> {
  kind: K;
  /** Its map in the snapshot (`MetadataSnapshot[key]`), keyed by document name. */
  key: SnapshotKey;
  /** What a person calls one (`record type`, `UI policy`), for messages. */
  label: string;
  /** The folder of its files in an export or a pack: `<folder>/<name>.yaml`. */
  folder: string;
  /** Draft rows are named `<prefix><name>` (record types have none: their names have no ':'). */
  draftPrefix: string;
  schema: z.ZodType<KindDocs[K], unknown>;
  /** The document as written to its file: keys in a fixed order, defaults left out. */
  toFile(doc: KindDocs[K]): Record<string, unknown>;
  /**
   * How a publish treats a document missing from the next snapshot: `archive` keeps it, marked archived (its
   * data is kept: record types); `remove` drops it (rules and definitions).
   */
  missing: 'archive' | 'remove';
  /** Prefix of its diff lines (`<diffName>_added|_changed|_removed`) and the properties the diff compares. */
  diffName: string;
  diffProps: readonly string[];
  /** The form in which two documents are compared (defaults made explicit, key order ignored). */
  normalise(doc: KindDocs[K]): unknown;
  /** The record type a document is about (null: none). Business-unit delegation decides ownership by it. */
  recordTypeOf(doc: KindDocs[K]): string | null;
  /**
   * Problems of this kind's documents in a snapshot whose record types are valid (`model` is built from it).
   * Pure: the studio runs the same checks. Record types are checked by `validateSnapshot` itself, first.
   */
  validate(model: Model): MetadataProblem[];
}

/** The checks every document gets (see `documentProblems`), for kinds with nothing more to check yet. */
const basic = (kind: KindName) => (model: Model) => documentProblems(metadataKind(kind) as unknown as MetadataKind, model);

const TYPE_KEYS = ['name', 'label', 'pluralLabel', 'description', 'extends', 'abstract', 'numberPrefix', 'displayField', 'archived', 'fields'] as const;
const FIELD_KEYS = ['id', 'name', 'label', 'help', 'type', 'required', 'unique', 'indexed', 'default', 'auto', 'maxLength', 'scale', 'reference', 'reverseName', 'choices', 'archived'] as const;

const noneIfEmpty = <T>(list: T[] | undefined): T[] | undefined => (list?.length ? list : undefined);

const recordType: MetadataKind<'recordType'> = {
  kind: 'recordType',
  key: 'recordTypes',
  label: 'record type',
  folder: 'record-types',
  draftPrefix: '',
  schema: RecordTypeDoc,
  toFile(doc) {
    const body = ordered(doc, TYPE_KEYS);
    body.fields = doc.fields.map((f) => ordered(f, FIELD_KEYS));
    return body;
  },
  missing: 'archive',
  diffName: 'type',
  diffProps: ['label', 'pluralLabel', 'description', 'extends', 'abstract', 'numberPrefix', 'displayField'],
  normalise: (doc) => doc,
  recordTypeOf: (doc) => doc.name,
  validate: () => [],
};

const userCriteria: MetadataKind<'userCriteria'> = {
  kind: 'userCriteria',
  key: 'userCriteria',
  label: 'user criteria',
  folder: 'user-criteria',
  draftPrefix: 'criteria:',
  schema: UserCriteriaDoc,
  toFile(doc) {
    const body = ordered(doc, ['name', 'label', 'description', 'match', 'users', 'groups', 'roles', 'accounts', 'departments', 'locations', 'condition']);
    if (doc.accounts) body.accounts = doc.accounts.map((a) => ordered(a, ['account', 'includeChildren']));
    if (doc.condition) body.condition = orderedCondition(doc.condition);
    return body;
  },
  missing: 'remove',
  diffName: 'criteria',
  diffProps: ['label', 'description', 'match', 'users', 'groups', 'roles', 'accounts', 'departments', 'locations', 'condition'],
  normalise: (doc) =>
    canonical({
      ...doc,
      users: noneIfEmpty(doc.users),
      groups: noneIfEmpty(doc.groups),
      roles: noneIfEmpty(doc.roles),
      accounts: noneIfEmpty(doc.accounts?.map((a) => ({ account: a.account, includeChildren: a.includeChildren || undefined }))),
      departments: noneIfEmpty(doc.departments),
      locations: noneIfEmpty(doc.locations),
    }),
  recordTypeOf: () => null,
  // Criteria and ACLs refer to each other: both are checked together, with the ACLs.
  validate: () => [],
};

const acl: MetadataKind<'acl'> = {
  kind: 'acl',
  key: 'acls',
  label: 'ACL',
  folder: 'acls',
  draftPrefix: 'acl:',
  schema: AclDoc,
  toFile(doc) {
    const body = ordered(doc, ['name', 'description', 'recordType', 'field', 'operation', 'criteria', 'through', 'condition', 'active']);
    // `criteria` defaults to none and `active` to true: written only when they say something.
    if (!doc.criteria.length) delete body.criteria;
    if (doc.active !== false) delete body.active;
    if (doc.condition) body.condition = orderedCondition(doc.condition);
    return body;
  },
  missing: 'remove',
  diffName: 'acl',
  diffProps: ['description', 'recordType', 'field', 'operation', 'criteria', 'through', 'condition', 'active'],
  normalise: (doc) => canonical({ ...doc, active: doc.active ?? true }),
  recordTypeOf: (doc) => doc.recordType,
  validate: (model) => validateAccess(model),
};

const businessUnit: MetadataKind<'businessUnit'> = {
  kind: 'businessUnit',
  key: 'businessUnits',
  label: 'business unit',
  folder: 'business-units',
  draftPrefix: 'unit:',
  schema: BusinessUnitDoc,
  toFile: (doc) => withoutEmpty(ordered(doc, ['name', 'label', 'description', 'admins']), ['admins']),
  missing: 'remove',
  diffName: 'unit',
  diffProps: ['label', 'description', 'admins'],
  normalise: (doc) => canonical(doc),
  recordTypeOf: () => null,
  validate: (model) => [...basic('businessUnit')(model), ...businessUnitProblems(model)],
};

const CASE_LISTS = ['submitters', 'fulfillers', 'routingRules', 'slas', 'approvalFlows'] as const;
const caseType: MetadataKind<'caseType'> = {
  kind: 'caseType',
  key: 'caseTypes',
  label: 'case type',
  folder: 'case-types',
  draftPrefix: 'case:',
  schema: CaseTypeDoc,
  toFile: (doc) => withoutEmpty(ordered(doc, ['name', 'businessUnit', 'description', 'submitters', 'fulfillers', 'defaultForm', ...CASE_LISTS.slice(2)]), CASE_LISTS),
  missing: 'remove',
  diffName: 'case_type',
  diffProps: ['businessUnit', 'description', 'defaultForm', ...CASE_LISTS],
  normalise: (doc) => canonical(doc),
  recordTypeOf: (doc) => doc.name,
  validate: (model) => [...basic('caseType')(model), ...caseTypeProblems(model)],
};

const stateModel: MetadataKind<'stateModel'> = {
  kind: 'stateModel',
  key: 'stateModels',
  label: 'state model',
  folder: 'state-models',
  draftPrefix: 'states:',
  schema: StateModelDoc,
  toFile(doc) {
    const body = ordered(doc, ['name', 'label', 'recordType', 'field', 'initial', 'states', 'transitions', 'retired']);
    if (doc.field === 'state') delete body.field;
    body.states = doc.states.map((s) => ordered(s, ['name', 'label', 'category']));
    body.transitions = doc.transitions.map((t) => {
      const out = withoutEmpty(ordered(t, ['from', 'to', 'label', 'criteria', 'requires', 'condition']), ['criteria', 'requires']);
      if (t.condition) out.condition = orderedCondition(t.condition);
      return out;
    });
    return withoutEmpty(body, ['transitions', 'retired']);
  },
  missing: 'remove',
  diffName: 'state_model',
  diffProps: ['label', 'recordType', 'field', 'initial', 'states', 'transitions', 'retired'],
  normalise: (doc) => canonical(doc),
  recordTypeOf: (doc) => doc.recordType,
  validate: (model) => [...basic('stateModel')(model), ...stateModelProblems(model)],
};

const form: MetadataKind<'form'> = {
  kind: 'form',
  key: 'forms',
  label: 'form',
  folder: 'forms',
  draftPrefix: 'form:',
  schema: FormDoc,
  toFile(doc) {
    const body = ordered(doc, ['name', 'label', 'recordType', 'sections', 'relatedLists']);
    body.sections = doc.sections.map((s) => ordered(s, ['label', 'columns']));
    body.relatedLists = doc.relatedLists.map((r) => ordered(r, ['recordType', 'field', 'label']));
    return withoutEmpty(body, ['relatedLists']);
  },
  missing: 'remove',
  diffName: 'form',
  diffProps: ['label', 'recordType', 'sections', 'relatedLists'],
  normalise: (doc) => canonical(doc),
  recordTypeOf: (doc) => doc.recordType,
  validate: (model) => [...basic('form')(model), ...formProblems(model)],
};

const uiPolicy: MetadataKind<'uiPolicy'> = {
  kind: 'uiPolicy',
  key: 'uiPolicies',
  label: 'UI policy',
  folder: 'ui-policies',
  draftPrefix: 'policy:',
  schema: UiPolicyDoc,
  toFile(doc) {
    const body = ordered(doc, ['name', 'description', 'recordType', 'order', 'reverseIfFalse', 'active', 'condition', 'actions']);
    if (doc.order === 100) delete body.order;
    if (doc.reverseIfFalse) delete body.reverseIfFalse;
    if (doc.active !== false) delete body.active;
    if (doc.condition) body.condition = orderedCondition(doc.condition);
    body.actions = doc.actions.map((a) => ordered(a, ['field', 'mandatory', 'visible', 'readOnly']));
    return body;
  },
  missing: 'remove',
  diffName: 'ui_policy',
  diffProps: ['description', 'recordType', 'condition', 'actions', 'order', 'reverseIfFalse', 'active'],
  normalise: (doc) => canonical({ ...doc, active: doc.active ?? true }),
  recordTypeOf: (doc) => doc.recordType,
  validate: (model) => [...basic('uiPolicy')(model), ...uiPolicyProblems(model)],
};

const schedule: MetadataKind<'schedule'> = {
  kind: 'schedule',
  key: 'schedules',
  label: 'schedule',
  folder: 'schedules',
  draftPrefix: 'schedule:',
  schema: ScheduleDoc,
  toFile(doc) {
    const body = ordered(doc, ['name', 'label', 'description', 'timeZone', 'hours', 'holidays']);
    body.hours = doc.hours.map((h) => ordered(h, ['days', 'start', 'end']));
    body.holidays = doc.holidays.map((h) => ordered(h, ['date', 'label']));
    return withoutEmpty(body, ['holidays']);
  },
  missing: 'remove',
  diffName: 'schedule',
  diffProps: ['label', 'description', 'timeZone', 'hours', 'holidays'],
  normalise: (doc) => canonical(doc),
  recordTypeOf: () => null,
  validate: (model) => [...basic('schedule')(model), ...scheduleProblems(model)],
};

const slaDefinition: MetadataKind<'slaDefinition'> = {
  kind: 'slaDefinition',
  key: 'slaDefinitions',
  label: 'SLA definition',
  folder: 'slas',
  draftPrefix: 'sla:',
  schema: SlaDefinitionDoc,
  toFile(doc) {
    const body = ordered(doc, ['name', 'label', 'description', 'recordType', 'type', 'appliesTo', 'start', 'pause', 'stop', 'cancel', 'target', 'schedule', 'retroactiveStart', 'entitlementLevels', 'warnings', 'breachActions', 'active']);
    for (const key of ['appliesTo', 'start', 'pause', 'stop', 'cancel'] as const) if (doc[key]) body[key] = orderedCondition(doc[key]);
    if (doc.type === 'resolution') delete body.type;
    if (doc.active !== false) delete body.active;
    return withoutEmpty(body, ['warnings', 'breachActions']);
  },
  missing: 'remove',
  diffName: 'sla',
  diffProps: ['label', 'description', 'recordType', 'type', 'appliesTo', 'start', 'pause', 'stop', 'cancel', 'target', 'schedule', 'retroactiveStart', 'entitlementLevels', 'warnings', 'breachActions', 'active'],
  normalise: (doc) => canonical({ ...doc, active: doc.active ?? true }),
  recordTypeOf: (doc) => doc.recordType,
  validate: (model) => [...basic('slaDefinition')(model), ...slaDefinitionProblems(model)],
};

const routingRule: MetadataKind<'routingRule'> = {
  kind: 'routingRule',
  key: 'routingRules',
  label: 'routing rule',
  folder: 'routing-rules',
  draftPrefix: 'routing:',
  schema: RoutingRuleDoc,
  toFile(doc) {
    const body = ordered(doc, ['name', 'label', 'description', 'recordType', 'order', 'condition', 'target', 'strategy', 'skills', 'capacity', 'fallback', 'active']);
    if (doc.condition) body.condition = orderedCondition(doc.condition);
    if (doc.order === 100) delete body.order;
    if (doc.strategy === 'fixed') delete body.strategy;
    if (doc.active !== false) delete body.active;
    body.skills = doc.skills.map((s) => ordered(s, ['skill', 'minLevel']));
    return withoutEmpty(body, ['skills']);
  },
  missing: 'remove',
  diffName: 'routing_rule',
  diffProps: ['label', 'description', 'recordType', 'order', 'condition', 'target', 'strategy', 'skills', 'capacity', 'fallback', 'active'],
  normalise: (doc) => canonical({ ...doc, active: doc.active ?? true }),
  recordTypeOf: (doc) => doc.recordType,
  validate: (model) => [...basic('routingRule')(model), ...routingRuleProblems(model)],
};

const notificationTemplate: MetadataKind<'notificationTemplate'> = {
  kind: 'notificationTemplate',
  key: 'notificationTemplates',
  label: 'notification template',
  folder: 'notification-templates',
  draftPrefix: 'template:',
  schema: NotificationTemplateDoc,
  toFile: (doc) => ordered(doc, ['name', 'label', 'description', 'recordType', 'subject', 'body']),
  missing: 'remove',
  diffName: 'notification_template',
  diffProps: ['label', 'description', 'recordType', 'subject', 'body'],
  normalise: (doc) => canonical(doc),
  recordTypeOf: (doc) => doc.recordType ?? null,
  validate: (model) => [...basic('notificationTemplate')(model), ...notificationTemplateProblems(model)],
};

const webhook: MetadataKind<'webhook'> = {
  kind: 'webhook',
  key: 'webhooks',
  label: 'webhook',
  folder: 'webhooks',
  draftPrefix: 'webhook:',
  schema: WebhookDoc,
  toFile(doc) {
    const body = ordered(doc, ['name', 'label', 'description', 'url', 'recordType', 'events', 'condition', 'secretEnv', 'active']);
    if (doc.condition) body.condition = orderedCondition(doc.condition);
    if (doc.active !== false) delete body.active;
    return body;
  },
  missing: 'remove',
  diffName: 'webhook',
  diffProps: ['label', 'description', 'url', 'recordType', 'events', 'condition', 'secretEnv', 'active'],
  normalise: (doc) => canonical({ ...doc, active: doc.active ?? true }),
  recordTypeOf: (doc) => doc.recordType,
  validate: (model) => [...basic('webhook')(model), ...webhookProblems(model)],
};

/** Every kind, in the order files are exported and diffs are listed. Record types come first: the rest refer to them. */
export const METADATA_KINDS = [recordType, userCriteria, acl, businessUnit, caseType, stateModel, form, uiPolicy, schedule, slaDefinition, routingRule, notificationTemplate, webhook, flowKind] as const;

export type SnapshotKey =
  | 'recordTypes'
  | 'userCriteria'
  | 'acls'
  | 'businessUnits'
  | 'caseTypes'
  | 'stateModels'
  | 'forms'
  | 'uiPolicies'
  | 'schedules'
  | 'slaDefinitions'
  | 'routingRules'
  | 'notificationTemplates'
  | 'webhooks'
  | 'flows';

export const KINDS_BY_NAME: ReadonlyMap<KindName, MetadataKind> = new Map(METADATA_KINDS.map((k) => [k.kind, k as unknown as MetadataKind]));

/** The kind's entry; the registry is the one list of kinds. */
export function metadataKind<K extends KindName>(kind: K): MetadataKind<K> {
  return KINDS_BY_NAME.get(kind) as unknown as MetadataKind<K>;
}

/**
 * Everything published at one metadata version; each map is keyed by its documents' names. Every kind but record
 * types defaults to none, so snapshots stored before a kind existed still parse.
 */
export const MetadataSnapshot = z.object({
  recordTypes: z.record(z.string(), RecordTypeDoc),
  userCriteria: z.record(z.string(), UserCriteriaDoc).default({}),
  acls: z.record(z.string(), AclDoc).default({}),
  businessUnits: z.record(z.string(), BusinessUnitDoc).default({}),
  caseTypes: z.record(z.string(), CaseTypeDoc).default({}),
  stateModels: z.record(z.string(), StateModelDoc).default({}),
  forms: z.record(z.string(), FormDoc).default({}),
  uiPolicies: z.record(z.string(), UiPolicyDoc).default({}),
  schedules: z.record(z.string(), ScheduleDoc).default({}),
  slaDefinitions: z.record(z.string(), SlaDefinitionDoc).default({}),
  routingRules: z.record(z.string(), RoutingRuleDoc).default({}),
  notificationTemplates: z.record(z.string(), NotificationTemplateDoc).default({}),
  webhooks: z.record(z.string(), WebhookDoc).default({}),
  flows: z.record(z.string(), FlowDoc).default({}),
});
export type MetadataSnapshot = z.infer<typeof MetadataSnapshot>;

export const EMPTY_SNAPSHOT: MetadataSnapshot = { recordTypes: {}, userCriteria: {}, acls: {}, businessUnits: {}, caseTypes: {}, stateModels: {}, forms: {}, uiPolicies: {}, schedules: {}, slaDefinitions: {}, routingRules: {}, notificationTemplates: {}, webhooks: {}, flows: {} };

/** The documents of one kind in a snapshot. */
export function docsOf<K extends KindName>(snapshot: MetadataSnapshot, kind: K): Record<string, KindDocs[K]> {
  return snapshot[metadataKind(kind).key] as unknown as Record<string, KindDocs[K]>;
}
