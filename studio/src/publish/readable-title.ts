/**
 * Alert titles in body colour: Mantine's light alerts draw the title in the alert's colour, which for green,
 * yellow and red falls below WCAG AA's 4.5:1 on the tint. The icon and the tint still carry the tone.
 */
export const READABLE_TITLE = { title: { color: 'var(--mantine-color-text)' } } as const;
