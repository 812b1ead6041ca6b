import { metadataKind, validateSnapshot, type AnyDoc, type MetadataProblem, type MetadataSnapshot } from '../../../../schema/metadata/index.js';
import type { WizardDocument } from './build-wizard-documents.js';

/**
 * What a publish would refuse in the wizard's documents, by the shared validators: each document's own shape, then
 * the working snapshot with all of them laid in at once (they refer to one another, so one at a time would report
 * the others missing). Only problems inside the wizard's documents are returned.
 */
export function wizardProblems(snapshot: MetadataSnapshot, documents: readonly WizardDocument[]): MetadataProblem[] {
  const problems: MetadataProblem[] = [];
  const laid: MetadataSnapshot = { ...snapshot };
  const prefixes: string[] = [];
  for (const { kind, name, doc } of documents) {
    const entry = metadataKind(kind);
    const at = kind === 'recordType' ? name : `${entry.key}.${name}`;
    prefixes.push(at);
    if (kind === 'recordType') prefixes.push(`${entry.key}.${name}`);
    const parsed = entry.schema.safeParse(doc);
    if (!parsed.success) {
      for (const issue of parsed.error.issues) problems.push({ path: [at, ...issue.path.map(String)].join('.'), code: 'INVALID_DOCUMENT' as MetadataProblem['code'], message: issue.message });
      continue;
    }
    (laid as Record<string, Record<string, AnyDoc>>)[entry.key] = { ...(laid[entry.key] as Record<string, AnyDoc>), [name]: parsed.data as AnyDoc };
  }
  if (problems.length > 0) return problems;
  return validateSnapshot(laid).filter((p) => prefixes.some((at) => p.path === at || p.path.startsWith(`${at}.`)));
}
