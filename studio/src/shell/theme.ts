import { Anchor, createTheme, type CSSVariablesResolver } from '@mantine/core';

/** One theme for every designer: Mantine's defaults with Atrium's indigo, compact radius and system fonts. */
export const studioTheme = createTheme({
  primaryColor: 'indigo',
  // Shade 6 is 4.0:1 on white (links, outline buttons); 7 passes WCAG AA's 4.5:1.
  primaryShade: { light: 7, dark: 8 },
  defaultRadius: 'sm',
  fontFamily: 'Inter, ui-sans-serif, system-ui, -apple-system, "Segoe UI", Roboto, sans-serif',
  fontFamilyMonospace: 'ui-monospace, SFMono-Regular, Menlo, Consolas, monospace',
  headings: { fontWeight: '600' },
  components: {
    // Links inside text must not rely on colour alone (WCAG 1.4.1).
    Anchor: Anchor.extend({ defaultProps: { underline: 'always' } }),
  },
});

const LIGHT_COLORS = ['gray', 'red', 'pink', 'grape', 'violet', 'indigo', 'blue', 'cyan', 'teal', 'green', 'lime', 'yellow', 'orange'] as const;

/** Mantine's dimmed grey is 3.3:1 on white; WCAG AA asks 4.5:1 for body text, so one step darker. */
export const studioCssVariables: CSSVariablesResolver = () => ({
  variables: {},
  // Error red likewise: red.6 is 3.3:1; red.8 reads as red and passes.
  light: {
    '--mantine-color-dimmed': 'var(--mantine-color-gray-7)',
    '--mantine-color-error': 'var(--mantine-color-red-8)',
    // Light badges, alerts and buttons draw shade 6 text on a shade-0 tint: 2.5–4:1. Shade 9 passes AA on every tint.
    ...Object.fromEntries(LIGHT_COLORS.map((c) => [`--mantine-color-${c}-light-color`, `var(--mantine-color-${c}-9)`])),
  },
  dark: {},
});
