/**
 * Styles of an input that holds a name (monospace, as names are shown elsewhere). Mantine sets the input's line
 * height to its full height, which clips a monospace underscore below the baseline: `snake_case` read as "snake case".
 */
export const MONO_INPUT_STYLES = { input: { fontFamily: 'var(--mantine-font-family-monospace)', lineHeight: 'normal' } } as const;
