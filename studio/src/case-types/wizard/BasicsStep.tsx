import { Select, SimpleGrid, Stack, TextInput, Textarea } from '@mantine/core';
import type { MetadataSnapshot } from '../../../../schema/metadata/index.js';
import { setBasicsLabel, setBasicsUnit } from './wizard-reducers.js';
import type { WizardState } from './wizard-state.js';
import { basicsProblems } from './basics-problems.js';

export interface StepProps {
  state: WizardState;
  update: (change: (prev: WizardState) => WizardState) => void;
  snapshot: MetadataSnapshot;
}

/** Step 1: whose case type it is and what it is called. */
export function BasicsStep({ state, update, snapshot, units }: StepProps & { units: { value: string; label: string }[] }) {
  const b = state.basics;
  const problems = basicsProblems(state, snapshot);
  const set = (patch: Partial<WizardState['basics']>) => update((s) => ({ ...s, basics: { ...s.basics, ...patch } }));
  return (
    <Stack gap="md" maw={640}>
      <Select label="Business unit" description="The unit that owns the case type and works its cases" data={units} value={b.businessUnit} allowDeselect={false} onChange={(v) => v && update((s) => setBasicsUnit(s, v))} />
      <TextInput label="Label" description="What people call one case, e.g. Relocation" required value={b.label} onChange={(e) => {
          const label = e.currentTarget.value;
          update((s) => setBasicsLabel(s, label));
        }} error={b.label.trim() ? undefined : problems.label} />
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <TextInput
          label="Name"
          description="Stored name of the record type; derived from the label"
          required
          value={b.name}
          onChange={(e) => set({ name: e.currentTarget.value, nameEdited: true })}
          error={b.name || b.label ? problems.name : undefined}
          ff="monospace"
        />
        <TextInput
          label="Number prefix"
          description="Cases are numbered like REL0001001"
          value={b.numberPrefix}
          onChange={(e) => set({ numberPrefix: e.currentTarget.value.toUpperCase() })}
          error={problems.numberPrefix}
        />
      </SimpleGrid>
      <Textarea label="Description" description="One line: who asks for what" autosize minRows={2} value={b.description} onChange={(e) => set({ description: e.currentTarget.value })} />
    </Stack>
  );
}
