import { ActionIcon, Button, NativeSelect, Table, VisuallyHidden } from '@mantine/core';
import { IconPlus, IconTrash } from '@tabler/icons-react';
import type { UiPolicyDoc } from '../../../schema/form/index.js';
import type { ModelType } from '../../../schema/metadata/index.js';
import { addAction, ASPECT_LABELS, ASPECTS, removeAction, setActionField, setAspect, type Aspect } from './policy-ops.js';

const CHOICES: Record<Aspect, [string, string]> = { mandatory: ['Mandatory', 'Optional'], visible: ['Shown', 'Hidden'], readOnly: ['Read-only', 'Editable'] };

export interface PolicyActionsTableProps {
  policy: UiPolicyDoc;
  type: ModelType;
  readOnly?: boolean;
  onChange: (next: UiPolicyDoc) => void;
}

/** What the policy does, one row per field: each aspect left alone, set, or set the other way. */
export function PolicyActionsTable({ policy, type, readOnly, onChange }: PolicyActionsTableProps) {
  const fieldData = type.activeFields.map((f) => ({ value: f.name, label: f.label }));
  const unused = type.activeFields.find((f) => !policy.actions.some((a) => a.field === f.name));
  return (
    <>
      <Table withTableBorder verticalSpacing={4} aria-label="Actions">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Field</Table.Th>
            {ASPECTS.map((a) => (
              <Table.Th key={a}>{ASPECT_LABELS[a]}</Table.Th>
            ))}
            <Table.Th w={40}>
              <VisuallyHidden>Remove</VisuallyHidden>
            </Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {policy.actions.map((action, i) => {
            const fieldLabel = type.activeFields.find((f) => f.name === action.field)?.label ?? action.field;
            return (
              <Table.Tr key={i}>
                <Table.Td>
                  <NativeSelect size="xs" aria-label={`Field of action ${i + 1}`} disabled={readOnly} value={action.field} data={fieldData} onChange={(e) => onChange(setActionField(policy, i, e.currentTarget.value))} />
                </Table.Td>
                {ASPECTS.map((aspect) => (
                  <Table.Td key={aspect}>
                    <NativeSelect
                      size="xs"
                      aria-label={`${ASPECT_LABELS[aspect]} of ${fieldLabel}`}
                      disabled={readOnly}
                      value={action[aspect] === undefined ? '' : String(action[aspect])}
                      data={[
                        { value: '', label: 'No change' },
                        { value: 'true', label: CHOICES[aspect][0] },
                        { value: 'false', label: CHOICES[aspect][1] },
                      ]}
                      onChange={(e) => onChange(setAspect(policy, i, aspect, e.currentTarget.value === '' ? undefined : e.currentTarget.value === 'true'))}
                    />
                  </Table.Td>
                ))}
                <Table.Td>
                  <ActionIcon variant="subtle" color="red" aria-label={`Remove action on ${fieldLabel}`} disabled={readOnly || policy.actions.length === 1} onClick={() => onChange(removeAction(policy, i))}>
                    <IconTrash size={14} />
                  </ActionIcon>
                </Table.Td>
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </Table>
      {!readOnly && unused && (
        <Button size="xs" variant="light" leftSection={<IconPlus size={14} />} onClick={() => onChange(addAction(policy, unused.name))} style={{ alignSelf: 'flex-start' }}>
          Add action
        </Button>
      )}
    </>
  );
}
