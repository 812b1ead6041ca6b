import { Badge, Group, Radio, SegmentedControl, Select, Stack, Table, Text, TextInput } from '@mantine/core';
import { STATE_CATEGORIES, type StateCategory } from '../../../../schema/case/index.js';
import { nameProblem } from '../../../../schema/metadata/index.js';
import type { StepProps } from './BasicsStep.js';
import { STATE_TEMPLATES } from './state-templates.js';
import { applyTemplate, renameStateValue, setStateCategory, setStateLabel } from './wizard-reducers.js';
import type { StateTemplate } from './wizard-state.js';

const CATEGORY_LABELS: Record<StateCategory, string> = { new: 'New', in_progress: 'In progress', on_hold: 'On hold', resolved: 'Resolved', closed: 'Closed', cancelled: 'Cancelled' };

/** Step 4: the life cycle: a template, then the states' labels, stored values and categories in a table. */
export function StatesStep({ state, update }: StepProps) {
  const counts = new Map<string, number>();
  for (const s of state.states) counts.set(s.name, (counts.get(s.name) ?? 0) + 1);
  const labelOf = (name: string) => state.states.find((s) => s.name === name)?.label ?? name;
  return (
    <Stack gap="md">
      <div>
        <Text size="sm" fw={500} mb={4} id="state-template-label">
          Start from
        </Text>
        <SegmentedControl
          aria-labelledby="state-template-label"
          value={state.template}
          onChange={(v) => update((s) => applyTemplate(s, v as StateTemplate))}
          data={(Object.keys(STATE_TEMPLATES) as StateTemplate[]).map((t) => ({ value: t, label: STATE_TEMPLATES[t].label }))}
        />
        <Text size="xs" c="dimmed" mt={4}>
          {STATE_TEMPLATES[state.template].description}. Choosing a template replaces the states below.
        </Text>
      </div>
      <Radio.Group value={state.initial} onChange={(v) => update((s) => ({ ...s, initial: v }))} aria-label="Initial state">
        <Table withTableBorder verticalSpacing="xs">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Starts here</Table.Th>
              <Table.Th>Label</Table.Th>
              <Table.Th>Stored value</Table.Th>
              <Table.Th>Category</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {state.states.map((row, i) => {
              const valueError = nameProblem(row.name) ?? ((counts.get(row.name) ?? 0) > 1 ? `"${row.name}" is used twice` : null);
              return (
                <Table.Tr key={i}>
                  <Table.Td>
                    <Radio value={row.name} aria-label={`Cases start in ${row.label}`} />
                  </Table.Td>
                  <Table.Td>
                    <TextInput aria-label={`Label of state ${i + 1}`} value={row.label} onChange={(e) => {
                        const label = e.currentTarget.value;
                        update((s) => setStateLabel(s, i, label));
                      }} error={row.label.trim() ? undefined : 'give the state a label'} />
                  </Table.Td>
                  <Table.Td>
                    <TextInput aria-label={`Stored value of state ${i + 1}`} ff="monospace" value={row.name} onChange={(e) => {
                        const value = e.currentTarget.value;
                        update((s) => renameStateValue(s, i, value));
                      }} error={valueError} />
                  </Table.Td>
                  <Table.Td>
                    <Select
                      aria-label={`Category of state ${i + 1}`}
                      data={STATE_CATEGORIES.map((c) => ({ value: c, label: CATEGORY_LABELS[c] }))}
                      value={row.category}
                      allowDeselect={false}
                      onChange={(v) => v && update((s) => setStateCategory(s, i, v as StateCategory))}
                    />
                  </Table.Td>
                </Table.Tr>
              );
            })}
          </Table.Tbody>
        </Table>
      </Radio.Group>
      <div>
        <Text size="sm" fw={500} mb={4}>
          Moves between states (made by the fulfillers)
        </Text>
        <Group gap="xs">
          {state.transitions.map((t) => (
            <Badge key={`${t.from}-${t.to}`} variant="light" color="gray" tt="none" size="lg">
              {t.label}: {labelOf(t.from)} → {labelOf(t.to)}
            </Badge>
          ))}
        </Group>
        <Text size="xs" c="dimmed" mt={4}>
          Conditions, required fields and more moves are edited in the state model designer after the wizard.
        </Text>
      </div>
    </Stack>
  );
}
