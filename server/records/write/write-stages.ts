import { accessStage } from './access-stage.js';
import { approvalStage } from './approval-stage.js';
import { caseTypeStage } from './case-type-stage.js';
import { stateModelStage } from './state-model-stage.js';
import { uiPolicyStage } from './ui-policy-stage.js';
import type { WriteStage } from './write-stage.js';

/**
 * The stages of every record write, in order: approvals (engine-owned) → access → case type (who may submit) → state model → UI policies.
 * Defaults and server-set values are filled by the write statement (column defaults, `auto` fields), which also
 * writes the history rows and the outbox event in the same statement.
 */
export const WRITE_STAGES: readonly WriteStage[] = [approvalStage, accessStage, caseTypeStage, stateModelStage, uiPolicyStage];
