import { Alert, Anchor, Badge, Breadcrumbs, Button, Group, List, Paper, Stack, Text, Title } from '@mantine/core';
import { IconAlertTriangle, IconDeviceFloppy, IconRestore } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { Link } from 'react-router';
import type { KindName } from '../../../schema/metadata/index.js';
import type { DocumentDraft } from './use-document-draft.js';

export interface DocumentEditorFrameProps<K extends KindName> {
  /** The editor state from `useDocumentDraft`. */
  draft: DocumentDraft<K>;
  /** e.g. "Form incident" — the page's h2. */
  title: string;
  /** Where the list of this kind is, for the breadcrumb: `{ label: 'Forms', to: '/forms' }`. */
  parent: { label: string; to: string };
  /** Buttons of the designer itself, beside Save (e.g. "Auto-layout"). */
  actions?: ReactNode;
  /** The editor. */
  children: ReactNode;
  /** Read-only (e.g. a unit administrator looking at a document outside its units): no Save. */
  readOnly?: boolean;
}

/**
 * The chrome every designer's document page shares, so each behaves the same: title and breadcrumb, whether it
 * is published, drafted or has unsaved edits, Save and Discard, the live problems (from the shared validators),
 * the server's refusal of a save (with its code), and the warnings that matter (restored edits, someone published
 * since this page opened).
 */
export function DocumentEditorFrame<K extends KindName>({ draft, title, parent, actions, children, readOnly }: DocumentEditorFrameProps<K>) {
  const status = draft.dirty ? { color: 'orange', label: 'Unsaved changes' } : draft.draftVersion ? { color: 'blue', label: 'Draft' } : draft.serverDoc ? { color: 'green', label: 'Published' } : { color: 'gray', label: 'New' };
  return (
    <Stack gap="md">
      <Breadcrumbs>
        <Anchor component={Link} to={parent.to} underline="hover">
          {parent.label}
        </Anchor>
        <Text>{title}</Text>
      </Breadcrumbs>
      <Group justify="space-between" align="flex-start">
        <Group gap="sm">
          <Title order={2}>{title}</Title>
          {/* "dot" keeps the text dark: light badges in green or orange fall below WCAG AA contrast. */}
          <Badge color={status.color} variant="dot">
            {status.label}
          </Badge>
        </Group>
        <Group gap="xs">
          {actions}
          {!readOnly && (
            <>
              <Button variant="default" leftSection={<IconRestore size={16} />} disabled={!draft.dirty || draft.saving} onClick={draft.discard}>
                Discard changes
              </Button>
              <Button leftSection={<IconDeviceFloppy size={16} />} loading={draft.saving} disabled={!draft.dirty} onClick={() => void draft.save()}>
                Save draft
              </Button>
            </>
          )}
        </Group>
      </Group>
      {draft.restored && draft.dirty && (
        <Alert color="blue" variant="light" title="Unsaved changes restored">
          These edits were kept in this browser since you last worked on this page. Save them as a draft, or discard them.
        </Alert>
      )}
      {draft.publishedSinceOpen && (
        <Alert color="yellow" variant="light" icon={<IconAlertTriangle />} title="Someone published since you opened this page">
          A newer version is live. Review the changes under Versions before you save over them.
        </Alert>
      )}
      {draft.saveError && (
        <Alert color="red" variant="light" role="alert" title={draft.saveError.code === 'CONFLICT' ? 'Someone else saved this draft meanwhile' : 'The server refused the save'}>
          <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
            {draft.saveError.message}
          </Text>
          <Text size="xs" mt={4}>
            Code {draft.saveError.code}
          </Text>
        </Alert>
      )}
      {draft.problems.length > 0 && (
        <Paper withBorder p="sm" role="region" aria-label="Problems">
          <Text fw={600} size="sm" mb={4}>
            {draft.problems.length} problem{draft.problems.length === 1 ? '' : 's'} to fix before publishing
          </Text>
          <List size="sm" spacing={2}>
            {draft.problems.map((p) => (
              <List.Item key={`${p.path}:${p.message}`}>
                <Text span size="sm" ff="monospace" c="dimmed">
                  {p.path}
                </Text>{' '}
                {p.message}
              </List.Item>
            ))}
          </List>
        </Paper>
      )}
      {children}
    </Stack>
  );
}
