import { Alert, Anchor, Badge, Button, Group, Loader, Paper, Select, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import { useMemo, useState } from 'react';
import { Link, useNavigate } from 'react-router';
import type { FormDoc } from '../../../schema/form/index.js';
import { liveTypes, nameProblem, unitOfRecordType } from '../../../schema/metadata/index.js';
import { documentsInUnit, useUnitFilter, useWorkingMetadata } from '../metadata/index.js';
import { useStudioAccess } from '../shell/studio-context.js';
import { StudioDraftsDocument } from '../graphql/generated/graphql.js';
import { useGqlQuery } from '../graphql/use-gql.js';

/** The forms of the chosen business unit, by record type, and a new form for a type of the unit. */
export function FormsPage() {
  const [unit] = useUnitFilter();
  const access = useStudioAccess();
  const working = useWorkingMetadata();
  const published = useWorkingMetadata(true);
  const drafts = useGqlQuery(StudioDraftsDocument);
  const navigate = useNavigate();
  const [type, setType] = useState<string | null>(null);
  const [name, setName] = useState('');

  const snapshot = working.metadata?.snapshot;
  const publishedSnapshot = published.metadata?.snapshot;
  const model = working.metadata?.model;
  const forms = useMemo(() => (snapshot && publishedSnapshot ? (documentsInUnit(snapshot, publishedSnapshot, 'form', unit) as FormDoc[]) : []), [snapshot, publishedSnapshot, unit]);
  const types = useMemo(() => {
    if (!model || !snapshot || !publishedSnapshot) return [];
    return liveTypes(model).filter((t) => {
      if (t.abstract) return false;
      const placement = unitOfRecordType({ published: publishedSnapshot, working: snapshot }, t.name);
      if (unit !== null) return placement.unit === unit;
      return access.platformAdmin || (placement.unit !== null && access.administeredUnits.includes(placement.unit));
    });
  }, [model, snapshot, publishedSnapshot, unit, access]);

  if (working.error) return <Alert color="red" title="The metadata could not be read">{working.error.message}</Alert>;
  if (!snapshot || !publishedSnapshot || !model) return <Loader aria-label="Loading forms" />;

  const drafted = new Set((drafts.data?.metadataDrafts ?? []).filter((d) => d.kind === 'FORM' || d.name.startsWith('form:')).map((d) => d.name.replace(/^form:/, '')));
  const search = unit ? `?unit=${encodeURIComponent(unit)}` : '';
  const problem = name ? (nameProblem(name) ?? (snapshot.forms[name] ? `a form "${name}" exists already` : null)) : null;
  const byType = [...new Set(forms.map((f) => f.recordType))].sort();
  const create = () => {
    if (!type || !name || problem) return;
    navigate(`/forms/${name}?${unit ? `unit=${encodeURIComponent(unit)}&` : ''}type=${encodeURIComponent(type)}`);
  };

  return (
    <Stack gap="lg">
      <div>
        <Title order={2}>Forms</Title>
        <Text c="dimmed" size="sm">
          How agents see records: sections and columns of fields, and the UI policies that make fields mandatory, hidden or read-only.
        </Text>
      </div>
      <Paper withBorder p="md" radius="md" component="section" aria-label="New form">
        <Group align="flex-end" gap="sm">
          <Select
            label="Record type"
            description="The records the form lays out"
            placeholder={types.length ? 'Pick a type' : 'No types in this unit'}
            searchable
            data={types.map((t) => ({ value: t.name, label: `${t.doc.label} (${t.name})` }))}
            value={type}
            onChange={(v) => {
              setType(v);
              if (v && !name) setName(snapshot.forms[v] ? `${v}_agent` : v);
            }}
            w={300}
          />
          <TextInput label="Form name" description="Lower case, digits and _" value={name} error={problem} onChange={(e) => setName(e.currentTarget.value)} w={260} />
          <Button leftSection={<IconPlus size={16} />} disabled={!type || !name || !!problem} onClick={create}>
            New form
          </Button>
        </Group>
      </Paper>
      {forms.length === 0 ? (
        <Text c="dimmed">No forms in this unit yet.</Text>
      ) : (
        <Table highlightOnHover verticalSpacing="sm" aria-label="Forms by record type">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Record type</Table.Th>
              <Table.Th>Form</Table.Th>
              <Table.Th>Layout</Table.Th>
              <Table.Th>UI policies</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {byType.flatMap((t) =>
              forms
                .filter((f) => f.recordType === t)
                .map((f, i) => (
                  <Table.Tr key={f.name}>
                    <Table.Td>{i === 0 ? <Text fw={500}>{model.types.get(t)?.doc.label ?? t}</Text> : null}</Table.Td>
                    <Table.Td>
                      <Group gap="xs">
                        <Anchor component={Link} to={`/forms/${f.name}${search}`}>
                          {f.label ?? f.name}
                        </Anchor>
                        <Text size="xs" c="dimmed" ff="monospace">
                          {f.name}
                        </Text>
                        {drafted.has(f.name) && (
                          <Badge size="xs" variant="light">
                            Draft
                          </Badge>
                        )}
                      </Group>
                    </Table.Td>
                    <Table.Td>
                      <Text size="sm">
                        {f.sections.length} section{f.sections.length === 1 ? '' : 's'}, {f.sections.flatMap((s) => s.columns.flat()).length} fields
                      </Text>
                    </Table.Td>
                    <Table.Td>
                      <Text size="sm">{Object.values(snapshot.uiPolicies).filter((p) => p.recordType === t).length}</Text>
                    </Table.Td>
                  </Table.Tr>
                )),
            )}
          </Table.Tbody>
        </Table>
      )}
    </Stack>
  );
}
