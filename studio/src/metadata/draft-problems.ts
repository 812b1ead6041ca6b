import { metadataKind, validateSnapshot, type AnyDoc, type KindName, type MetadataProblem, type MetadataSnapshot } from '../../../schema/metadata/index.js';

/**
 * What the server would say of `doc` on publish, decided in the browser by the same `schema/` code: its own shape
 * (the kind's zod schema, with paths into the document) and, when that passes, the whole working snapshot with the
 * document laid in (references to fields, criteria and states that do not exist, clashes). Only problems whose
 * path lies in this document are returned; `path` is relative to the snapshot, as the server writes it.
 */
export function draftProblems(kind: KindName, doc: unknown, snapshot: MetadataSnapshot): MetadataProblem[] {
  const entry = metadataKind(kind);
  const parsed = entry.schema.safeParse(doc);
  const name = typeof (doc as { name?: unknown })?.name === 'string' ? (doc as { name: string }).name : '';
  const prefix = kind === 'recordType' ? name : `${entry.key}.${name}`;
  if (!parsed.success) {
    return parsed.error.issues.map((issue) => ({
      path: [prefix, ...issue.path.map(String)].filter(Boolean).join('.'),
      code: 'INVALID_DOCUMENT' as MetadataProblem['code'],
      message: issue.message,
    }));
  }
  const laid: MetadataSnapshot = { ...snapshot, [entry.key]: { ...snapshot[entry.key], [name]: parsed.data as AnyDoc } };
  // Record types' own problems are written under their bare name, the rest under `<key>.<name>`.
  const prefixes = kind === 'recordType' ? [prefix, `${entry.key}.${name}`] : [prefix];
  return validateSnapshot(laid).filter((p) => prefixes.some((at) => p.path === at || p.path.startsWith(`${at}.`)));
}
