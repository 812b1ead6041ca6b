import { IDENTITY_TYPES } from '../../../schema/index.js';
import { DomainError, ErrorCode } from '../../domain-error.js';
import type { WriteStage } from './write-stage.js';

/**
 * Approval requests belong to the approval-flow engine: it creates them when a flow asks and decides them through
 * `approve`/`reject`, so the flow that asked reads the decision. A generic create, update or delete of an
 * `approval` record is refused for everyone, administrators included — setting one to approved by hand would
 * change nothing and mislead. Only the engines (the system actor) pass.
 */
export const approvalStage: WriteStage = {
  name: 'approval',
  run(ws) {
    if (ws.info.type.name !== IDENTITY_TYPES.approval || ws.wc.actor.principal.via === 'system') return;
    throw new DomainError(ErrorCode.FORBIDDEN, 'approvals are decided with approve(id) / reject(id) and created by approval flows; they cannot be created, changed or deleted directly');
  },
};
