import { Accordion, Alert, Badge, Button, Code, Group, List, Paper, Stack, Text, ThemeIcon, Title } from '@mantine/core';
import { IconAlertTriangle, IconCheck, IconDeviceFloppy, IconRocket } from '@tabler/icons-react';
import type { MetadataProblem } from '../../../../schema/metadata/index.js';
import { metadataKind } from '../../../../schema/metadata/index.js';
import type { StepProps } from './BasicsStep.js';
import type { WizardDocument } from './build-wizard-documents.js';
import type { useWizardSave } from './use-wizard-save.js';

export interface ReviewStepProps extends StepProps {
  documents: WizardDocument[];
  problems: MetadataProblem[];
  save: ReturnType<typeof useWizardSave>;
}

/** Step 6: each document, what the shared validators say of them together, Save drafts → the diff → Publish. */
export function ReviewStep({ state, documents, problems, save }: ReviewStepProps) {
  const upToDate = state.savedSignature === JSON.stringify(documents);
  return (
    <Stack gap="md">
      {problems.length > 0 ? (
        <Paper withBorder p="sm" role="region" aria-label="Problems">
          <Group gap="xs" mb={4}>
            <IconAlertTriangle size={18} color="var(--mantine-color-orange-7)" aria-hidden />
            <Text fw={600} size="sm">
              {problems.length} problem{problems.length === 1 ? '' : 's'} to fix before saving
            </Text>
          </Group>
          <List size="sm" spacing={2}>
            {problems.map((p) => (
              <List.Item key={`${p.path}:${p.message}`}>
                <Text span size="sm" ff="monospace" c="dimmed">
                  {p.path}
                </Text>{' '}
                {p.message}
              </List.Item>
            ))}
          </List>
        </Paper>
      ) : (
        <Paper withBorder p="sm" role="status">
          <Group gap="sm" wrap="nowrap">
            <ThemeIcon color="green.9" radius="xl" size="md" aria-hidden>
              <IconCheck size={16} />
            </ThemeIcon>
            <div>
              <Text fw={600} size="sm">
                No problems
              </Text>
              <Text size="sm" c="dimmed">
                The shared validators accept these documents together with everything else drafted.
              </Text>
            </div>
          </Group>
        </Paper>
      )}
      <div>
        <Title order={3} size="h4" mb="xs">
          What the wizard saves ({documents.length} documents)
        </Title>
        <Accordion variant="separated" multiple>
          {documents.map((d) => (
            <Accordion.Item key={`${d.kind}:${d.name}`} value={`${d.kind}:${d.name}`}>
              <Accordion.Control>
                <Group gap="xs">
                  <Badge variant="light" tt="none">
                    {metadataKind(d.kind).label}
                  </Badge>
                  <Text size="sm" ff="monospace">
                    {d.name}
                  </Text>
                  {state.saved[`${d.kind}:${d.name}`] ? (
                    <Badge color="indigo" variant="outline" size="sm">
                      Drafted
                    </Badge>
                  ) : null}
                </Group>
              </Accordion.Control>
              <Accordion.Panel>
                <Code block>{JSON.stringify(d.doc, null, 2)}</Code>
              </Accordion.Panel>
            </Accordion.Item>
          ))}
        </Accordion>
      </div>
      {save.failure && (
        <Alert color="red" variant="light" role="alert" title={save.failure.document ? `The server refused ${save.failure.document}` : 'The server refused'}>
          <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
            {save.failure.message}
          </Text>
          <Text size="xs" mt={4}>
            Code {save.failure.code}
          </Text>
        </Alert>
      )}
      {upToDate && save.diff && (
        <Paper withBorder p="md" role="region" aria-label="What publishing changes">
          <Text fw={600} size="sm" mb="xs">
            Publishing makes these changes
          </Text>
          <List size="sm" spacing={2}>
            {save.diff.changes.map((c) => (
              <List.Item key={`${c.kind}:${c.path}`}>
                <Text span ff="monospace" size="sm">
                  {c.path}
                </Text>{' '}
                <Text span size="sm" c="dimmed">
                  {c.kind.replace(/_/g, ' ')}
                </Text>
              </List.Item>
            ))}
          </List>
          {save.diff.ddl.length > 0 && (
            <>
              <Text fw={600} size="sm" mt="sm" mb={4}>
                Database changes
              </Text>
              <Code block>{save.diff.ddl.join(';\n')}</Code>
            </>
          )}
        </Paper>
      )}
      <Group justify="flex-end">
        <Button variant={upToDate ? 'default' : 'filled'} leftSection={<IconDeviceFloppy size={16} />} disabled={problems.length > 0 || upToDate} loading={save.busy === 'saving'} onClick={() => void save.saveDrafts(state, documents)}>
          {upToDate ? 'Drafts saved' : 'Save drafts'}
        </Button>
        {upToDate && !save.diff && (
          <Button variant="light" loading={save.busy === 'diffing'} onClick={() => void save.dryRun()}>
            Show what publishing changes
          </Button>
        )}
        <Button leftSection={<IconRocket size={16} />} disabled={!upToDate || !save.diff || problems.length > 0} loading={save.busy === 'publishing'} onClick={() => void save.publish(state.basics.label)}>
          Publish
        </Button>
      </Group>
    </Stack>
  );
}
