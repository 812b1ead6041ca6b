import { UnreachableCaseError } from '../../../schema/metadata/field-types.js';
import type { RoutingStrategy } from '../../../schema/index.js';
import type { RoutingCandidate } from '../../../schema/platform/index.js';

/** The member a strategy chose and why, in words; null when none qualified. */
export interface MemberPick {
  winner: RoutingCandidate;
  reason: string;
}

/**
 * Chooses among the qualified candidates (those with `excluded` null). Round robin takes the member after
 * `lastPersonId` in id order (wrapping round), so members take turns whoever joins or leaves; least loaded and
 * skills take the fewest open items, ties to the lowest id. Pure: the engine and the simulation share it.
 */
export function pickMember(strategy: Exclude<RoutingStrategy, 'fixed'>, candidates: readonly RoutingCandidate[], lastPersonId: number | null): MemberPick | null {
  const qualified = candidates.filter((c) => c.excluded === null).sort((a, b) => a.personId - b.personId);
  if (!qualified.length) return null;
  switch (strategy) {
    case 'round_robin': {
      const next = (lastPersonId !== null && qualified.find((c) => c.personId > lastPersonId)) || qualified[0];
      const last = lastPersonId === null ? 'nobody yet' : `member #${lastPersonId}`;
      return { winner: next, reason: `round robin: ${next.userName} is next after ${last} among ${qualified.length} qualified member${qualified.length > 1 ? 's' : ''}` };
    }
    case 'least_loaded':
    case 'skills': {
      const winner = qualified.reduce((best, c) => (c.load < best.load ? c : best));
      const what = strategy === 'skills' ? 'holds every required skill and has' : 'has';
      return { winner, reason: `${strategy === 'skills' ? 'skills' : 'least loaded'}: ${winner.userName} ${what} the fewest open items (${winner.load}) among ${qualified.length} qualified member${qualified.length > 1 ? 's' : ''}` };
    }
    default:
      throw new UnreachableCaseError(strategy);
  }
}

