import { Group, NumberInput, Stack, Switch, Textarea } from '@mantine/core';
import { useEffect } from 'react';
import type { UiPolicyDoc } from '../../../schema/form/index.js';
import type { Model } from '../../../schema/metadata/index.js';
import { ConditionBuilder } from '../condition-builder/index.js';
import { DocumentEditorFrame, useDocumentDraft } from '../metadata/index.js';
import { PolicyActionsTable } from './PolicyActionsTable.js';

export interface UiPolicyEditorProps {
  model: Model;
  name: string;
  /** Makes the policy when it does not exist yet (a new one). */
  initial?: () => UiPolicyDoc;
  readOnly?: boolean;
  /** The policy as on screen (unsaved edits included), so the preview applies it live. */
  onEditing: (doc: UiPolicyDoc | null) => void;
  backTo: string;
}

/** One UI policy, its own document draft: description, order, condition, and what it does to which fields. */
export function UiPolicyEditor({ model, name, initial, readOnly, onEditing, backTo }: UiPolicyEditorProps) {
  const draft = useDocumentDraft('uiPolicy', name, initial);
  const doc = draft.doc;
  useEffect(() => {
    onEditing(doc);
  }, [doc, onEditing]);
  useEffect(() => () => onEditing(null), [onEditing]);
  const type = doc ? model.types.get(doc.recordType) : undefined;
  return (
    <DocumentEditorFrame draft={draft} title={`UI policy ${name}`} parent={{ label: 'UI policies', to: backTo }} readOnly={readOnly}>
      {doc && type && (
        <Stack gap="sm">
          <Textarea
            label="Description"
            description="Why the policy exists, for the next admin"
            autosize
            minRows={1}
            readOnly={readOnly}
            value={doc.description ?? ''}
            onChange={(e) => {
              const value = e.currentTarget.value;
              draft.setDoc((p) => ({ ...p, description: value }));
            }}
          />
          <Group gap="lg" align="flex-end">
            <NumberInput
              label="Order"
              description="Lower applies first; a later policy wins"
              w={280}
              readOnly={readOnly}
              allowDecimal={false}
              value={doc.order}
              onChange={(v) => draft.setDoc((p) => ({ ...p, order: typeof v === 'number' ? v : Number(v) || 0 }))}
            />
            <Switch
              label="Active"
              disabled={readOnly}
              checked={doc.active !== false}
              onChange={(e) => {
                const on = e.currentTarget.checked;
                draft.setDoc((p) => ({ ...p, active: on ? undefined : false }));
              }}
            />
            <Switch
              label="Reverse when the condition is false"
              disabled={readOnly}
              checked={doc.reverseIfFalse}
              onChange={(e) => {
                const on = e.currentTarget.checked;
                draft.setDoc((p) => ({ ...p, reverseIfFalse: on }));
              }}
            />
          </Group>
          <ConditionBuilder
            model={model}
            recordType={doc.recordType}
            value={doc.condition}
            readOnly={readOnly}
            label={`Condition of UI policy ${name}`}
            onChange={(next) => draft.setDoc((p) => ({ ...p, condition: next ?? undefined }))}
          />
          <PolicyActionsTable policy={doc} type={type} readOnly={readOnly} onChange={(next) => draft.setDoc(next)} />
        </Stack>
      )}
    </DocumentEditorFrame>
  );
}
