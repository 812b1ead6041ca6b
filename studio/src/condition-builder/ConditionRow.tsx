import { ActionIcon, Badge, Group, Menu, Select, Stack, Text } from '@mantine/core';
import { IconAlertCircle, IconBracketsContain, IconCopy, IconDots, IconSwitch2, IconTrash } from '@tabler/icons-react';
import type { Condition, FieldTest } from '../../../schema/condition/index.js';
import { useBuilderContext } from './builder-context.js';
import { rowErrorStyles } from './row-error-styles.js';
import { fieldAtPath } from './field-path.js';
import { FieldPathPicker } from './FieldPathPicker.js';
import { fitValue, testOf, testPath, type GroupMode } from './condition-tree.js';
import { operatorLabel, operatorsFor } from './operators.js';
import { ValueEditor } from './ValueEditor.js';

export interface ConditionRowProps {
  /** A field test, or a negated one. */
  node: Condition;
  at: string;
  parentMode: GroupMode;
  /** The row's replacement; null removes it. */
  onChange: (next: Condition | null) => void;
  /** Adds a copy of the row below it. */
  onDuplicate: () => void;
}

/** Two fields take the same values when they have the same type, target and choices. */
function sameValues(a: ReturnType<typeof fieldAtPath>, b: ReturnType<typeof fieldAtPath>): boolean {
  return !!a && !!b && a.type === b.type && a.reference === b.reference && JSON.stringify(a.choices ?? []) === JSON.stringify(b.choices ?? []);
}

/** One test: field (with its path), operator, value; negate, put in a group of its own, remove. */
export function ConditionRow({ node, at, parentMode, onChange, onDuplicate }: ConditionRowProps) {
  const { model, recordType, readOnly, rowNumber, problemsAt } = useBuilderContext();
  const test = testOf(node)!;
  const negated = test !== node;
  const n = rowNumber(at);
  const path = testPath(node, at);
  const field = fieldAtPath(model, recordType, test.field);
  const update = (next: FieldTest) => onChange(negated ? { not: next } : next);
  const message = (part: 'field' | 'op' | 'value') => problemsAt(path, part).join('; ') || undefined;

  const ops = field ? operatorsFor(field.type) : [];
  const opData = ops.map((op) => ({ value: op, label: operatorLabel(op, field?.type) }));
  if (!ops.includes(test.op)) opData.push({ value: test.op, label: operatorLabel(test.op, field?.type) });

  const changeField = (nextPath: string) => {
    const nextField = fieldAtPath(model, recordType, nextPath);
    const nextOps = nextField ? operatorsFor(nextField.type) : [];
    const op = nextOps.includes(test.op) || !nextOps.length ? test.op : nextOps[0];
    const keep = sameValues(field, nextField) && op === test.op;
    update(fitValue(model, recordType, { field: nextPath, op, ...(keep && test.value !== undefined ? { value: test.value } : {}) }));
  };

  const shown = (['field', 'op', 'value'] as const).flatMap((part) => problemsAt(path, part));

  return (
    <Stack gap={4}>
      {/* The controls wrap on a narrow page; the row's actions stay at its top right. */}
      <Group gap="xs" align="flex-start" wrap="nowrap">
        <Group gap="xs" align="flex-start" wrap="wrap" style={{ flex: 1, minWidth: 0 }}>
          {negated && (
            <Badge color="red" variant="light" mt={8} title="This condition is negated">
              Not
            </Badge>
          )}
          <FieldPathPicker path={test.field} n={n} error={message('field')} onChange={changeField} />
          <Select
            aria-label={`Operator of condition ${n}`}
            data={opData}
            value={test.op}
            allowDeselect={false}
            readOnly={readOnly}
            w={150}
            error={message('op')}
            styles={rowErrorStyles}
            onChange={(op) => op && update(fitValue(model, recordType, { ...test, op: op as FieldTest['op'] }))}
          />
          <ValueEditor
            field={field}
            op={test.op}
            value={test.value}
            n={n}
            error={message('value')}
            onChange={(value) => {
              const { value: _old, ...rest } = test;
              update(value === undefined ? rest : { ...rest, value });
            }}
          />
        </Group>
        {!readOnly && (
          <Group gap={2} wrap="nowrap">
            <Menu position="bottom-end" withinPortal>
              <Menu.Target>
                <ActionIcon variant="subtle" color="gray" size="lg" aria-label={`More actions for condition ${n}`}>
                  <IconDots size={16} />
                </ActionIcon>
              </Menu.Target>
              <Menu.Dropdown>
                <Menu.Item leftSection={<IconSwitch2 size={14} />} onClick={() => onChange(negated ? test : { not: test })}>
                  {negated ? 'Remove negation' : 'Negate'}
                </Menu.Item>
                <Menu.Item leftSection={<IconCopy size={14} />} onClick={onDuplicate}>
                  Duplicate
                </Menu.Item>
                <Menu.Item
                  leftSection={<IconBracketsContain size={14} />}
                  onClick={() => onChange(parentMode === 'and' ? { or: [node] } : { and: [node] })}
                >
                  Put in a group
                </Menu.Item>
              </Menu.Dropdown>
            </Menu>
            <ActionIcon variant="subtle" color="red" size="lg" aria-label={`Remove condition ${n}`} onClick={() => onChange(null)}>
              <IconTrash size={16} />
            </ActionIcon>
          </Group>
        )}
      </Group>
      {shown.map((m) => (
        // Screen readers hear it from the control it concerns (aria-describedby); this is the visible copy.
        <Group key={m} gap={6} wrap="nowrap" align="flex-start" aria-hidden>
          <IconAlertCircle size={14} color="var(--mantine-color-red-9)" style={{ flexShrink: 0, marginTop: 2 }} />
          <Text size="xs" c="red.9">
            {m}
          </Text>
        </Group>
      ))}
    </Stack>
  );
}
