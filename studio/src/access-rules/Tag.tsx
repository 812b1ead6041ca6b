import { Badge, type BadgeProps } from '@mantine/core';

/** Colours whose shade 9 is still under 4.5:1 on their own light tint: their text is near-black instead. */
const LIGHT_HUES = new Set(['green', 'lime', 'teal', 'yellow', 'orange', 'cyan']);

/**
 * A Mantine badge with text dark enough for WCAG AA: the light and outline badges' default shade 6 is under
 * 4.5:1 on white for nearly every colour, so the text takes shade 9 (or near-black for the lightest hues).
 */
export function Tag({ color = 'indigo', ...props }: BadgeProps & { 'aria-label'?: string }) {
  const hue = String(color);
  return <Badge color={hue} c={LIGHT_HUES.has(hue) ? 'dark.7' : `${hue}.9`} {...props} />;
}
