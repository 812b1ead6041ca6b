import { Textarea } from '@mantine/core';
import { useState } from 'react';
import { Condition } from '../../../schema/condition/index.js';

export interface ConditionJsonEditorProps {
  value: Condition | null | undefined;
  onChange: (next: Condition | null) => void;
  readOnly: boolean;
}

/** Where a zod issue is, as a person reads it: "at and.1.op". */
function issueText(issue: { path: PropertyKey[]; message: string }): string {
  return issue.path.length ? `${issue.message} (at ${issue.path.map(String).join('.')})` : issue.message;
}

function pretty(value: Condition | null | undefined): string {
  return value ? JSON.stringify(value, null, 2) : '';
}

/**
 * The condition as JSON, for pasting and for what the rows cannot show at a glance. Each edit that parses as a
 * condition is passed on; text that does not keeps its error inline and changes nothing. Empty is no condition.
 */
export function ConditionJsonEditor({ value, onChange, readOnly }: ConditionJsonEditorProps) {
  const [text, setText] = useState(() => pretty(value));
  const [error, setError] = useState<string | null>(null);
  // The condition as this editor last passed it on (or was given it): a different one came from outside
  // (Discard, a draft restored), so the text shows it instead of the edits it replaced.
  const [seen, setSeen] = useState(() => JSON.stringify(value ?? null));
  const incoming = JSON.stringify(value ?? null);
  if (incoming !== seen) {
    setSeen(incoming);
    setText(pretty(value));
    setError(null);
  }
  const pass = (next: Condition | null) => {
    setSeen(JSON.stringify(next));
    onChange(next);
  };
  return (
    <Textarea
      label="Condition as JSON"
      description='The condition language: {"and": [...]}, {"or": [...]}, {"not": ...}, {"field": "priority", "op": "in", "value": [1, 2]}. Empty means always.'
      autosize
      minRows={4}
      maxRows={24}
      spellCheck={false}
      readOnly={readOnly}
      value={text}
      error={error}
      styles={{ input: { fontFamily: 'var(--mantine-font-family-monospace)', fontSize: 'var(--mantine-font-size-xs)' } }}
      onChange={(event) => {
        const next = event.currentTarget.value;
        setText(next);
        if (!next.trim()) {
          setError(null);
          return pass(null);
        }
        let raw: unknown;
        try {
          raw = JSON.parse(next);
        } catch (failure) {
          return setError(`Not JSON: ${(failure as Error).message}`);
        }
        const parsed = Condition.safeParse(raw);
        if (!parsed.success) return setError(`Not a condition: ${issueText(parsed.error.issues[0] ?? { path: [], message: 'unknown shape' })}`);
        setError(null);
        pass(parsed.data);
      }}
    />
  );
}
