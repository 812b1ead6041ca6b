import { Alert, Code, Stack, Textarea } from '@mantine/core';
import { useState } from 'react';
import { checkCondition, Condition } from '../../../schema/condition/index.js';
import type { Model } from '../../../schema/metadata/index.js';
import { summarizeCondition } from './summarize-condition.js';

/**
 * THE CONTRACT every designer edits conditions through (ACL conditions, UI policies, state-model guards, user
 * criteria conditions). Placeholder body until the builder lands in this issue: a JSON editor checked by the
 * shared checker. The props stay.
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
}

export function ConditionBuilder({ model, recordType, value, onChange, label, readOnly }: ConditionBuilderProps) {
  const [text, setText] = useState(() => (value ? JSON.stringify(value, null, 2) : ''));
  const [error, setError] = useState<string | null>(null);
  const problems = value ? checkCondition(model, recordType, value, '') : [];
  return (
    <Stack gap="xs">
      <Textarea
        label={label}
        autosize
        minRows={3}
        readOnly={readOnly}
        value={text}
        onChange={(event) => {
          setText(event.currentTarget.value);
          if (!event.currentTarget.value.trim()) return (setError(null), onChange(null));
          try {
            const parsed = Condition.safeParse(JSON.parse(event.currentTarget.value));
            if (!parsed.success) return setError(parsed.error.issues[0]?.message ?? 'not a condition');
            setError(null);
            onChange(parsed.data);
          } catch (failure) {
            setError((failure as Error).message);
          }
        }}
        error={error}
      />
      {value && <Code block>{summarizeCondition(model, recordType, value)}</Code>}
      {problems.map((p) => (
        <Alert key={p.path + p.message} color="red" variant="light">
          {p.message}
        </Alert>
      ))}
    </Stack>
  );
}
