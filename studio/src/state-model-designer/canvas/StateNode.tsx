import { Badge, Group, Text } from '@mantine/core';
import { IconAlertTriangle, IconPlayerPlayFilled } from '@tabler/icons-react';
import { Handle, Position, type Node, type NodeProps } from '@xyflow/react';
import { memo } from 'react';
import type { StateDoc } from '../../../../schema/case/index.js';
import { NODE_HEIGHT, NODE_WIDTH } from '../layout/node-size.js';
import { CATEGORY_COLORS, CATEGORY_LABELS } from './category-colors.js';

export interface StateNodeData extends Record<string, unknown> {
  state: StateDoc;
  initial: boolean;
  /** A lint finding points at this state. */
  flagged: boolean;
}

export type StateFlowNode = Node<StateNodeData, 'state'>;

/**
 * A state on the canvas: coloured by category, the initial state marked. Memoised: dragging one node of 200
 * re-renders that one only (the canvas hands unchanged nodes back as the same objects).
 */
export const StateNode = memo(function StateNode({ data, selected }: NodeProps<StateFlowNode>) {
  const color = CATEGORY_COLORS[data.state.category];
  const edge = selected ? 'var(--mantine-color-blue-6)' : data.flagged ? 'var(--mantine-color-red-5)' : 'var(--mantine-color-gray-4)';
  return (
    <div
      className="state-node"
      data-category={data.state.category}
      style={{
        width: NODE_WIDTH,
        minHeight: NODE_HEIGHT,
        boxSizing: 'border-box',
        background: 'var(--mantine-color-body)',
        borderStyle: 'solid',
        borderWidth: '1px 1px 1px 6px',
        borderColor: `${edge} ${edge} ${edge} var(--mantine-color-${color}-6)`,
        borderRadius: 8,
        padding: '6px 10px',
        boxShadow: selected ? '0 0 0 3px var(--mantine-color-blue-2)' : '0 1px 2px rgba(0,0,0,0.08)',
      }}
    >
      <Handle type="target" position={Position.Top} />
      <Group gap={6} wrap="nowrap" justify="space-between">
        <Text size="sm" fw={600} truncate>
          {data.state.label}
        </Text>
        <Group gap={4} wrap="nowrap">
          {data.flagged && <IconAlertTriangle size={14} color="var(--mantine-color-red-7)" aria-label="Has a lint finding" />}
          {data.initial && (
            <Badge size="xs" color="dark" variant="filled" leftSection={<IconPlayerPlayFilled size={8} />}>
              Initial
            </Badge>
          )}
        </Group>
      </Group>
      <Group gap={6} wrap="nowrap" justify="space-between" mt={2}>
        <Text size="xs" c="dimmed" ff="monospace" truncate>
          {data.state.name}
        </Text>
        <Badge size="xs" color={color} variant="dot">
          {CATEGORY_LABELS[data.state.category]}
        </Badge>
      </Group>
      <Handle type="source" position={Position.Bottom} />
    </div>
  );
});
