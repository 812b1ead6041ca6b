import { parse, stringify } from 'yaml';
import type { z } from 'zod';
import { AclDoc, describeIssues, RecordTypeDoc, UnreachableCaseError, UserCriteriaDoc, type Condition, type MetadataSnapshot } from '../../schema/index.js';
import { DomainError, ErrorCode } from '../domain-error.js';

/** One exported file: a path relative to the pack folder and its text. */
export interface MetadataFile {
  path: string;
  content: string;
}

/** What a file holds, told by the folder it is in. */
type FileKind = 'recordType' | 'userCriteria' | 'acl';

const FOLDERS: Record<FileKind, string> = { recordType: 'record-types', userCriteria: 'user-criteria', acl: 'acls' };

const WHAT: Record<FileKind, string> = { recordType: 'record type', userCriteria: 'user criteria', acl: 'ACL' };

const TYPE_KEYS = ['name', 'label', 'pluralLabel', 'description', 'extends', 'abstract', 'numberPrefix', 'displayField', 'archived', 'fields'] as const;
const FIELD_KEYS = ['id', 'name', 'label', 'help', 'type', 'required', 'unique', 'default', 'auto', 'maxLength', 'scale', 'reference', 'reverseName', 'choices', 'archived'] as const;
const CRITERIA_KEYS = ['name', 'label', 'description', 'match', 'users', 'groups', 'roles', 'accounts', 'departments', 'locations', 'condition'] as const;
const ACCOUNT_KEYS = ['account', 'includeChildren'] as const;
const ACL_KEYS = ['name', 'description', 'recordType', 'field', 'operation', 'criteria', 'condition', 'active'] as const;
const CONDITION_KEYS = ['and', 'or', 'not', 'field', 'op', 'value'] as const;

/** Flags that default to false: written only when true, so files stay short. */
const FLAGS = new Set(['abstract', 'archived', 'required', 'unique', 'includeChildren']);

function ordered<T extends object>(obj: T, keys: readonly string[]): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const k of keys) {
    const v = (obj as Record<string, unknown>)[k];
    if (v !== undefined && !(FLAGS.has(k) && v === false)) out[k] = v;
  }
  return out;
}

/** The stored (jsonb) key order is not the written one: conditions get a fixed order too. */
function orderedCondition(c: Condition): Record<string, unknown> {
  const out = ordered(c, CONDITION_KEYS);
  if ('and' in c) out.and = c.and.map(orderedCondition);
  if ('or' in c) out.or = c.or.map(orderedCondition);
  if ('not' in c) out.not = orderedCondition(c.not);
  return out;
}

function yamlFile(path: string, body: Record<string, unknown>): MetadataFile {
  return { path, content: stringify(body, { lineWidth: 0 }) };
}

const byName = <T extends { name: string }>(docs: Record<string, T>): T[] => Object.values(docs).sort((a, b) => a.name.localeCompare(b.name));

/**
 * One YAML file per document, keys in a fixed order, so exports diff well in git: `record-types/<name>.yaml`,
 * `user-criteria/<name>.yaml`, `acls/<name>.yaml`.
 */
export function exportFiles(snapshot: MetadataSnapshot): MetadataFile[] {
  const types = byName(snapshot.recordTypes).map((doc) => {
    const body = ordered(doc, TYPE_KEYS);
    body.fields = doc.fields.map((f) => ordered(f, FIELD_KEYS));
    return yamlFile(`${FOLDERS.recordType}/${doc.name}.yaml`, body);
  });
  const criteria = byName(snapshot.userCriteria).map((doc) => {
    const body = ordered(doc, CRITERIA_KEYS);
    if (doc.accounts) body.accounts = doc.accounts.map((a) => ordered(a, ACCOUNT_KEYS));
    if (doc.condition) body.condition = orderedCondition(doc.condition);
    return yamlFile(`${FOLDERS.userCriteria}/${doc.name}.yaml`, body);
  });
  const acls = byName(snapshot.acls).map((doc) => {
    const body = ordered(doc, ACL_KEYS);
    // `criteria` defaults to none and `active` to true: written only when they say something.
    if (!doc.criteria.length) delete body.criteria;
    if (doc.active !== false) delete body.active;
    if (doc.condition) body.condition = orderedCondition(doc.condition);
    return yamlFile(`${FOLDERS.acl}/${doc.name}.yaml`, body);
  });
  return [...types, ...criteria, ...acls];
}

function kindOf(path: string): FileKind {
  const folder = path.split('/').slice(-2, -1)[0];
  const kind = (Object.keys(FOLDERS) as FileKind[]).find((k) => FOLDERS[k] === folder);
  if (!kind)
    throw new DomainError(ErrorCode.BAD_USER_INPUT, `${path}: a metadata file belongs in one of the folders ${Object.values(FOLDERS).map((f) => `${f}/`).join(', ')}`);
  return kind;
}

/**
 * Files back into a snapshot: the folder says what each file holds; each file is checked on its own and named
 * in the error. The files are the complete metadata: criteria and ACLs not among them are not in the result.
 */
export function importFiles(files: MetadataFile[]): MetadataSnapshot {
  const out: MetadataSnapshot = { recordTypes: {}, userCriteria: {}, acls: {} };
  for (const file of files) {
    if (!/\.ya?ml$/.test(file.path)) continue;
    const kind = kindOf(file.path);
    let raw: unknown;
    try {
      raw = parse(file.content);
    } catch (e) {
      throw new DomainError(ErrorCode.BAD_USER_INPUT, `${file.path} is not valid YAML: ${(e as Error).message}`);
    }
    switch (kind) {
      case 'recordType':
        add(out.recordTypes, file.path, kind, read(RecordTypeDoc, raw, file.path));
        break;
      case 'userCriteria':
        add(out.userCriteria, file.path, kind, read(UserCriteriaDoc, raw, file.path));
        break;
      case 'acl':
        add(out.acls, file.path, kind, read(AclDoc, raw, file.path));
        break;
      default:
        throw new UnreachableCaseError(kind);
    }
  }
  return out;
}

function read<S extends z.ZodType>(schema: S, raw: unknown, path: string): z.infer<S> {
  const parsed = schema.safeParse(raw);
  if (!parsed.success) throw new DomainError(ErrorCode.VALIDATION_FAILED, `${path}: ${describeIssues(parsed.error, '(file)')}`);
  return parsed.data;
}

function add<T extends { name: string }>(map: Record<string, T>, path: string, kind: FileKind, doc: T): void {
  if (map[doc.name]) throw new DomainError(ErrorCode.VALIDATION_FAILED, `${path}: ${WHAT[kind]} "${doc.name}" is defined in more than one file`);
  map[doc.name] = doc;
}
