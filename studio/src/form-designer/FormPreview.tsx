import { Button, Group, Paper, SegmentedControl, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { IconEyeOff, IconRefresh } from '@tabler/icons-react';
import { useMemo, useState } from 'react';
import { checkCondition } from '../../../schema/condition/index.js';
import { evaluateUiPolicies, type FormDoc, type UiPolicyDoc } from '../../../schema/form/index.js';
import type { Model } from '../../../schema/metadata/index.js';
import { PreviewField } from './PreviewField.js';
import { RealRecordPreview } from './RealRecordPreview.js';
import { previewContext, sampleRecord } from './sample-record.js';

export interface FormPreviewProps {
  model: Model;
  /** The form as it is being edited (unsaved layout included). */
  form: FormDoc;
  /** Every UI policy to consider (the evaluator picks those of the type and its ancestors). */
  policies: UiPolicyDoc[];
}

/**
 * The form as an agent would see it. On a sample record, the values typed here run through the shared
 * `schema/form` evaluator on every keystroke, with the policies as edited (unsaved ones too): mandatory fields get
 * their mark, hidden ones disappear, read-only ones lock. On a real record, the server's own answer for it.
 */
export function FormPreview({ model, form, policies }: FormPreviewProps) {
  const [mode, setMode] = useState<'sample' | 'real'>('sample');
  return (
    <Paper withBorder p="md" radius="md" component="section" aria-label="Preview">
      <Stack gap="sm">
        <Group justify="space-between" wrap="nowrap">
          <Title order={3} size="h4">
            Preview
          </Title>
          <SegmentedControl
            size="xs"
            aria-label="Preview on"
            value={mode}
            onChange={(v) => setMode(v as 'sample' | 'real')}
            data={[
              { value: 'sample', label: 'Sample record' },
              { value: 'real', label: 'Real record' },
            ]}
          />
        </Group>
        {mode === 'sample' ? <SamplePreview model={model} form={form} policies={policies} /> : <RealRecordPreview model={model} form={form} />}
      </Stack>
    </Paper>
  );
}

function SamplePreview({ model, form, policies }: FormPreviewProps) {
  const type = model.types.get(form.recordType);
  const [row, setRow] = useState<Record<string, unknown>>(() => (type ? sampleRecord(type) : {}));
  // A policy whose condition is half built (a test without its value yet) would not publish; the preview leaves it
  // out, and says so, rather than failing while the admin is still typing it.
  const [usable, unfinished] = useMemo(() => {
    const ok: UiPolicyDoc[] = [];
    const bad: string[] = [];
    for (const p of policies) {
      if (p.condition && checkCondition(model, p.recordType, p.condition, '').length) bad.push(p.name);
      else ok.push(p);
    }
    return [ok, bad] as const;
  }, [model, policies]);
  const states = useMemo(() => evaluateUiPolicies(model, form.recordType, usable, row, previewContext()), [model, form.recordType, usable, row]);
  if (!type) return <Text c="dimmed">The record type "{form.recordType}" does not exist.</Text>;
  const fields = new Map(type.activeFields.map((f) => [f.name, f]));
  const hidden = [...new Set(form.sections.flatMap((s) => s.columns.flat()))].filter((name) => states.get(name)?.visible === false);
  return (
    <Stack gap="md">
      <Group justify="space-between" gap="xs">
        <Text size="xs" c="dimmed">
          Type values to see the UI policies react.
        </Text>
        <Button size="compact-xs" variant="subtle" leftSection={<IconRefresh size={14} />} onClick={() => setRow(sampleRecord(type))}>
          Reset values
        </Button>
      </Group>
      {unfinished.length > 0 && (
        <Text size="xs" c="orange.9">
          Not applied until their condition is complete: {unfinished.join(', ')}
        </Text>
      )}
      {form.sections.map((section, s) => (
        <Stack key={s} gap="xs">
          {section.label && (
            <Text fw={600} size="sm" c="dimmed" tt="uppercase">
              {section.label}
            </Text>
          )}
          <SimpleGrid cols={section.columns.length} spacing="md" verticalSpacing="xs">
            {section.columns.map((column, c) => (
              <Stack key={c} gap="xs">
                {column.map((name) => {
                  const field = fields.get(name);
                  const state = states.get(name);
                  if (!field || !state || !state.visible) return null;
                  return <PreviewField key={name} field={field} state={state} value={row[name]} onChange={(value) => setRow((prev) => ({ ...prev, [name]: value }))} />;
                })}
              </Stack>
            ))}
          </SimpleGrid>
        </Stack>
      ))}
      {hidden.length > 0 && (
        <Group gap={6} aria-live="polite">
          <IconEyeOff size={14} aria-hidden />
          <Text size="xs" c="dimmed">
            Hidden by UI policies: {hidden.map((n) => fields.get(n)?.label ?? n).join(', ')}
          </Text>
        </Group>
      )}
    </Stack>
  );
}
