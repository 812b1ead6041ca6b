import { describe, expect, it } from 'vitest';
import { pickMember } from '../../../server/engines/routing/pick-member.js';

const c = (personId: number, load: number, excluded: string | null = null) => ({ personId, userName: `u${personId}`, load, excluded });

describe('pickMember', () => {
  it('round robin takes the next member after the last one by id, wrapping round, skipping those passed over', () => {
    const members = [c(30, 0), c(10, 0), c(20, 0, 'at capacity')];
    expect(pickMember('round_robin', members, null)?.winner.personId).toBe(10);
    expect(pickMember('round_robin', members, 10)?.winner.personId).toBe(30);
    expect(pickMember('round_robin', members, 30)?.winner.personId).toBe(10);
    // The last one left the group: the turn passes to the next id after it.
    expect(pickMember('round_robin', members, 15)?.winner.personId).toBe(30);
  });

  it('least loaded and skills take the fewest open items, ties to the lowest id', () => {
    expect(pickMember('least_loaded', [c(3, 2), c(2, 1), c(1, 1)], null)).toMatchObject({ winner: { personId: 1 }, reason: 'least loaded: u1 has the fewest open items (1) among 3 qualified members' });
    expect(pickMember('skills', [c(1, 0, 'lacks skill "x"'), c(2, 5)], null)?.winner.personId).toBe(2);
  });

  it('finds no one when every member is passed over', () => {
    expect(pickMember('least_loaded', [c(1, 9, 'at capacity')], null)).toBeNull();
    expect(pickMember('round_robin', [], 4)).toBeNull();
  });
});
