import { DomainError, ErrorCode } from '../../domain-error.js';
import type { WriteStage } from './write-stage.js';

/**
 * Refuses before any SQL a create the actor has no rule for. Everything else about access (which records, which
 * fields) is decided in the write statement itself, against the row, so it cannot go stale.
 */
export const accessStage: WriteStage = {
  name: 'access',
  run(ws) {
    if (ws.op !== 'create') return;
    const type = ws.info.type;
    if (ws.scope.recordRules(type, 'create')?.length === 0)
      throw new DomainError(ErrorCode.FORBIDDEN, `you may not create ${type.doc.pluralLabel ?? type.doc.label} records`);
  },
};
