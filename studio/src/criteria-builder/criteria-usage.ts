import type { MetadataSnapshot } from '../../../schema/metadata/index.js';

/** One place that names user criteria: what it grants those users. */
export interface CriteriaUse {
  kind: 'acl' | 'caseType' | 'stateModel' | 'businessUnit';
  /** The document's name. */
  document: string;
  /** What the criteria decide there, in words: "reads incident", "submitters", "new → in_progress". */
  role: string;
  /** The studio page that edits the document. */
  to: string;
}

/**
 * Every document naming the criteria `name` (ACLs, case types' submitters and fulfillers, state-model transitions,
 * business units' admins), so an admin sees what an edit reaches before making it. Sorted by kind, then document.
 */
export function criteriaUsage(snapshot: MetadataSnapshot, name: string): CriteriaUse[] {
  const uses: CriteriaUse[] = [];
  for (const acl of Object.values(snapshot.acls))
    if (acl.criteria.includes(name))
      uses.push({ kind: 'acl', document: acl.name, role: `${acl.operation} ${acl.recordType}${acl.field ? `.${acl.field}` : ''}`, to: `/access-rules/${acl.recordType}` });
  for (const ct of Object.values(snapshot.caseTypes))
    for (const list of ['submitters', 'fulfillers'] as const)
      if (ct[list].includes(name)) uses.push({ kind: 'caseType', document: ct.name, role: list, to: `/case-types/${ct.name}` });
  for (const sm of Object.values(snapshot.stateModels))
    for (const tr of sm.transitions)
      if (tr.criteria?.includes(name)) uses.push({ kind: 'stateModel', document: sm.name, role: `${tr.from} → ${tr.to}`, to: `/state-models/${sm.name}` });
  for (const unit of Object.values(snapshot.businessUnits))
    if (unit.admins.includes(name)) uses.push({ kind: 'businessUnit', document: unit.name, role: 'administrators', to: '/' });
  const order = ['businessUnit', 'caseType', 'stateModel', 'acl'];
  return uses.sort((a, b) => order.indexOf(a.kind) - order.indexOf(b.kind) || a.document.localeCompare(b.document) || a.role.localeCompare(b.role));
}
