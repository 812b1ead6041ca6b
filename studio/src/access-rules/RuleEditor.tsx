import { Group, MultiSelect, Select, SimpleGrid, Stack, Switch, Textarea } from '@mantine/core';
import type { AclDoc } from '../../../schema/access/index.js';
import type { Model } from '../../../schema/metadata/index.js';
import { ConditionBuilder } from '../condition-builder/index.js';
import { FIELD_OPERATIONS, RECORD_OPERATIONS } from './rule-layout.js';

export interface RuleEditorProps {
  model: Model;
  doc: AclDoc;
  onChange: (next: AclDoc) => void;
  readOnly?: boolean;
}

/** Removes a key rather than storing `undefined`, so a saved document has no empty properties. */
function withValue<K extends keyof AclDoc>(doc: AclDoc, key: K, value: AclDoc[K] | null | undefined): AclDoc {
  const next = { ...doc };
  if (value === null || value === undefined || value === '') delete next[key];
  else next[key] = value;
  return next;
}

/**
 * The fields of one access rule. Operations follow the target (record rules: read, create, update, delete; field
 * rules: read, write); `through` is offered only for record rules and only reference fields; criteria are listed
 * by label with their names, unknown names kept visible so they can be taken out.
 */
export function RuleEditor({ model, doc, onChange, readOnly }: RuleEditorProps) {
  const type = model.types.get(doc.recordType);
  const fields = type?.activeFields ?? [];
  const criteria = Object.values(model.snapshot.userCriteria ?? {}).sort((a, b) => a.label.localeCompare(b.label));
  const known = new Set(criteria.map((c) => c.name));
  const criteriaData = [
    ...criteria.map((c) => ({ value: c.name, label: `${c.label} (${c.name})` })),
    ...doc.criteria.filter((n) => !known.has(n)).map((n) => ({ value: n, label: `${n} (does not exist)` })),
  ];
  const operations = doc.field === undefined ? RECORD_OPERATIONS : FIELD_OPERATIONS;
  const operationData = [...operations, ...((operations as readonly string[]).includes(doc.operation) ? [] : [doc.operation])].map((op) => ({ value: op, label: op }));
  const fieldData = [
    ...fields.map((f) => ({ value: f.name, label: `${f.label} (${f.name})` })),
    ...(doc.field && !fields.some((f) => f.name === doc.field) ? [{ value: doc.field, label: `${doc.field} (does not exist)` }] : []),
  ];
  const references = fields.filter((f) => f.type === 'reference');
  const throughData = [
    ...references.map((f) => ({ value: f.name, label: `${f.label} → ${f.reference}` })),
    ...(doc.through && !references.some((f) => f.name === doc.through) ? [{ value: doc.through, label: `${doc.through} (not a reference)` }] : []),
  ];
  const name = doc.name;

  return (
    <Stack gap="sm">
      <Textarea
        label="Description"
        description="Why the rule exists, in a sentence an auditor understands"
        autosize
        minRows={1}
        readOnly={readOnly}
        value={doc.description ?? ''}
        onChange={(e) => onChange(withValue(doc, 'description', e.currentTarget.value))}
      />
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
        <Select
          label="Field"
          description="Empty: the rule governs whole records"
          placeholder="Whole record"
          searchable
          clearable
          readOnly={readOnly}
          data={fieldData}
          value={doc.field ?? null}
          onChange={(field) => {
            // Switching between a record and a field rule keeps the operation when it still fits.
            const ops: readonly string[] = field ? FIELD_OPERATIONS : RECORD_OPERATIONS;
            const operation = ops.includes(doc.operation) ? doc.operation : 'read';
            const next = withValue({ ...doc, operation: operation as AclDoc['operation'] }, 'field', field);
            onChange(field ? withValue(next, 'through', null) : next);
          }}
        />
        <Select
          label="Operation"
          description={doc.field === undefined ? 'What the rule allows on records' : 'Read or write the field'}
          allowDeselect={false}
          readOnly={readOnly}
          data={operationData}
          value={doc.operation}
          onChange={(op) => op && onChange({ ...doc, operation: op as AclDoc['operation'] })}
        />
      </SimpleGrid>
      <MultiSelect
        label="For users matching"
        description="Any of these user criteria; none: every signed-in user"
        placeholder={doc.criteria.length ? undefined : 'Every signed-in user'}
        searchable
        clearable
        readOnly={readOnly}
        data={criteriaData}
        value={doc.criteria}
        onChange={(next) => onChange({ ...doc, criteria: next })}
      />
      <ConditionBuilder
        model={model}
        recordType={doc.recordType}
        value={doc.condition}
        onChange={(next) => onChange(withValue(doc, 'condition', next))}
        label={`Condition of rule ${name} (on the record; empty: every record)`}
        readOnly={readOnly}
      />
      <Group align="flex-end" gap="lg">
        <Select
          label="Through"
          description="The record this reference points at must also be readable"
          placeholder={doc.field === undefined ? 'No' : 'Record rules only'}
          clearable
          disabled={doc.field !== undefined && !doc.through}
          readOnly={readOnly}
          data={throughData}
          value={doc.through ?? null}
          onChange={(through) => onChange(withValue(doc, 'through', through))}
          style={{ flex: 1 }}
        />
        <Switch
          label="Active"
          disabled={readOnly}
          checked={doc.active !== false}
          onChange={(e) => onChange(withValue(doc, 'active', e.currentTarget.checked ? null : false))}
          mb={8}
        />
      </Group>
    </Stack>
  );
}
