import { Select } from '@mantine/core';
import { isDynamic, type ConditionOperator, type ConditionValue } from '../../../schema/condition/index.js';
import { useBuilderContext } from './builder-context.js';
import { rowErrorStyles } from './row-error-styles.js';
import { dynamicLabel, dynamicValuesFor } from './dynamic-values.js';
import type { TestableField } from './field-path.js';
import { isListOperator, takesNoValue } from './operators.js';
import { LiteralListEditor } from './LiteralListEditor.js';
import { LiteralValueEditor } from './LiteralValueEditor.js';

export interface ValueEditorProps {
  field: TestableField | undefined;
  op: ConditionOperator;
  value: ConditionValue | undefined;
  n: number;
  error: string | undefined;
  onChange: (value: ConditionValue | undefined) => void;
}

const SPECIFIC = '__specific';

/**
 * The value of a test, by field type and operator. Where dynamic values fit (me, my groups, now…) a "Value
 * source" select offers them first, then a specific value; the specific value's editor is always "Value of
 * condition N".
 */
export function ValueEditor({ field, op, value, n, error, onChange }: ValueEditorProps) {
  const { readOnly } = useBuilderContext();
  if (takesNoValue(op)) return null;
  const list = isListOperator(op);
  const dynamics = dynamicValuesFor(field, op);
  const current = isDynamic(value) ? value.dynamic : null;
  const reference = field?.type === 'reference';
  const specificLabel = reference ? (list ? 'Specific records' : 'A specific record') : list ? 'Specific values' : 'A specific value';
  const withSource = dynamics.length > 0 || current !== null;
  const sourceData = [
    ...dynamics.map((d) => ({ value: d, label: dynamicLabel(d) })),
    ...(current && !dynamics.includes(current) ? [{ value: current, label: dynamicLabel(current) }] : []),
    { value: SPECIFIC, label: specificLabel },
  ];
  return (
    <>
      {withSource && (
        <Select
          aria-label={`Value source of condition ${n}`}
          data={sourceData}
          value={current ?? SPECIFIC}
          allowDeselect={false}
          readOnly={readOnly}
          w={180}
          error={current ? error : undefined}
          styles={rowErrorStyles}
          onChange={(next) => {
            if (next === null) return;
            onChange(next === SPECIFIC ? undefined : { dynamic: next as (typeof dynamics)[number] });
          }}
        />
      )}
      {current === null &&
        (list ? (
          <LiteralListEditor field={field} value={value} label={`Value of condition ${n}`} error={error} onChange={onChange} />
        ) : (
          <LiteralValueEditor field={field} value={value} label={`Value of condition ${n}`} error={error} onChange={onChange} />
        ))}
    </>
  );
}

