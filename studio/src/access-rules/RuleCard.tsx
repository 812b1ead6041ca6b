import { ActionIcon, Alert, Button, Group, List, Modal, Paper, Stack, Text, Tooltip } from '@mantine/core';
import { Tag } from './Tag.js';
import { IconDeviceFloppy, IconPencil, IconRestore, IconTrash, IconX } from '@tabler/icons-react';
import { useEffect, useState } from 'react';
import type { AclDoc } from '../../../schema/access/index.js';
import type { Model } from '../../../schema/metadata/index.js';
import { StudioRemoveDocumentDocument } from '../graphql/generated/graphql.js';
import { GraphQLRequestError } from '../graphql/request-graphql.js';
import { useGqlMutation } from '../graphql/use-gql.js';
import { useDocumentDraft } from '../metadata/index.js';
import { RuleEditor } from './RuleEditor.js';
import { RuleSummary } from './RuleSummary.js';

export interface RuleCardProps {
  model: Model;
  name: string;
  /** For a rule not yet saved: the document it starts as. */
  initial?: () => AclDoc;
  readOnly?: boolean;
  /** Open the editor at once (a rule just added). */
  startEditing?: boolean;
  /** The rule is gone: removed as a draft, or a new one discarded. */
  onGone?: (name: string) => void;
}

/**
 * One access rule as a card: its summary, and on demand its editor with its own Save and Discard — each rule is a
 * document of its own (`acl`), saved as a server draft through the shared editing loop, problems shown live.
 */
export function RuleCard({ model, name, initial, readOnly, startEditing, onGone }: RuleCardProps) {
  const draft = useDocumentDraft('acl', name, initial);
  const [editing, setEditing] = useState(!!startEditing);
  const [confirming, setConfirming] = useState(false);
  const [resetKey, setResetKey] = useState(0);
  const remove = useGqlMutation(StudioRemoveDocumentDocument);
  const [removeError, setRemoveError] = useState<string | null>(null);
  const doc = draft.doc;
  const isNew = draft.serverDoc === null;
  // A rule just added is kept in this browser at once, so a reload before the first save does not lose it.
  const { setDoc, status: loadStatus } = draft;
  useEffect(() => {
    if (startEditing && loadStatus === 'ready' && isNew && !draft.dirty && doc) setDoc(doc);
    // Only when the rule first appears; later edits go through the editor.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [loadStatus]);
  if (!doc) return null;

  const status = draft.dirty ? { color: 'orange', label: 'Unsaved' } : isNew ? { color: 'gray', label: 'New' } : draft.draftVersion ? { color: 'blue', label: 'Draft' } : { color: 'green', label: 'Published' };
  const discard = () => {
    draft.discard();
    setResetKey((k) => k + 1);
    if (isNew) onGone?.(name);
  };
  const removeRule = async () => {
    setRemoveError(null);
    if (isNew) {
      draft.discard();
      setConfirming(false);
      onGone?.(name);
      return;
    }
    try {
      await remove.mutateAsync({ kind: 'ACL', name, draftVersion: draft.draftVersion });
      draft.discard();
      setConfirming(false);
      onGone?.(name);
    } catch (failure) {
      setRemoveError(failure instanceof GraphQLRequestError || failure instanceof Error ? failure.message : String(failure));
    }
  };

  return (
    <Paper withBorder radius="md" p="md" component="article" aria-label={`Rule ${name}`} bg={doc.active === false ? 'gray.0' : undefined}>
      <Stack gap="sm">
        <Group justify="space-between" wrap="nowrap" align="flex-start">
          <Group gap="xs">
            <Text fw={600} ff="monospace" size="sm">
              {name}
            </Text>
            <Tag size="sm" variant="light" color={status.color}>
              {status.label}
            </Tag>
            {doc.active === false && (
              <Tag size="sm" variant="outline" color="gray">
                inactive
              </Tag>
            )}
            {draft.problems.length > 0 && (
              <Tag size="sm" variant="light" color="red">
                {draft.problems.length} problem{draft.problems.length === 1 ? '' : 's'}
              </Tag>
            )}
          </Group>
          <Group gap={4} wrap="nowrap">
            {(draft.dirty || isNew) && !readOnly && (
              <>
                <Button size="xs" variant="default" leftSection={<IconRestore size={14} />} onClick={discard} disabled={draft.saving}>
                  Discard
                </Button>
                <Button size="xs" leftSection={<IconDeviceFloppy size={14} />} loading={draft.saving} onClick={() => void draft.save().then((ok) => ok && setEditing(false))}>
                  Save draft
                </Button>
              </>
            )}
            <Tooltip label={editing ? 'Close the editor' : readOnly ? 'Show the details' : 'Edit the rule'}>
              <ActionIcon variant="subtle" aria-label={`${editing ? 'Close' : readOnly ? 'Show' : 'Edit'} rule ${name}`} aria-expanded={editing} onClick={() => setEditing((e) => !e)}>
                {editing ? <IconX size={18} /> : <IconPencil size={18} />}
              </ActionIcon>
            </Tooltip>
            {!readOnly && (
              <Tooltip label="Remove the rule">
                <ActionIcon variant="subtle" color="red" aria-label={`Remove rule ${name}`} onClick={() => setConfirming(true)}>
                  <IconTrash size={18} />
                </ActionIcon>
              </Tooltip>
            )}
          </Group>
        </Group>
        {editing ? <RuleEditor key={resetKey} model={model} doc={doc} onChange={(next) => draft.setDoc(next)} readOnly={readOnly} /> : <RuleSummary model={model} rule={doc} />}
        {draft.restored && draft.dirty && (
          <Text size="xs" c="blue.8">
            Unsaved edits from your last visit were restored: save or discard them.
          </Text>
        )}
        {draft.saveError && (
          <Alert color="red" variant="light" role="alert" title={draft.saveError.code === 'CONFLICT' ? 'Someone else saved this rule meanwhile' : 'The server refused the save'}>
            <Text size="sm">{draft.saveError.message}</Text>
            <Text size="xs" mt={4}>
              Code {draft.saveError.code}
            </Text>
          </Alert>
        )}
        {draft.problems.length > 0 && (
          <Alert color="red" variant="light" p="xs" aria-label={`Problems of rule ${name}`}>
            <List size="sm" spacing={2}>
              {draft.problems.map((p) => (
                <List.Item key={`${p.path}:${p.message}`}>{p.message}</List.Item>
              ))}
            </List>
          </Alert>
        )}
      </Stack>
      <Modal opened={confirming} onClose={() => setConfirming(false)} title={`Remove rule ${name}?`} centered>
        <Stack gap="md">
          <Text size="sm">
            {isNew
              ? 'The rule was never saved: it is thrown away.'
              : 'The removal is saved as a draft; the rule keeps applying until the drafts are published. Users it alone lets in lose that access then.'}
          </Text>
          {removeError && (
            <Alert color="red" variant="light" role="alert">
              {removeError}
            </Alert>
          )}
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setConfirming(false)}>
              Keep it
            </Button>
            <Button color="red" loading={remove.isPending} onClick={() => void removeRule()}>
              Remove rule
            </Button>
          </Group>
        </Stack>
      </Modal>
    </Paper>
  );
}
