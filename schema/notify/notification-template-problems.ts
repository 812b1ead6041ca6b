import type { Model } from '../metadata/model.js';
import type { MetadataProblem } from '../metadata/validate.js';
import { RECORD_PLACEHOLDERS, templatePlaceholders } from './template-placeholders.js';

const RECORD_KEYS: ReadonlySet<string> = new Set(RECORD_PLACEHOLDERS);

/**
 * What is wrong with the notification templates of a snapshot beyond the basics: each subject and body parses,
 * includes no partials, and every placeholder names a field of the template's record type (or `record.number`,
 * `record.url`, `record.type`); a problem names the placeholder. Pure: the studio runs it too.
 */
export function notificationTemplateProblems(model: Model): MetadataProblem[] {
  const problems: MetadataProblem[] = [];
  for (const [key, doc] of Object.entries(model.snapshot.notificationTemplates)) {
    const type = doc.recordType ? model.types.get(doc.recordType) : undefined;
    // An unknown record type is reported by the basic checks; its fields cannot be judged.
    if (doc.recordType && (!type || type.archived)) continue;
    const fields = new Set(type ? type.activeFields.map((f) => f.name) : []);
    if (type?.numberPrefix) fields.add('number');
    for (const part of ['subject', 'body'] as const) {
      const path = `notificationTemplates.${key}.${part}`;
      const { placeholders, error } = templatePlaceholders(doc[part]);
      if (error) {
        problems.push({ path, code: 'INVALID_DOCUMENT', message: `the ${part} of template "${doc.name}" is not a valid mustache template: ${error}` });
        continue;
      }
      for (const p of placeholders) {
        const problem = p.partial ? `includes the partial {{> ${p.name}}}; templates cannot include others` : placeholderProblem(p.name, fields, doc.recordType);
        if (problem) problems.push({ path, code: 'INVALID_FIELD', message: `the ${part} of template "${doc.name}" ${problem}` });
      }
    }
  }
  return problems;
}

function placeholderProblem(name: string, fields: ReadonlySet<string>, recordType: string | undefined): string | null {
  if (name === '.') return null;
  const [head, ...rest] = name.split('.');
  if (head === 'record') {
    return rest.length === 1 && RECORD_KEYS.has(rest[0]) ? null : `names {{${name}}}; the record offers only ${RECORD_PLACEHOLDERS.map((k) => `record.${k}`).join(', ')}`;
  }
  if (!recordType) return `names the field "${head}", but the template has no record type: give it one, or use only record.number, record.url and record.type`;
  if (!fields.has(head)) return `names the field "${head}", which record type "${recordType}" does not have`;
  if (rest.length) return `names {{${name}}}: a reference gives the display value of the record it points at, not its fields; use {{${head}}}`;
  return null;
}
