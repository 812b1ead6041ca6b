import { matchesAnyCriteria } from '../../access/criteria-matcher.js';
import { DomainError, ErrorCode } from '../../domain-error.js';
import type { WriteStage } from './write-stage.js';

/**
 * Who may submit a case: on create of a case type's record, when the case type lists `submitters`, the actor
 * must match one of them (administrators pass). Matched in memory from the actor's profile: no statement.
 * The create ACLs apply as well (the access stage and the write statement): a unit makes its case type
 * submittable by employees with both — `submitters: [employees]` on the case type, and a create ACL for
 * `employees` on its record type (each pack ships it).
 */
export const caseTypeStage: WriteStage = {
  name: 'case type',
  run(ws) {
    if (ws.op !== 'create') return;
    const model = ws.wc.graph.model;
    const caseType = model.snapshot.caseTypes[ws.info.type.name];
    if (!caseType?.submitters.length || ws.wc.actor.admin) return;
    if (!matchesAnyCriteria(ws.wc.actor, model, caseType.submitters)) {
      const type = ws.info.type.doc;
      throw new DomainError(ErrorCode.FORBIDDEN, `you may not submit ${type.label} cases: only ${caseType.submitters.map((c) => model.snapshot.userCriteria[c]?.label ?? c).join(' or ')} may`);
    }
  },
};
