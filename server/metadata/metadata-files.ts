import { parse, stringify } from 'yaml';
import { describeIssues, MetadataSnapshot, RecordTypeDoc } from '../../schema/index.js';
import { DomainError, ErrorCode } from '../domain-error.js';

/** One exported file: a path relative to the pack folder and its text. */
export interface MetadataFile {
  path: string;
  content: string;
}

const TYPE_KEYS = ['name', 'label', 'pluralLabel', 'description', 'extends', 'abstract', 'numberPrefix', 'displayField', 'archived', 'fields'] as const;
const FIELD_KEYS = ['id', 'name', 'label', 'help', 'type', 'required', 'unique', 'default', 'maxLength', 'scale', 'reference', 'reverseName', 'choices', 'archived'] as const;

/** Flags that default to false: written only when true, so files stay short. */
const FLAGS = new Set(['abstract', 'archived', 'required', 'unique']);

function ordered<T extends object>(obj: T, keys: readonly string[]): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const k of keys) {
    const v = (obj as Record<string, unknown>)[k];
    if (v !== undefined && !(FLAGS.has(k) && v === false)) out[k] = v;
  }
  return out;
}

/** One YAML file per record type, keys in a fixed order, so exports diff well in git. */
export function exportFiles(snapshot: MetadataSnapshot): MetadataFile[] {
  return Object.values(snapshot.recordTypes)
    .sort((a, b) => a.name.localeCompare(b.name))
    .map((doc) => {
      const body = ordered(doc, TYPE_KEYS);
      body.fields = doc.fields.map((f) => ordered(f, FIELD_KEYS));
      return { path: `record-types/${doc.name}.yaml`, content: stringify(body, { lineWidth: 0 }) };
    });
}

/** Files back into a snapshot; each file is checked on its own and named in the error. */
export function importFiles(files: MetadataFile[]): MetadataSnapshot {
  const recordTypes: Record<string, RecordTypeDoc> = {};
  for (const file of files) {
    if (!/\.ya?ml$/.test(file.path)) continue;
    let raw: unknown;
    try {
      raw = parse(file.content);
    } catch (e) {
      throw new DomainError(ErrorCode.BAD_USER_INPUT, `${file.path} is not valid YAML: ${(e as Error).message}`);
    }
    const parsed = RecordTypeDoc.safeParse(raw);
    if (!parsed.success)
      throw new DomainError(ErrorCode.VALIDATION_FAILED, `${file.path}: ${describeIssues(parsed.error, '(file)')}`);
    if (recordTypes[parsed.data.name]) throw new DomainError(ErrorCode.VALIDATION_FAILED, `${file.path}: record type "${parsed.data.name}" is defined in more than one file`);
    recordTypes[parsed.data.name] = parsed.data;
  }
  return { recordTypes };
}
