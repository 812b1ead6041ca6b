/**
 * The two non-admin users the bench signs in as, and the part of the data set that decides what they see
 * (load-bench-data.ts writes it; persona-queries.ts and verify-answers.ts check it independently).
 *
 * - Groups: 50; every group whose number is not a multiple of 10 is nested under the next multiple of 10
 *   (groups 1–9 under 10, 11–19 under 20, …). The `agent` role is granted to the five parent groups 10…50 only,
 *   so a member of a leaf group is an agent through nesting (role_grant → group, member of a group below it).
 * - Users 4801–5000 are employees (no account) and agents: each is a member of two leaf groups. Users 1–4800 are
 *   contacts of customer accounts.
 * - Accounts: 20 trees of 10 (a root, 3 children, one grandchild below each child, one great-grandchild below
 *   each grandchild), 200 in all; every contact belongs to one of them.
 */
export const PERSONAS = {
  /**
   * An agent directly in 8 leaf groups of two branches (1–4 under 10, 11–14 under 20), so through nesting in 10
   * groups of 50: ≈ 20 % of incidents, plus those assigned to them.
   */
  agent: { userName: 'user4801', person: 4801, directGroups: [1, 2, 3, 4, 11, 12, 13, 14], groups: [1, 2, 3, 4, 10, 11, 12, 13, 14, 20] },
  /** A contact of root account 1: sees the incidents of callers in that account's tree of 10 (≈ 5 % of incidents). */
  contact: { userName: 'user1', person: 1, account: 1, accountTree: [1, 21, 22, 23, 81, 82, 83, 141, 142, 143] },
} as const;

export type PersonaName = keyof typeof PERSONAS;
export const PERSONA_NAMES = Object.keys(PERSONAS) as PersonaName[];
