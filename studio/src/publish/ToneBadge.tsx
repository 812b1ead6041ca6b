import { Badge, type BadgeProps } from '@mantine/core';
import type { ReactNode } from 'react';

/**
 * A status badge whose colour is a dot beside body-coloured text: Mantine's light badges draw green, orange or
 * red text below WCAG AA's 4.5:1 on their tint, even in the darkest shade.
 */
export function ToneBadge({ color, children, ...rest }: Omit<BadgeProps, 'variant' | 'c'> & { color: string; children: ReactNode }) {
  return (
    <Badge variant="dot" radius="sm" color={color} {...rest}>
      {children}
    </Badge>
  );
}
