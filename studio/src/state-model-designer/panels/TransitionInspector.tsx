import { Button, Group, MultiSelect, Select, Stack, TextInput, Title } from '@mantine/core';
import { IconTrash } from '@tabler/icons-react';
import { useMemo } from 'react';
import type { StateModelDoc, TransitionDoc } from '../../../../schema/case/index.js';
import type { Model } from '../../../../schema/metadata/index.js';
import { ConditionBuilder } from '../../condition-builder/index.js';
import { useTransitionInteractions } from '../store/use-transition-interactions.js';

export interface TransitionInspectorProps {
  doc: StateModelDoc;
  index: number;
  transition: TransitionDoc;
  model: Model | null;
  readOnly: boolean;
}

/** Edits one transition: its ends, its button label, its guard, who may make it and what it requires. */
export function TransitionInspector({ doc, index, transition, model, readOnly }: TransitionInspectorProps) {
  const { updateTransition, deleteTransitions } = useTransitionInteractions();
  const states = useMemo(() => doc.states.map((s) => ({ value: s.name, label: `${s.label} (${s.name})` })), [doc.states]);
  const criteria = useMemo(() => {
    const known = Object.values(model?.snapshot.userCriteria ?? {}).map((c) => ({ value: c.name, label: c.label ? `${c.label} (${c.name})` : c.name }));
    const missing = transition.criteria.filter((c) => !known.some((k) => k.value === c)).map((c) => ({ value: c, label: `${c} (missing)` }));
    return [...known, ...missing].sort((a, b) => a.value.localeCompare(b.value));
  }, [model, transition.criteria]);
  const fields = useMemo(() => {
    const type = model?.types.get(doc.recordType);
    const known = (type?.activeFields ?? []).filter((f) => !f.auto).map((f) => ({ value: f.name, label: f.label ? `${f.label} (${f.name})` : f.name }));
    const missing = transition.requires.filter((r) => !known.some((k) => k.value === r)).map((r) => ({ value: r, label: `${r} (not a field)` }));
    return [...known, ...missing];
  }, [model, doc.recordType, transition.requires]);
  const toLabel = doc.states.find((s) => s.name === transition.to)?.label ?? transition.to;
  return (
    <Stack gap="sm">
      <Title order={3} size="h5">
        Transition {transition.from} → {transition.to}
      </Title>
      <Group grow gap="xs">
        <Select label="From" data={states} value={transition.from} allowDeselect={false} searchable readOnly={readOnly} onChange={(v) => v && updateTransition(index, { from: v })} />
        <Select label="To" data={states} value={transition.to} allowDeselect={false} searchable readOnly={readOnly} onChange={(v) => v && updateTransition(index, { to: v })} />
      </Group>
      <TextInput
        label="Button label"
        description={`Empty: the button says "${toLabel}"`}
        placeholder={toLabel}
        value={transition.label ?? ''}
        readOnly={readOnly}
        onChange={(e) => updateTransition(index, { label: e.currentTarget.value || undefined })}
      />
      {model ? (
        <ConditionBuilder
          key={`${index}:${transition.from}:${transition.to}`}
          model={model}
          recordType={doc.recordType}
          value={transition.condition}
          onChange={(condition) => updateTransition(index, { condition: condition ?? undefined })}
          label={`Guard condition of ${transition.from} → ${transition.to}`}
          readOnly={readOnly}
        />
      ) : null}
      <MultiSelect
        label="Who may make it"
        description="User criteria; none: everyone who may update the record"
        data={criteria}
        value={transition.criteria}
        searchable
        clearable
        readOnly={readOnly}
        onChange={(value) => updateTransition(index, { criteria: value })}
      />
      <MultiSelect
        label="Required fields"
        description="Must have a value once the move is made"
        data={fields}
        value={transition.requires}
        searchable
        clearable
        readOnly={readOnly}
        onChange={(value) => updateTransition(index, { requires: value })}
      />
      {!readOnly && (
        <Button variant="outline" color="red.9" size="xs" leftSection={<IconTrash size={14} />} onClick={() => deleteTransitions([index])}>
          Delete transition
        </Button>
      )}
    </Stack>
  );
}
