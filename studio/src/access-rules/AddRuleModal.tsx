import { Button, Group, Modal, SegmentedControl, Select, Stack, Text, TextInput } from '@mantine/core';
import { useEffect, useState } from 'react';
import type { AclDoc } from '../../../schema/access/index.js';
import { nameProblem, type Model } from '../../../schema/metadata/index.js';
import { FIELD_OPERATIONS, RECORD_OPERATIONS, suggestRuleName } from './rule-layout.js';

export interface AddRuleModalProps {
  opened: boolean;
  onClose: () => void;
  model: Model;
  recordType: string;
  /** Names in use (every rule, drafts and unsaved new ones included). */
  taken: ReadonlySet<string>;
  onAdd: (doc: AclDoc) => void;
  /** Preselected target, from the "Add" of an operation's group. */
  preset?: { operation: AclDoc['operation']; field?: string };
}

/** Starts a rule: its target (records or one field), its operation and its name, suggested from both. */
export function AddRuleModal({ opened, onClose, model, recordType, taken, onAdd, preset }: AddRuleModalProps) {
  const [target, setTarget] = useState<'record' | 'field'>('record');
  const [operation, setOperation] = useState<string>('read');
  const [field, setField] = useState<string | null>(null);
  const [name, setName] = useState('');
  const [nameTouched, setNameTouched] = useState(false);
  const fields = model.types.get(recordType)?.activeFields ?? [];

  useEffect(() => {
    if (!opened) return;
    setTarget(preset?.field ? 'field' : 'record');
    setOperation(preset?.operation ?? 'read');
    setField(preset?.field ?? null);
    setNameTouched(false);
  }, [opened, preset]);
  const suggested = suggestRuleName(taken, recordType, operation, target === 'field' ? field : null);
  const value = nameTouched ? name : suggested;
  const nameError = !value ? 'A rule needs a name' : taken.has(value) ? `A rule named "${value}" exists already` : nameProblem(value);
  const fieldError = target === 'field' && !field ? 'Choose the field the rule governs' : null;
  const operations = target === 'record' ? RECORD_OPERATIONS : FIELD_OPERATIONS;

  const submit = () => {
    if (nameError || fieldError) return;
    const doc: AclDoc = { name: value, recordType, operation: operation as AclDoc['operation'], criteria: [] };
    if (target === 'field' && field) doc.field = field;
    onAdd(doc);
    onClose();
  };

  return (
    <Modal opened={opened} onClose={onClose} title="Add an access rule" centered>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          submit();
        }}
      >
        <Stack gap="md">
          <Stack gap={4}>
            <Text size="sm" fw={500} id="add-rule-target">
              The rule governs
            </Text>
            <SegmentedControl
              aria-labelledby="add-rule-target"
              data={[
                { value: 'record', label: 'Whole records' },
                { value: 'field', label: 'One field' },
              ]}
              value={target}
              onChange={(v) => {
                setTarget(v as 'record' | 'field');
                if (!(v === 'record' ? RECORD_OPERATIONS : FIELD_OPERATIONS).includes(operation as never)) setOperation('read');
              }}
            />
          </Stack>
          {target === 'field' && (
            <Select label="Field" searchable data={fields.map((f) => ({ value: f.name, label: `${f.label} (${f.name})` }))} value={field} onChange={setField} error={fieldError} />
          )}
          <Select label="Operation" allowDeselect={false} data={operations.map((op) => ({ value: op, label: op }))} value={operation} onChange={(op) => op && setOperation(op)} />
          <TextInput
            label="Name"
            description="Unique among all rules; lower case, digits and underscores"
            value={value}
            onChange={(e) => {
              setNameTouched(true);
              setName(e.currentTarget.value);
            }}
            error={nameError}
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              Cancel
            </Button>
            <Button type="submit" disabled={!!nameError || !!fieldError}>
              Add rule
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
