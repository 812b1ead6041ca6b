import { Alert, Anchor, Badge, Button, Group, Loader, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import { Link } from 'react-router';
import type { CaseTypeDoc } from '../../../schema/case/index.js';
import { StudioDraftsDocument } from '../graphql/generated/graphql.js';
import { useGqlQuery } from '../graphql/use-gql.js';
import { documentsInUnit, useUnitFilter, useWorkingMetadata } from '../metadata/index.js';
import { ErrorPanel } from '../shell/ErrorPanel.js';
import { caseTypeDraftNames, caseTypeParts } from './case-type-parts.js';

/** The case types of the unit chosen in the header: what each is made of, who submits, what is drafted. */
export function CaseTypesPage() {
  const [unit] = useUnitFilter();
  const working = useWorkingMetadata();
  const published = useWorkingMetadata(true);
  const drafts = useGqlQuery(StudioDraftsDocument);
  const search = unit ? `?unit=${encodeURIComponent(unit)}` : '';
  if (working.error) return <ErrorPanel title="The case types could not be read" message={working.error.message} />;
  if (!working.metadata || !published.metadata) return <Loader aria-label="Loading case types" m="xl" />;
  const snapshot = working.metadata.snapshot;
  const caseTypes = documentsInUnit(snapshot, published.metadata.snapshot, 'caseType', unit) as CaseTypeDoc[];
  const drafted = new Set((drafts.data?.metadataDrafts ?? []).map((d) => d.name));
  const criteriaLabel = (name: string) => snapshot.userCriteria[name]?.label ?? name;
  const unitLabel = unit ? (snapshot.businessUnits[unit]?.label ?? unit) : 'all units';

  return (
    <Stack gap="md">
      <Group justify="space-between" align="flex-end">
        <div>
          <Title order={2}>Case types</Title>
          <Text c="dimmed" size="sm">
            What {unitLabel} works on: each case type is a record type with its form, life cycle and access rules.
          </Text>
        </div>
        <Button component={Link} to={`/case-types/new${search}`} leftSection={<IconPlus size={16} />}>
          New case type
        </Button>
      </Group>
      {caseTypes.length === 0 ? (
        <Alert variant="light" title="No case types yet">
          Start one with the wizard: it makes the record type, form, states and access rules in one go.
        </Alert>
      ) : (
        <Paper withBorder>
          <Table verticalSpacing="sm" highlightOnHover>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Case type</Table.Th>
                <Table.Th>Record type</Table.Th>
                <Table.Th>State model</Table.Th>
                <Table.Th>Form</Table.Th>
                <Table.Th>Submitters</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {caseTypes.map((ct) => {
                const parts = caseTypeParts(snapshot, ct);
                const isDraft = caseTypeDraftNames(ct, parts).some((n) => drafted.has(n));
                return (
                  <Table.Tr key={ct.name}>
                    <Table.Td>
                      <Group gap="xs">
                        <Anchor component={Link} to={`/case-types/${ct.name}${search}`} fw={600}>
                          {parts.recordType?.label ?? ct.name}
                        </Anchor>
                        {isDraft && (
                          <Badge size="sm" variant="outline" color="indigo">
                            Draft
                          </Badge>
                        )}
                      </Group>
                      {ct.description && (
                        <Text size="xs" c="dimmed">
                          {ct.description}
                        </Text>
                      )}
                    </Table.Td>
                    <Table.Td>
                      <Text size="sm" ff="monospace">
                        {ct.name}
                      </Text>
                    </Table.Td>
                    <Table.Td>
                      <Text size="sm">{parts.stateModel?.label ?? '—'}</Text>
                    </Table.Td>
                    <Table.Td>
                      <Text size="sm">{parts.form?.label ?? '—'}</Text>
                    </Table.Td>
                    <Table.Td>
                      <Text size="sm">{ct.submitters.length ? ct.submitters.map(criteriaLabel).join(', ') : 'By access rules only'}</Text>
                    </Table.Td>
                  </Table.Tr>
                );
              })}
            </Table.Tbody>
          </Table>
        </Paper>
      )}
    </Stack>
  );
}
