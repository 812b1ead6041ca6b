import { Badge, type BadgeProps } from '@mantine/core';
import type { ReactNode } from 'react';

/**
 * A light badge whose text is the colour's darkest shade: Mantine's light badges draw green, orange or red text
 * below WCAG AA's 4.5:1 on their tint.
 */
export function ToneBadge({ color, children, ...rest }: Omit<BadgeProps, 'variant' | 'c'> & { color: string; children: ReactNode }) {
  return (
    <Badge variant="light" radius="sm" color={color} c={`${color}.9`} {...rest}>
      {children}
    </Badge>
  );
}
