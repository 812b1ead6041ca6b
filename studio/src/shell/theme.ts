import { Anchor, createTheme, defaultVariantColorsResolver, parseThemeColor, type CSSVariablesResolver, type VariantColorsResolver } from '@mantine/core';

/**
 * Light badges, alerts and buttons draw shade-6 text on the colour's tint: 2.5–4:1, under WCAG AA's 4.5:1 for text.
 * Even shade 9 is not enough for the light palettes (teal 4.3:1, yellow 2.9:1), so the text is shade 9 darkened by a
 * third: it still reads as its colour and passes on every tint.
 */
const accessibleLightVariant: VariantColorsResolver = (input) => {
  const colors = defaultVariantColorsResolver(input);
  if (input.variant !== 'light') return colors;
  const parsed = parseThemeColor({ color: input.color || input.theme.primaryColor, theme: input.theme });
  if (!parsed.isThemeColor) return colors;
  const text = `color-mix(in srgb, var(--mantine-color-${parsed.color}-9) 65%, black)`;
  return { ...colors, color: text, hoverColor: text };
};

/** One theme for every designer: Mantine's defaults with Atrium's indigo, compact radius and system fonts. */
export const studioTheme = createTheme({
  primaryColor: 'indigo',
  // Shade 6 is 4.0:1 on white (links, outline buttons); 7 passes WCAG AA's 4.5:1.
  primaryShade: { light: 7, dark: 8 },
  defaultRadius: 'sm',
  fontFamily: 'Inter, ui-sans-serif, system-ui, -apple-system, "Segoe UI", Roboto, sans-serif',
  fontFamilyMonospace: 'ui-monospace, SFMono-Regular, Menlo, Consolas, monospace',
  headings: { fontWeight: '600' },
  variantColorResolver: accessibleLightVariant,
  components: {
    // Links inside text must not rely on colour alone (WCAG 1.4.1).
    Anchor: Anchor.extend({ defaultProps: { underline: 'always' } }),
  },
});

/** Mantine's dimmed grey (3.3:1) and error red (3.3:1) on white, one step darker to pass WCAG AA. */
export const studioCssVariables: CSSVariablesResolver = () => ({
  variables: {},
  light: {
    '--mantine-color-dimmed': 'var(--mantine-color-gray-7)',
    '--mantine-color-error': 'var(--mantine-color-red-8)',
  },
  dark: {},
});
