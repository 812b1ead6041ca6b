import type { CSSProperties } from 'react';

/**
 * Mantine's error red (red-6 in the light scheme) is under WCAG AA's 4.5:1 on white for error text and the text of
 * an input in error; red-9 passes. Set on this designer's roots until the studio theme sets it for every designer.
 */
export const ERROR_CONTRAST = { '--mantine-color-error': 'var(--mantine-color-red-9)' } as CSSProperties;
