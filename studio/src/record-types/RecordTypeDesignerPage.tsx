import { Alert, Badge, Grid, Group, Loader, Paper, Stack, Text, Title } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import { useCallback, useMemo, useState } from 'react';
import { useParams, useSearchParams } from 'react-router';
import { unitOfDocument, type FieldDoc, type RecordTypeDoc } from '../../../schema/metadata/index.js';
import { DocumentEditorFrame, useDocumentDraft, useWorkingMetadata } from '../metadata/index.js';
import { useStudioAccess } from '../shell/studio-context.js';
import { addField } from './field-edits.js';
import { FieldInspector } from './FieldInspector.js';
import { FieldsTable } from './FieldsTable.js';
import { InheritedFieldsTable } from './InheritedFieldsTable.js';
import { TypeProperties } from './TypeProperties.js';
import { useConversionRefusals } from './use-conversion-refusals.js';

/**
 * The designer of one record type: its properties, its own fields (added, renamed with their data kept, archived
 * and restored, retyped only as the publish can convert), and the fields it inherits, read-only.
 */
export function RecordTypeDesignerPage() {
  const { name = '' } = useParams();
  const [params] = useSearchParams();
  const initial = useMemo(() => {
    if (params.get('new') !== '1') return undefined;
    const parent = params.get('extends');
    return (): RecordTypeDoc => ({ name, label: params.get('label') || name, ...(parent ? { extends: parent } : {}), fields: [] });
  }, [name, params]);
  const draft = useDocumentDraft('recordType', name, initial);
  const working = useWorkingMetadata();
  const published = useWorkingMetadata(true).metadata?.snapshot ?? null;
  const access = useStudioAccess();
  const [selected, setSelected] = useState<number | null>(null);
  const doc = draft.doc as RecordTypeDoc | null;
  const snapshot = working.metadata?.snapshot ?? null;

  const readOnly = useMemo(() => {
    if (access.platformAdmin || !doc || !snapshot || !published) return false;
    const unit = unitOfDocument({ published, working: snapshot }, 'recordType', doc).unit;
    return !unit || !access.administeredUnits.includes(unit);
  }, [access, doc, snapshot, published]);

  const publishedDoc = (published?.recordTypes[name] as RecordTypeDoc | undefined) ?? null;
  const publishedFieldOf = useCallback(
    (f: FieldDoc): FieldDoc | null => {
      if (!publishedDoc) return null;
      const id = f.id ?? `${name}.${f.name}`;
      return publishedDoc.fields.find((p) => (p.id ?? `${name}.${p.name}`) === id) ?? null;
    },
    [publishedDoc, name],
  );
  const inherited = useMemo(() => {
    const model = working.metadata?.model;
    if (!model || !doc) return [];
    return (model.types.get(name)?.fields ?? []).filter((f) => f.owner !== name);
  }, [working.metadata?.model, doc, name]);
  const refusals = useConversionRefusals(name, draft.draftVersion > 0 && !draft.dirty);

  if (draft.status === 'error')
    return (
      <Alert color="red" icon={<IconAlertTriangle />} title="The metadata could not be read">
        {draft.loadError}
      </Alert>
    );
  if (draft.status === 'loading')
    return (
      <Group gap="xs">
        <Loader size="sm" />
        <Text c="dimmed">Loading the record type…</Text>
      </Group>
    );
  if (!doc)
    return (
      <Alert color="yellow" icon={<IconAlertTriangle />} title={`There is no record type "${name}"`}>
        It may have been removed, or the link is mistyped. Pick one from the list of record types.
      </Alert>
    );

  const setDoc = (next: RecordTypeDoc) => draft.setDoc(next);
  const onAdd = () => {
    const added = addField(doc, inherited.map((f) => f.name));
    setDoc(added.doc);
    setSelected(added.index);
  };
  const field = selected !== null ? doc.fields[selected] : undefined;

  return (
    <DocumentEditorFrame draft={draft} title={`Record type ${doc.label}`} parent={{ label: 'Record types', to: '/record-types' }} readOnly={readOnly}>
      {readOnly && (
        <Alert color="gray" variant="light" title="Read only">
          This record type belongs to a business unit you do not administer (or to the platform).
        </Alert>
      )}
      <TypeProperties doc={doc} onChange={setDoc} readOnly={readOnly} problems={draft.problems} fieldNames={[...inherited.map((f) => f.name), ...doc.fields.map((f) => f.name)]}
        inheritedDisplayField={doc.extends ? (working.metadata?.model?.types.get(doc.extends)?.displayField ?? null) : null}
      />
      <Grid gap="md" align="flex-start">
        <Grid.Col span={{ base: 12, lg: field ? 7 : 12 }}>
          <FieldsTable
            doc={doc}
            onChange={setDoc}
            readOnly={readOnly}
            problems={[...draft.problems, ...refusals.problems]}
            selected={selected}
            onSelect={setSelected}
            onAdd={onAdd}
            publishedFieldOf={publishedFieldOf}
          />
        </Grid.Col>
        {field && selected !== null && (
          <Grid.Col span={{ base: 12, lg: 5 }}>
            <FieldInspector
              key={selected}
              doc={doc}
              index={selected}
              onChange={setDoc}
              onClose={() => setSelected(null)}
              readOnly={readOnly}
              problems={draft.problems}
              refusals={refusals}
              published={publishedFieldOf(field)}
              recordTypes={snapshot ? (Object.values(snapshot.recordTypes) as RecordTypeDoc[]) : []}
              inheritedNames={inherited.map((f) => f.name)}
            />
          </Grid.Col>
        )}
      </Grid>
      {inherited.length > 0 && (
        <Paper withBorder p="md">
          <Stack gap="xs">
            <Group gap="xs">
              <Title order={3} size="h4">
                Inherited fields
              </Title>
              <Badge variant="light" color="gray">
                {inherited.length}
              </Badge>
            </Group>
            <Text size="sm" c="dimmed">
              Declared by {[...new Set(inherited.map((f) => f.owner))].join(', ')}; change them there.
            </Text>
            <InheritedFieldsTable fields={inherited} />
          </Stack>
        </Paper>
      )}
    </DocumentEditorFrame>
  );
}
