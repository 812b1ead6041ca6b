import fc from 'fast-check';
import { FIELD_TYPES, type FieldType } from '../../schema/index.js';

/**
 * Random record type documents for property tests: names from a small pool (so references, extends and reverse
 * names often hit each other, and reserved or malformed names come up), every field type, defaults of every
 * shape, choices, flags; now and then text PostgreSQL cannot store.
 */
const NAMES = ['task', 'incident', 'person', 'gizmo', 'widget', 'part', 'select', 'Bad', 'x_1', 'x1', 'id', 'version', 'name', 'caller', 'owner', 'b__c', 'end_', 'title', 'gizmos_by_owner', 'incidents_by_caller'];
const REVERSE = ['cases', 'gizmos_by_owner', 'incidents_by_caller', 'name', 'version', 'title', 'updated_by', 'widgets', 'Bad'];
const DEFAULTS: unknown[] = [
  'abc', '', 'x'.repeat(300), 1, 0, -3, 1.5, 3_000_000_000, 2 ** 60, true, false, null, '12.50', '123456789012345678.5', '1e5',
  '2026-01-31', '2026-02-30', '0000-01-01', '2026-01-31T09:00:00Z', '2026-01-31T25:00:00Z', 'PT4H', 'P1DT2H', '4 hours',
  'desk@example.com', 'https://example.com/', 'not a url', 'a', 'b', ['a'], ['a', 'zz'], [], { k: [1, 'two'] }, 'nul\u0000', '\ud800',
];

const name = fc.oneof({ weight: 6, arbitrary: fc.constantFrom(...NAMES) }, { weight: 1, arbitrary: fc.string({ maxLength: 12 }) });
const label = fc.oneof({ weight: 9, arbitrary: fc.constantFrom('Label', 'A thing', 'Ünïcödé') }, { weight: 1, arbitrary: fc.constantFrom('', 'bad\u0000label') });

const choice = fc.record({ value: fc.constantFrom('a', 'b', 'Bad Value', 'a'), label: fc.constant('Choice') });

/** Anything at all in each property: mostly refused. */
const wildField = fc.record(
  {
    name,
    label,
    type: fc.constantFrom(...FIELD_TYPES),
    required: fc.boolean(),
    unique: fc.boolean(),
    default: fc.constantFrom(...DEFAULTS),
    maxLength: fc.constantFrom(1, 3, 255, 10_485_760),
    scale: fc.constantFrom(0, 2, 12),
    choices: fc.array(choice, { maxLength: 3 }),
    reference: fc.constantFrom(...NAMES),
    reverseName: fc.constantFrom(...REVERSE),
  },
  { requiredKeys: ['name', 'label', 'type'] },
);

const GOOD_DEFAULTS: Record<FieldType, unknown[]> = {
  string: ['abc', ''],
  text: ['long text'],
  integer: [0, 4, -7],
  decimal: ['12.50', 3],
  boolean: [true, false],
  date: ['2026-01-31', '2024-02-29'],
  datetime: ['2026-01-31T09:00:00Z'],
  duration: ['PT4H', 'P1DT2H'],
  email: ['desk@example.com'],
  url: ['https://example.com/'],
  choice: ['a', 'b'],
  multi_choice: [['a'], ['a', 'b']],
  reference: [],
  json: [{ k: 1 }, 'text', [1, 2]],
};

const TYPE_NAMES = ['gizmo', 'widget', 'part', 'incident', 'person', 'task'];

/** Mostly what an admin would write, with a wild value now and then: reaches valid documents often. */
const saneField = fc.constantFrom(...FIELD_TYPES).chain((type) =>
  fc.record(
    {
      name: fc.constantFrom('title', 'owner', 'colour', 'size', 'amount', 'due', 'tags', 'kind', 'notes', 'link', 'extra', 'caller'),
      label: fc.constant('Label'),
      type: fc.constant(type),
      required: fc.boolean(),
      unique: fc.constantFrom(false, false, false, true),
      default: fc.oneof({ weight: 8, arbitrary: fc.constantFrom(undefined, ...GOOD_DEFAULTS[type]) }, { weight: 1, arbitrary: fc.constantFrom(...DEFAULTS) }),
      ...(type === 'choice' || type === 'multi_choice' ? { choices: fc.constant([{ value: 'a', label: 'A' }, { value: 'b', label: 'B' }]) } : {}),
      ...(type === 'reference' ? { reference: fc.constantFrom(...TYPE_NAMES), reverseName: fc.constantFrom(undefined, undefined, undefined, 'owned', ...REVERSE) } : {}),
      ...(type === 'string' ? { maxLength: fc.constantFrom(3, 80) } : {}),
      ...(type === 'decimal' ? { scale: fc.constantFrom(0, 2, 12) } : {}),
    },
    { requiredKeys: ['name', 'label', 'type', 'required', 'default', ...(type === 'choice' || type === 'multi_choice' ? ['choices' as const] : []), ...(type === 'reference' ? ['reference' as const, 'reverseName' as const] : [])] as never },
  ),
);

export const fieldDoc = fc.oneof({ weight: 24, arbitrary: saneField }, { weight: 1, arbitrary: wildField });

const saneType = fc.record(
  {
    name: fc.constantFrom(...TYPE_NAMES),
    label: fc.constant('A type'),
    extends: fc.constantFrom(undefined, undefined, undefined, 'task', 'task', 'gizmo'),
    abstract: fc.constantFrom(false, false, false, true),
    numberPrefix: fc.constantFrom('GIZ', 'W1'),
    fields: fc.uniqueArray(fieldDoc, { minLength: 1, maxLength: 4, selector: (f) => f.name }),
  },
  { requiredKeys: ['name', 'label', 'fields', 'extends', 'abstract'] },
).map((d) => (d.name === 'task' ? { ...d, abstract: true, extends: undefined } : d.extends === d.name ? { ...d, extends: undefined } : d));

const wildType = fc.record(
  {
    name,
    label,
    description: fc.constantFrom('about it', 'x\u0000'),
    extends: fc.constantFrom(...NAMES),
    abstract: fc.boolean(),
    numberPrefix: fc.constantFrom('GIZ', 'W1', 'bad'),
    displayField: fc.constantFrom('title', 'name', 'nothing'),
    fields: fc.array(fieldDoc, { maxLength: 5 }),
  },
  { requiredKeys: ['name', 'label', 'fields'] },
);

export const recordTypeDoc = fc.oneof({ weight: 6, arbitrary: saneType }, { weight: 1, arbitrary: wildType });

/** A few record type documents with distinct names. */
export const recordTypeDocs = fc.uniqueArray(recordTypeDoc, { minLength: 1, maxLength: 4, selector: (d) => d.name });
