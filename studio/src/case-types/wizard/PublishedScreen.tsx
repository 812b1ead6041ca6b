import { Anchor, Button, Code, CopyButton, Group, Paper, Stack, Text, ThemeIcon, Title } from '@mantine/core';
import { IconCheck, IconCopy, IconExternalLink } from '@tabler/icons-react';
import { Link } from 'react-router';
import { EXPLORER_HREF } from '../../shell/links.js';
import { createRecordOperation } from './create-record-operation.js';
import type { WizardState } from './wizard-state.js';

/** After the publish: the case type is live; the first case is one mutation away (opened in the explorer). */
export function PublishedScreen({ state, userName, onStartOver }: { state: WizardState; userName: string; onStartOver: () => void }) {
  const requester = state.fields.find((f) => f.key === state.access.requesterField)?.name ?? null;
  const op = createRecordOperation(state.basics.name, requester, userName, EXPLORER_HREF);
  return (
    <Stack gap="md">
      <Paper withBorder p="md" role="status">
        <Group gap="sm" wrap="nowrap" align="flex-start">
          <ThemeIcon color="green.9" radius="xl" size="lg" aria-hidden>
            <IconCheck size={18} />
          </ThemeIcon>
          <div>
            <Text fw={600}>{state.basics.label} is live</Text>
            <Text size="sm">
              Published{state.publishedVersion ? ` as version ${state.publishedVersion}` : ''}. Its record type, form, state model and access rules are in use now; the API has a{' '}
              <Code>{op.mutationName}</Code> mutation.
            </Text>
          </div>
        </Group>
      </Paper>
      <Paper withBorder p="md">
        <Title order={3} size="h4" mb="xs">
          Create the first case
        </Title>
        <Text size="sm" mb="sm">
          Open the GraphQL explorer with the mutation filled in, or copy it.
        </Text>
        <Group mb="sm">
          <Button component="a" href={op.explorerHref} target="_blank" rel="noopener" rightSection={<IconExternalLink size={16} />}>
            Open in the explorer
          </Button>
          <CopyButton value={op.text}>
            {({ copied, copy }) => (
              <Button variant="default" leftSection={copied ? <IconCheck size={16} /> : <IconCopy size={16} />} onClick={copy}>
                {copied ? 'Copied' : 'Copy mutation'}
              </Button>
            )}
          </CopyButton>
        </Group>
        <Code block aria-label="Create mutation">
          {op.text}
        </Code>
        <Text size="xs" c="dimmed" mt="xs">
          Variables: <Code>{JSON.stringify(op.variables)}</Code>
        </Text>
      </Paper>
      <Group>
        <Anchor component={Link} to={`/case-types/${state.basics.name}`}>
          Open the case type
        </Anchor>
        <Button variant="subtle" onClick={onStartOver}>
          Start another case type
        </Button>
      </Group>
    </Stack>
  );
}
