import { Anchor, createTheme, darken, type CSSVariablesResolver } from '@mantine/core';

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

const PALETTE = ['dark', 'gray', 'red', 'pink', 'grape', 'violet', 'indigo', 'blue', 'cyan', 'teal', 'green', 'lime', 'yellow', 'orange'];

/**
 * Mantine's dimmed grey is 3.3:1 on white; WCAG AA asks 4.5:1 for body text, so one step darker. Likewise error
 * messages (red 6: 3.6:1) and the text of light badges (shade 9 on its tint is ~4:1 for green and teal, and badge
 * text is small): a darker shade.
 */
export const studioCssVariables: CSSVariablesResolver = (theme) => ({
  variables: {},
  light: {
    '--mantine-color-dimmed': 'var(--mantine-color-gray-7)',
    '--mantine-color-error': 'var(--mantine-color-red-8)',
    ...Object.fromEntries(PALETTE.map((c) => [`--mantine-color-${c}-light-color`, darken(theme.colors[c][9], 0.2)])),
  },
  dark: {},
});
