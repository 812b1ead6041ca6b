import { Alert, Button, Grid, Loader, Paper, Stack, Tabs, Text } from '@mantine/core';
import { IconArrowLeft, IconForms, IconShieldCheck } from '@tabler/icons-react';
import { useCallback, useMemo, useState } from 'react';
import { Link, useParams, useSearchParams } from 'react-router';
import type { FormDoc, UiPolicyDoc } from '../../../schema/form/index.js';
import { DocumentEditorFrame, useDocumentDraft, useUnitFilter, useWorkingMetadata } from '../metadata/index.js';
import { FormLayoutEditor } from './FormLayoutEditor.js';
import { FormPreview } from './FormPreview.js';
import { newForm } from './layout-ops.js';
import { newPolicy, policiesWithEdit } from './policy-ops.js';
import { UiPoliciesPanel } from './UiPoliciesPanel.js';
import { UiPolicyEditor } from './UiPolicyEditor.js';
import { useTypeEditable } from './use-type-editable.js';

/**
 * The form designer (`/forms/:name`, `?type=` for a new form): the layout and the UI policies of its record type on
 * two tabs, and beside them the live preview, which applies both as they are edited, unsaved changes included.
 */
export function FormDesignerPage() {
  const { name = '' } = useParams();
  const [params, setParams] = useSearchParams();
  const [unit] = useUnitFilter();
  const { metadata, error } = useWorkingMetadata();
  const model = metadata?.model ?? null;
  const newType = params.get('type');
  const initial = useMemo(() => {
    const type = newType ? model?.types.get(newType) : undefined;
    return type ? () => newForm(name, type) : undefined;
  }, [newType, model, name]);
  const draft = useDocumentDraft('form', name, initial);
  const form = draft.doc as FormDoc | null;
  const editable = useTypeEditable(form?.recordType ?? null, metadata?.snapshot);
  const [editingPolicy, setEditingPolicy] = useState<UiPolicyDoc | null>(null);
  // The editor reports its document on every render (a new policy is made afresh each time): keep equal ones out.
  const onEditing = useCallback((doc: UiPolicyDoc | null) => setEditingPolicy((prev) => (JSON.stringify(prev) === JSON.stringify(doc) ? prev : doc)), []);
  const policies = useMemo(() => (metadata ? policiesWithEdit(metadata.snapshot, editingPolicy) : []), [metadata, editingPolicy]);

  const tab = params.get('tab') === 'policies' ? 'policies' : 'layout';
  const selectedPolicy = params.get('policy');
  const setParam = (key: string, value: string | null) =>
    setParams((prev) => {
      const next = new URLSearchParams(prev);
      if (value === null) next.delete(key);
      else next.set(key, value);
      return next;
    });
  const unitQuery = unit ? `unit=${encodeURIComponent(unit)}&` : '';

  if (error) return <Alert color="red" title="The metadata could not be read">{error.message}</Alert>;
  if (!metadata) return <Loader aria-label="Loading the form" />;
  if (!model) return <Alert color="red" title="The metadata has problems that stop the studio from building a model">Fix them under Overview first.</Alert>;
  if (!form)
    return (
      <Stack gap="sm" align="flex-start">
        <Alert color="yellow" title={`There is no form "${name}"`}>Pick one from the list, or create it there for a record type.</Alert>
        <Button component={Link} to={`/forms${unit ? `?unit=${unit}` : ''}`} variant="default" leftSection={<IconArrowLeft size={16} />}>
          All forms
        </Button>
      </Stack>
    );
  const type = model.types.get(form.recordType);
  const readOnly = editable ? !editable.editable : true;
  const firstField = type?.activeFields[0]?.name ?? 'name';
  return (
    <DocumentEditorFrame draft={draft} title={`Form ${form.label ?? name}`} parent={{ label: 'Forms', to: `/forms${unit ? `?unit=${unit}` : ''}` }} readOnly={readOnly}>
      {editable && !editable.editable && (
        <Alert color="gray" variant="light" title="Read-only">
          You may look but not change: {editable.reason}.
        </Alert>
      )}
      {!type ? (
        <Alert color="red" title={`Record type "${form.recordType}" does not exist`}>The form cannot be laid out until it does.</Alert>
      ) : (
        <Grid gap="md" align="flex-start">
          <Grid.Col span={{ base: 12, lg: 7 }}>
            <Tabs value={tab} onChange={(v) => setParam('tab', v === 'policies' ? 'policies' : null)} keepMounted={false}>
              <Tabs.List mb="sm">
                <Tabs.Tab value="layout" leftSection={<IconForms size={16} />}>
                  Layout
                </Tabs.Tab>
                <Tabs.Tab value="policies" leftSection={<IconShieldCheck size={16} />}>
                  UI policies
                </Tabs.Tab>
              </Tabs.List>
              <Tabs.Panel value="layout">
                <FormLayoutEditor form={form} type={type} readOnly={readOnly} onChange={(fn) => draft.setDoc((prev) => fn(prev as FormDoc))} />
              </Tabs.Panel>
              <Tabs.Panel value="policies">
                <Stack gap="lg">
                  <UiPoliciesPanel model={model} snapshot={metadata.snapshot} recordType={form.recordType} selected={selectedPolicy} onSelect={(p) => setParam('policy', p)} readOnly={readOnly} />
                  {selectedPolicy && (
                    <Paper withBorder radius="md" p="md" component="section" aria-label="UI policy editor">
                      <UiPolicyEditor
                        key={selectedPolicy}
                        model={model}
                        name={selectedPolicy}
                        initial={() => newPolicy(selectedPolicy, form.recordType, firstField)}
                        readOnly={readOnly}
                        onEditing={onEditing}
                        backTo={`/forms/${name}?${unitQuery}tab=policies`}
                      />
                    </Paper>
                  )}
                  {!selectedPolicy && (
                    <Text size="sm" c="dimmed">
                      Open a policy to edit it; the preview applies your edits as you make them.
                    </Text>
                  )}
                </Stack>
              </Tabs.Panel>
            </Tabs>
          </Grid.Col>
          <Grid.Col span={{ base: 12, lg: 5 }} style={{ position: 'sticky', top: 72 }}>
            <FormPreview key={form.recordType} model={model} form={form} policies={policies} />
          </Grid.Col>
        </Grid>
      )}
    </DocumentEditorFrame>
  );
}
