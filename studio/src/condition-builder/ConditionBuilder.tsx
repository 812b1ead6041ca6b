import { Alert, Fieldset, Group, Stack, Switch, Text, VisuallyHidden } from '@mantine/core';
import { IconAlertTriangle, IconQuote } from '@tabler/icons-react';
import { useEffect, useMemo, useRef, useState, type CSSProperties } from 'react';
import { checkCondition, type Condition } from '../../../schema/condition/index.js';
import type { Model } from '../../../schema/metadata/index.js';
import { BuilderContext, type BuilderContextValue } from './builder-context.js';
import { ConditionGroup } from './ConditionGroup.js';
import { ConditionJsonEditor } from './ConditionJsonEditor.js';
import { numberNodes, rootView } from './condition-tree.js';
import { summarizeCondition } from './summarize-condition.js';

/**
 * THE CONTRACT every designer edits conditions through (ACL conditions, UI policies, state-model guards, user
 * criteria conditions). The props stay; optional ones may be added.
 */
export interface ConditionBuilderProps {
  /** The model conditions are checked against (from `useWorkingMetadata().metadata.model`). */
  model: Model;
  /** The record type the condition tests (`person` for a user criteria's condition). */
  recordType: string;
  /** The condition, or null/undefined for none (always true). */
  value: Condition | null | undefined;
  /** Called with every change; null when the condition is cleared. */
  onChange: (next: Condition | null) => void;
  /** Accessible name of the whole builder, e.g. "Condition of rule incident_read_caller". */
  label: string;
  /** Read-only view (a published version, a rule the user may not change). */
  readOnly?: boolean;
  /** Start in the JSON editor. */
  defaultJson?: boolean;
  /** Keep `label` for assistive technology only, where the page already titles the condition. */
  hideLabel?: boolean;
}

/**
 * Rows of field, operator and value in nested all/any groups, a plain-language summary, and the shared
 * checker's problems on the row they concern as the user edits; "Advanced: edit as JSON" shows the same
 * condition as text. Controlled: `value` is the truth, every edit is an `onChange` with a whole condition.
 */
export function ConditionBuilder({ model, recordType, value, onChange, label, readOnly = false, defaultJson = false, hideLabel = false }: ConditionBuilderProps) {
  const [json, setJson] = useState(defaultJson);
  const problems = useMemo(() => (value ? checkCondition(model, recordType, value, '') : []), [model, recordType, value]);
  const ctx = useMemo<BuilderContextValue>(() => {
    const { rows, groups } = numberNodes(value);
    return {
      model,
      recordType,
      readOnly,
      rowNumber: (at) => rows.get(at) ?? 0,
      groupNumber: (at) => groups.get(at) ?? 0,
      problemsAt: (testPath, part) => problems.filter((p) => p.path === `${testPath}.${part}`).map((p) => p.message),
    };
  }, [model, recordType, readOnly, value, problems]);
  // A row added (by button or key) takes the focus: the button that added it may be gone (the empty state).
  const fieldsetRef = useRef<HTMLFieldSetElement>(null);
  const rowsBefore = useRef(new Set(numberNodes(value).rows.keys()));
  const focusNewRow = useRef(false);
  useEffect(() => {
    const rows = numberNodes(value).rows;
    const added = [...rows].filter(([at]) => !rowsBefore.current.has(at)).map(([, n]) => n);
    rowsBefore.current = new Set(rows.keys());
    if (!focusNewRow.current || !added.length) return;
    focusNewRow.current = false;
    fieldsetRef.current?.querySelector<HTMLInputElement>(`[aria-label="Field of condition ${Math.max(...added)}"]`)?.focus();
  }, [value]);
  const emit = (next: Condition | null, addsRow = false) => {
    focusNewRow.current = addsRow;
    onChange(next);
  };

  // Problems no row shows: the record type itself, or all of them while the rows are hidden behind the JSON.
  const loose = json ? problems : problems.filter((p) => !/\.(field|op|value)$/.test(p.path));

  return (
    // Mantine's error red is 3.3:1 on white; inside the builder errors use a shade that passes WCAG AA.
    <Fieldset ref={fieldsetRef} legend={hideLabel ? <VisuallyHidden>{label}</VisuallyHidden> : label} variant="default" p="sm" style={{ '--mantine-color-error': 'var(--mantine-color-red-9)' } as CSSProperties}>
      <Stack gap="sm">
        <Group justify="space-between" gap="xs" wrap="nowrap">
          <Group gap={6} wrap="nowrap" align="flex-start">
            <IconQuote size={16} aria-hidden style={{ flexShrink: 0, marginTop: 2, color: 'var(--mantine-color-dimmed)' }} />
            <Text size="sm" role="status" aria-label="Summary" aria-live="polite">
              {summarizeCondition(model, recordType, value)}
            </Text>
          </Group>
          <Switch size="xs" label="Advanced: edit as JSON" checked={json} onChange={(e) => setJson(e.currentTarget.checked)} style={{ flexShrink: 0 }} />
        </Group>
        {json ? (
          <ConditionJsonEditor value={value} onChange={onChange} readOnly={readOnly} />
        ) : (
          <BuilderContext.Provider value={ctx}>
            <ConditionGroup view={rootView(value)} at="" depth={0} root onChange={emit} />
          </BuilderContext.Provider>
        )}
        {loose.map((p) => (
          <Alert key={p.path + p.message} color="red" variant="light" icon={<IconAlertTriangle size={16} />} p="xs">
            {p.path ? `${p.path.replace(/^\./, '')}: ` : ''}
            {p.message}
          </Alert>
        ))}
      </Stack>
    </Fieldset>
  );
}
