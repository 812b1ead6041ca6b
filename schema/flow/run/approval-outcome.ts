import { UnreachableCaseError } from '../../metadata/field-types.js';
import type { ApprovalPolicyDoc } from '../flow.js';
import type { ApprovalTally } from './flow-state.js';

/**
 * The outcome `policy` gives for the answers in `tally`, or null while it is still open (also while nobody has
 * been asked: "nobody to ask" is the node's `ifNoApprovers`, not a policy's call).
 * - any: approved at the first approval; rejected once everyone asked rejected;
 * - all: rejected at the first rejection; approved once everyone asked approved;
 * - percentage: approved once ⌈asked × percent / 100⌉ approved; rejected as soon as the approvals still
 *   possible (approved + not yet answered) fall short of that;
 * - first: the first answer decides. The engine applies the policy after every answer, so a tally under `first`
 *   never holds more than one answer; should it, an approval wins (the most lenient reading).
 */
export function approvalOutcome(policy: ApprovalPolicyDoc, tally: ApprovalTally): 'approved' | 'rejected' | null {
  const asked = tally.asked.length;
  if (asked === 0) return null;
  const approved = tally.approved.length;
  const rejected = tally.rejected.length;
  switch (policy.kind) {
    case 'any':
      return approved > 0 ? 'approved' : rejected >= asked ? 'rejected' : null;
    case 'all':
      return rejected > 0 ? 'rejected' : approved >= asked ? 'approved' : null;
    case 'percentage': {
      // Integer arithmetic: ⌈asked × percent / 100⌉ without floating-point surprises.
      const needed = Math.max(1, Math.floor((asked * policy.percent + 99) / 100));
      if (approved >= needed) return 'approved';
      return asked - rejected < needed ? 'rejected' : null;
    }
    case 'first':
      return approved > 0 ? 'approved' : rejected > 0 ? 'rejected' : null;
    default:
      throw new UnreachableCaseError(policy);
  }
}
