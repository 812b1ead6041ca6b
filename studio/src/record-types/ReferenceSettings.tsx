import { Select, SimpleGrid, TextInput } from '@mantine/core';
import type { FieldDoc, RecordTypeDoc } from '../../../schema/metadata/index.js';

export interface ReferenceSettingsProps {
  field: FieldDoc;
  /** The field as published: pointing a published reference elsewhere is refused while records still refer. */
  published?: FieldDoc | null;
  recordTypes: readonly RecordTypeDoc[];
  onChange: (patch: Pick<FieldDoc, 'reference' | 'reverseName'>) => void;
  readOnly: boolean;
  referenceError?: string | null;
  reverseNameError?: string | null;
}

/** The target of a reference and the name of the list of referring records it gets on the target. */
export function ReferenceSettings({ field, published, recordTypes, onChange, readOnly, referenceError, reverseNameError }: ReferenceSettingsProps) {
  const data = recordTypes
    .filter((t) => !t.archived || t.name === field.reference)
    .map((t) => ({ value: t.name, label: `${t.label} (${t.name})` }))
    .sort((a, b) => a.label.localeCompare(b.label));
  return (
    <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
      <Select
        label="Refers to"
        description={
          published?.type === 'reference' && published.reference && published.reference !== field.reference
            ? `Was ${published.reference}: the publish refuses while records still refer to one`
            : 'The record type it points to'
        }
        required
        searchable
        readOnly={readOnly}
        nothingFoundMessage="No record type matches"
        value={field.reference ?? null}
        error={referenceError}
        data={data}
        onChange={(value) => onChange({ reference: value ?? undefined, reverseName: field.reverseName })}
      />
      <TextInput
        label="Reverse name"
        description={field.reference ? `The list of these records on ${field.reference}` : 'The list of these records on the target'}
        placeholder="e.g. incidents"
        readOnly={readOnly}
        value={field.reverseName ?? ''}
        error={reverseNameError}
        onChange={(e) => onChange({ reference: field.reference, reverseName: e.currentTarget.value || undefined })}
      />
    </SimpleGrid>
  );
}
