import { Grid, Loader, MultiSelect, Paper, Select, Stack, Text, Textarea } from '@mantine/core';
import { useParams } from 'react-router';
import { DocumentEditorFrame, useDocumentDraft, useUnitFilter, useWorkingMetadata } from '../metadata/index.js';
import { ErrorPanel } from '../shell/ErrorPanel.js';
import { useStudioAccess } from '../shell/studio-context.js';
import { CaseTypeMakeup } from './CaseTypeMakeup.js';
import { caseTypeParts } from './case-type-parts.js';

/** One case type: what it is made of (links) and its own properties, edited as a draft. */
export function CaseTypePage() {
  const name = useParams().name ?? '';
  const access = useStudioAccess();
  const [unit] = useUnitFilter();
  const draft = useDocumentDraft('caseType', name);
  const { metadata } = useWorkingMetadata();
  const search = unit ? `?unit=${encodeURIComponent(unit)}` : '';
  if (draft.status === 'error') return <ErrorPanel title="The case type could not be read" message={draft.loadError ?? ''} />;
  if (draft.status === 'loading' || !metadata) return <Loader aria-label="Loading the case type" m="xl" />;
  const doc = draft.doc;
  if (!doc) return <ErrorPanel title={`There is no case type "${name}"`} message="It may have been removed, or the link is mistyped. The list of case types shows what exists." />;
  const snapshot = metadata.snapshot;
  const readOnly = !access.platformAdmin && !access.administeredUnits.includes(doc.businessUnit);
  const criteria = Object.values(snapshot.userCriteria)
    .map((c) => ({ value: c.name, label: c.label }))
    .sort((a, b) => a.label.localeCompare(b.label));
  const forms = caseTypeParts(snapshot, doc).forms.map((f) => ({ value: f.name, label: f.label }));
  const label = snapshot.recordTypes[name]?.label ?? name;
  const problemAt = (field: string) => draft.problems.find((p) => p.path === `caseTypes.${name}.${field}` || p.path.startsWith(`caseTypes.${name}.${field}.`))?.message;

  return (
    <DocumentEditorFrame draft={draft} title={`Case type ${label}`} parent={{ label: 'Case types', to: `/case-types${search}` }} readOnly={readOnly}>
      {readOnly && (
        <Text size="sm" c="dimmed">
          This case type belongs to {snapshot.businessUnits[doc.businessUnit]?.label ?? doc.businessUnit}, which you do not administer: you can look, not change.
        </Text>
      )}
      <Grid gap="lg">
        <Grid.Col span={{ base: 12, md: 7 }}>
          <Paper withBorder p="md">
            <Stack gap="md">
              <Text size="sm">
                Business unit: <b>{snapshot.businessUnits[doc.businessUnit]?.label ?? doc.businessUnit}</b>
              </Text>
              <Textarea label="Description" autosize minRows={2} readOnly={readOnly} value={doc.description ?? ''} onChange={(e) => {
                  const description = e.currentTarget.value || undefined;
                  draft.setDoc((d) => ({ ...d, description }));
                }} />
              <MultiSelect
                label="Submitters"
                description="Users matching any of these criteria may submit a case; none: the access rules alone decide"
                data={criteria}
                searchable
                readOnly={readOnly}
                value={doc.submitters}
                onChange={(submitters) => draft.setDoc((d) => ({ ...d, submitters }))}
                error={problemAt('submitters')}
              />
              <MultiSelect
                label="Fulfillers"
                description="Users matching any of these criteria work the cases"
                data={criteria}
                searchable
                readOnly={readOnly}
                value={doc.fulfillers}
                onChange={(fulfillers) => draft.setDoc((d) => ({ ...d, fulfillers }))}
                error={problemAt('fulfillers')}
              />
              <Select
                label="Default form"
                description="Shown when a case opens; none chosen: the first form by name"
                data={forms}
                clearable
                readOnly={readOnly}
                value={doc.defaultForm ?? null}
                onChange={(v) => draft.setDoc((d) => ({ ...d, defaultForm: v ?? undefined }))}
                error={problemAt('defaultForm')}
              />
            </Stack>
          </Paper>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 5 }}>
          <CaseTypeMakeup snapshot={snapshot} caseType={doc} />
        </Grid.Col>
      </Grid>
    </DocumentEditorFrame>
  );
}
