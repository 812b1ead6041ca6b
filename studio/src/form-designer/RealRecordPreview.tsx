import { Alert, Badge, Group, Loader, Select, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import { IconEyeOff, IconLock } from '@tabler/icons-react';
import { useState } from 'react';
import type { FormDoc } from '../../../schema/form/index.js';
import type { Model } from '../../../schema/metadata/index.js';
import { FormDesignerPreviewRecordDocument, FormDesignerRecentTasksDocument } from '../graphql/generated/graphql.js';
import { useGqlQuery } from '../graphql/use-gql.js';

/**
 * The form on a real record, as the server shows it to the signed-in admin. The record API is generated per type,
 * so the studio has no typed way to read any record's values; it asks the FormPlugin's `form(type, recordId, name)`
 * instead, which answers each field's state on the stored record — the published layout and policies evaluated by
 * the same `schema/form` code. Records of task types are offered by number (the `tasks` listing spans them); any
 * other record is named by its id.
 */
export function RealRecordPreview({ model, form }: { model: Model; form: FormDoc }) {
  const type = model.types.get(form.recordType);
  const isTask = !!type && (type.name === 'task' || type.ancestors.includes('task')) && !!type.numberPrefix;
  const [recordId, setRecordId] = useState<string | null>(null);
  const recent = useGqlQuery(FormDesignerRecentTasksDocument, { prefix: type?.numberPrefix ?? '' }, { enabled: isTask });
  const effective = useGqlQuery(FormDesignerPreviewRecordDocument, { type: form.recordType, recordId, name: form.name }, { enabled: !!recordId, retry: false });
  return (
    <Stack gap="sm">
      {isTask ? (
        <Select
          label="Record"
          placeholder={recent.isLoading ? 'Loading records…' : 'Pick a record'}
          searchable
          nothingFoundMessage="No records"
          data={(recent.data?.tasks.nodes ?? []).map((t) => ({ value: t.id, label: `${t.number} · ${t.shortDescription}` }))}
          value={recordId}
          onChange={setRecordId}
        />
      ) : (
        <TextInput label="Record id" description="The record's global id" value={recordId ?? ''} onChange={(e) => setRecordId(e.currentTarget.value.trim() || null)} />
      )}
      <Text size="xs" c="dimmed">
        As the server shows it to you: the published form and UI policies on the stored record. Save and publish to see your edits here.
      </Text>
      {effective.isLoading && recordId && <Loader size="sm" aria-label="Loading the record's form" />}
      {effective.error && (
        <Alert color="red" variant="light" title="The server could not show this record's form">
          {effective.error.message}
        </Alert>
      )}
      {effective.data && (
        <Stack gap="md">
          {effective.data.form.sections.map((section, s) => (
            <Stack key={s} gap={6}>
              {section.label && (
                <Text fw={600} size="sm" c="dimmed" tt="uppercase">
                  {section.label}
                </Text>
              )}
              <SimpleGrid cols={Math.max(1, section.columns.length)} spacing="md" verticalSpacing={6}>
                {section.columns.map((column, c) => (
                  <Stack key={c} gap={6}>
                    {column.map((f) => (
                      <Group key={f.name} gap={6} wrap="nowrap" opacity={f.state.visible ? 1 : 0.55}>
                        <Text size="sm">
                          {f.label}
                          {f.state.mandatory && (
                            <Text span c="red.8" aria-label="mandatory">
                              {' '}
                              *
                            </Text>
                          )}
                        </Text>
                        {f.state.readOnly && <IconLock size={14} aria-label="Read-only" />}
                        {!f.state.visible && (
                          <Badge size="xs" variant="light" color="gray" leftSection={<IconEyeOff size={10} />}>
                            hidden
                          </Badge>
                        )}
                      </Group>
                    ))}
                  </Stack>
                ))}
              </SimpleGrid>
            </Stack>
          ))}
        </Stack>
      )}
    </Stack>
  );
}
