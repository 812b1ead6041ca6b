import Mustache from 'mustache';

/**
 * Renders a subject or body over a record's values. Messages are plain text, so nothing is HTML-escaped; a
 * template that fails to render (it was validated on publish; an ad-hoc one from an engine may not be) throws.
 */
export function renderMessage(template: string, values: Record<string, unknown>): string {
  return Mustache.render(template, values, {}, { escape: (text: string) => text });
}
