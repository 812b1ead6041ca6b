import { Badge, Group, Paper, Select, SimpleGrid, Stack, Text, Textarea, TextInput, Title } from '@mantine/core';
import type { MetadataProblem, RecordTypeDoc } from '../../../schema/metadata/index.js';
import { messageOf } from './field-problems.js';

export interface TypePropertiesProps {
  doc: RecordTypeDoc;
  onChange: (doc: RecordTypeDoc) => void;
  readOnly: boolean;
  problems: readonly MetadataProblem[];
  /** Every field a record of the type has (inherited first), for the display field. */
  fieldNames: readonly string[];
  /** The display field the type inherits when it names none. */
  inheritedDisplayField?: string | null;
}

/** The record type's own properties; its name is fixed (it names the table and the GraphQL type). */
export function TypeProperties({ doc, onChange, readOnly, problems, fieldNames, inheritedDisplayField }: TypePropertiesProps) {
  const at = (prop: string) => messageOf(problems.filter((p) => p.path === `${doc.name}.${prop}` || p.path.startsWith(`${doc.name}.${prop}.`)));
  const set = (patch: Partial<RecordTypeDoc>) => {
    const next = { ...doc, ...patch } as Record<string, unknown>;
    for (const k of Object.keys(patch)) if (next[k] === undefined) delete next[k];
    onChange(next as RecordTypeDoc);
  };
  return (
    <Paper withBorder p="md">
      <Stack gap="sm">
        <Group gap="xs">
          <Title order={3} size="h4">
            Properties
          </Title>
          <Text size="sm" c="dimmed" ff="monospace">
            {doc.name}
          </Text>
          {doc.extends && (
            <Badge variant="light" color="gray" tt="none">
              extends {doc.extends}
            </Badge>
          )}
          {doc.abstract && (
            <Badge variant="outline" color="gray">
              Abstract
            </Badge>
          )}
        </Group>
        <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md" verticalSpacing="sm">
          <TextInput label="Label" required readOnly={readOnly} value={doc.label} error={at('label')} onChange={(e) => set({ label: e.currentTarget.value })} />
          <TextInput
            label="Plural label"
            readOnly={readOnly}
            value={doc.pluralLabel ?? ''}
            error={at('pluralLabel')}
            onChange={(e) => set({ pluralLabel: e.currentTarget.value || undefined })}
          />
          <TextInput
            label="Number prefix"
            description="Records are numbered with it, e.g. INC0001001"
            readOnly={readOnly}
            value={doc.numberPrefix ?? ''}
            error={at('numberPrefix')}
            onChange={(e) => set({ numberPrefix: e.currentTarget.value || undefined })}
          />
          <Select
            label="Display field"
            description="What a reference to one of its records shows"
            readOnly={readOnly}
            clearable
            searchable
            placeholder={inheritedDisplayField ? `${inheritedDisplayField} (inherited)` : doc.numberPrefix ? 'None: references show the record number' : 'None'}
            value={doc.displayField ?? null}
            error={at('displayField')}
            data={[...new Set([...fieldNames, ...(doc.displayField ? [doc.displayField] : [])])]}
            onChange={(value) => set({ displayField: value ?? undefined })}
          />
        </SimpleGrid>
        <Textarea
          label="Description"
          readOnly={readOnly}
          autosize
          minRows={2}
          value={doc.description ?? ''}
          error={at('description')}
          onChange={(e) => set({ description: e.currentTarget.value || undefined })}
        />
      </Stack>
    </Paper>
  );
}
