/**
 * The platform's identity record types. They are ordinary record types (extensible with fields, secured by the
 * same rules, referenced by any record), installed by the platform and never removed; the access layer reads
 * them to know who a user is.
 */
export const IDENTITY_TYPES = {
  user: 'person',
  group: 'assignment_group',
  groupMember: 'group_member',
  role: 'role',
  roleGrant: 'role_grant',
  account: 'account',
  partnerRelationship: 'partner_relationship',
  department: 'department',
  location: 'location',
  registration: 'registration',
  approval: 'approval',
  skill: 'skill',
  personSkill: 'person_skill',
} as const;

/**
 * The identity types an access profile is read from: a write to one of them drops cached profiles. Registrations,
 * approvals and skills are platform types too, but no profile depends on them.
 */
const NOT_PROFILE: ReadonlySet<string> = new Set([IDENTITY_TYPES.registration, IDENTITY_TYPES.approval, IDENTITY_TYPES.skill, IDENTITY_TYPES.personSkill]);
export const PROFILE_TYPES: ReadonlySet<string> = new Set(Object.values(IDENTITY_TYPES).filter((t) => !NOT_PROFILE.has(t)));

/** The role whose holders pass every access rule. */
export const ADMIN_ROLE = 'admin';
