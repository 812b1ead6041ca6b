/**
 * The first character of `text` that may not be stored, described for a person (e.g. "a NUL byte (U+0000)"), or
 * null when there is none. PostgreSQL cannot store NUL in text at all (`invalid byte sequence`), so letting one
 * through turns a bad input into a server error. A `name` (user name, display name, e-mail address, token
 * subject) refuses every control character (C0, DEL, C1) as well: nobody types one into a name, and one shown
 * in a list or a log hides what the name really is. Free `text` (a message) keeps its tabs and line breaks.
 */
export function unstorableCharacter(text: string, kind: 'name' | 'text' = 'name'): string | null {
  const m = (kind === 'name' ? /[\u0000-\u001f\u007f-\u009f]/ : /\u0000/).exec(text);
  if (!m) return null;
  const code = m[0].charCodeAt(0);
  const hex = `U+${code.toString(16).toUpperCase().padStart(4, '0')}`;
  return code === 0 ? `a NUL byte (${hex})` : `a control character (${hex})`;
}
