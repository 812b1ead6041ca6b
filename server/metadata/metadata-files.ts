import { parse, stringify } from 'yaml';
import { describeIssues, EMPTY_SNAPSHOT, METADATA_KINDS, type AnyDoc, type MetadataKind, type MetadataSnapshot } from '../../schema/index.js';
import { DomainError, ErrorCode } from '../domain-error.js';

/** One exported file: a path relative to the pack folder and its text. */
export interface MetadataFile {
  path: string;
  content: string;
}

const byName = <T extends { name: string }>(docs: Record<string, T>): T[] => Object.values(docs).sort((a, b) => a.name.localeCompare(b.name));

/**
 * One YAML file per document, in its kind's folder (`record-types/<name>.yaml`, `acls/<name>.yaml`, …), keys in a
 * fixed order, so exports diff well in git.
 */
export function exportFiles(snapshot: MetadataSnapshot): MetadataFile[] {
  return METADATA_KINDS.flatMap((kind) =>
    byName(snapshot[kind.key] as Record<string, AnyDoc>).map((doc) => ({
      path: `${kind.folder}/${doc.name}.yaml`,
      content: stringify((kind as unknown as MetadataKind).toFile(doc), { lineWidth: 0 }),
    })),
  );
}

/** The metadata folders, in the registry's order: what a pack may hold. */
export const METADATA_FOLDERS: readonly string[] = METADATA_KINDS.map((k) => k.folder);

function kindOf(path: string): MetadataKind {
  const folder = path.split('/').slice(-2, -1)[0];
  const kind = METADATA_KINDS.find((k) => k.folder === folder);
  if (!kind) throw new DomainError(ErrorCode.BAD_USER_INPUT, `${path}: a metadata file belongs in one of the folders ${METADATA_FOLDERS.map((f) => `${f}/`).join(', ')}`);
  return kind as unknown as MetadataKind;
}

/**
 * Files back into a snapshot: the folder says what each file holds; each file is checked on its own and named
 * in the error. The files are the complete metadata: documents not among them are not in the result.
 */
export function importFiles(files: MetadataFile[]): MetadataSnapshot {
  const out = structuredClone(EMPTY_SNAPSHOT);
  for (const file of files) {
    if (!/\.ya?ml$/.test(file.path)) continue;
    const kind = kindOf(file.path);
    let raw: unknown;
    try {
      raw = parse(file.content);
    } catch (e) {
      throw new DomainError(ErrorCode.BAD_USER_INPUT, `${file.path} is not valid YAML: ${(e as Error).message}`);
    }
    const parsed = kind.schema.safeParse(raw);
    if (!parsed.success) throw new DomainError(ErrorCode.VALIDATION_FAILED, `${file.path}: ${describeIssues(parsed.error, '(file)')}`);
    const map = out[kind.key] as Record<string, AnyDoc>;
    const doc = parsed.data;
    if (map[doc.name]) throw new DomainError(ErrorCode.VALIDATION_FAILED, `${file.path}: ${kind.label} "${doc.name}" is defined in more than one file`);
    map[doc.name] = doc;
  }
  return out;
}
