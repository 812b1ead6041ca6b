import { Badge, Group } from '@mantine/core';
import { STATE_CATEGORIES } from '../../../../schema/case/index.js';
import { CATEGORY_COLORS, CATEGORY_LABELS } from './category-colors.js';

/** What each node colour means. */
export function CategoryLegend() {
  return (
    <Group gap={6} role="list" aria-label="State categories">
      {STATE_CATEGORIES.map((c) => (
        <Badge key={c} role="listitem" color={CATEGORY_COLORS[c]} variant="dot" size="sm">
          {CATEGORY_LABELS[c]}
        </Badge>
      ))}
    </Group>
  );
}
