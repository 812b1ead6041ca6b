import { sql } from 'drizzle-orm';
import { buildModel, checkCondition, IDENTITY_TYPES, type MetadataSnapshot, type UserCriteriaDoc } from '../../schema/index.js';
import type { Database } from '../db/index.js';
import { tableRef } from '../ddl/index.js';
import { DomainError, ErrorCode } from '../domain-error.js';
import type { Actor } from './actor.js';
import { loadAccessProfile } from './access-profile.js';
import { matchesAnyCriteria } from './criteria-matcher.js';

/** Who matches a user criteria document, and a first few of them by user name. */
export interface CriteriaMatches {
  count: number;
  /** Active users checked (at most the limit). */
  checked: number;
  /** More active users than the limit: the rest were not checked, so `count` is a lower bound. */
  truncated: boolean;
  sample: { userName: string; name: string }[];
}

// The document is evaluated under this key, so an unsaved criteria never shadows a published one of the same name.
const PREVIEW_KEY = '__criteria_preview__';

/**
 * Which active users `doc` (unsaved, already parsed) would match under the published metadata, decided by the
 * very code access rules use (`matchesAnyCriteria` on each user's access profile): the preview cannot disagree
 * with what a published rule naming these criteria would do. One profile statement per user, as `accessDiff`.
 */
export async function criteriaMatches(db: Database, published: MetadataSnapshot, doc: UserCriteriaDoc, { limit = 5000, sample = 8 } = {}): Promise<CriteriaMatches> {
  const model = buildModel({ ...published, userCriteria: { ...published.userCriteria, [PREVIEW_KEY]: { ...doc, name: PREVIEW_KEY } } });
  if (doc.condition) {
    const problems = checkCondition(model, IDENTITY_TYPES.user, doc.condition, 'condition');
    if (problems.length) throw new DomainError(ErrorCode.BAD_USER_INPUT, `the condition on the person cannot be evaluated: ${problems.map((p) => `${p.path}: ${p.message}`).join('; ')}`);
  }
  const users = await db.run<{ user_name: string }>(
    sql`SELECT "user_name" FROM ${tableRef(IDENTITY_TYPES.user)} WHERE "active" IS NOT FALSE ORDER BY "user_name" LIMIT ${limit + 1}`,
  );
  const matched: { userName: string; name: string }[] = [];
  let count = 0;
  for (const { user_name } of users.slice(0, limit)) {
    const profile = await loadAccessProfile(db, user_name);
    if (!profile) continue;
    const actor: Actor = { id: profile.userName, name: profile.name, admin: profile.admin, profile, principal: { subject: user_name, admin: false, via: 'dev', expiresAt: null }, key: `criteria-preview:${profile.userId}` };
    if (!matchesAnyCriteria(actor, model, [PREVIEW_KEY])) continue;
    count += 1;
    if (matched.length < sample) matched.push({ userName: profile.userName, name: profile.name });
  }
  return { count, checked: Math.min(users.length, limit), truncated: users.length > limit, sample: matched };
}
