import { List, MultiSelect, Paper, Select, SimpleGrid, Stack, Text, ThemeIcon } from '@mantine/core';
import { IconShieldCheck } from '@tabler/icons-react';
import type { StepProps } from './BasicsStep.js';
import { proposedAcls } from './build-wizard-documents.js';
import { describeAcl } from './describe-acl.js';

/** Step 5: who submits and who works the cases, and the access rules that follow, in plain sentences. */
export function AccessStep({ state, update, snapshot }: StepProps) {
  const criteria = Object.values(snapshot.userCriteria)
    .map((c) => ({ value: c.name, label: c.label ?? c.name }))
    .sort((a, b) => a.label.localeCompare(b.label));
  const labelOf = (name: string) => criteria.find((c) => c.value === name)?.label ?? name;
  const requesterChoices = state.fields.filter((f) => f.type === 'reference' && f.reference === 'person').map((f) => ({ value: f.key, label: `${f.label} (${f.name})` }));
  const set = (patch: Partial<typeof state.access>) => update((s) => ({ ...s, access: { ...s.access, ...patch } }));
  const typeLabel = state.basics.label.trim() || state.basics.name;
  const acls = proposedAcls(state);
  const fieldLabel = (name: string) => state.fields.find((f) => f.name === name)?.label ?? name;
  return (
    <Stack gap="md">
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <MultiSelect label="Who may submit" description="User criteria whose users create cases" data={criteria} value={state.access.submitters} onChange={(v) => set({ submitters: v })} searchable placeholder="Pick criteria" />
        <MultiSelect label="Who works them" description="Fulfillers: they see, update and move every case" data={criteria} value={state.access.fulfillers} onChange={(v) => set({ fulfillers: v })} searchable placeholder="Pick criteria" />
      </SimpleGrid>
      <Select
        label="Requester field"
        description="The person a case is for; submitters see the cases they are the requester of. Add a reference to person in step 2 to choose another."
        data={requesterChoices}
        value={state.access.requesterField || null}
        onChange={(v) => set({ requesterField: v ?? '' })}
        maw={420}
        error={requesterChoices.length === 0 ? 'no field refers to a person: add one in step 2 (e.g. Requested for)' : undefined}
      />
      <Paper withBorder p="md" role="region" aria-label="Proposed access rules">
        <Text fw={600} size="sm" mb="xs">
          The wizard will add these access rules
        </Text>
        {acls.length === 0 ? (
          <Text size="sm" c="dimmed">
            None yet: choose a requester field and the fulfillers.
          </Text>
        ) : (
          <List
            spacing={6}
            size="sm"
            icon={
              <ThemeIcon size={20} radius="xl" variant="light">
                <IconShieldCheck size={14} />
              </ThemeIcon>
            }
          >
            {acls.map((acl) => (
              <List.Item key={acl.name}>{describeAcl(acl, typeLabel, labelOf, fieldLabel)}</List.Item>
            ))}
          </List>
        )}
        {state.access.fulfillers.length === 0 && (
          <Text size="xs" c="dimmed" mt="xs">
            Without fulfillers only administrators can work these cases.
          </Text>
        )}
      </Paper>
    </Stack>
  );
}
