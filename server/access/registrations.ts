import { sql } from 'drizzle-orm';
import { z } from 'zod';
import { describeIssues, IDENTITY_TYPES } from '../../schema/index.js';
import type { Database, Executor } from '../db/index.js';
import { tableRef } from '../ddl/index.js';
import { DomainError, ErrorCode } from '../domain-error.js';
import { writeWithEvent, type RecordRow } from '../records/write/write-with-event.js';
import type { Actor } from './actor.js';
import { toGlobalId } from '../records/global-id.js';
import { unstorableCharacter } from './unstorable-character.js';
import type { EngineHost } from '../engines/engine-host.js';
import { decideApproval } from '../engines/flows/decide-approval.js';
import type { FlowOutcomeHook } from '../engines/flows/flow-types.js';

/** Who may decide any registration; `ACCOUNT_ADMIN_ROLE` decides those of its account and the accounts below. */
export const AGENT_ROLE = 'agent';
export const ACCOUNT_ADMIN_ROLE = 'account_admin';
/** What anonymous writes record as their author (sys_created_by, event actor). */
export const ANONYMOUS_ACTOR = 'anonymous';

export type RegistrationState = 'requested' | 'approved' | 'rejected';

/** What a contact may sign in as; also what an approver may give instead of the name asked for. */
export const UserName = z
  .string()
  .trim()
  .min(2, 'a user name has at least 2 characters')
  .max(120)
  .regex(/^[A-Za-z0-9][A-Za-z0-9._@+-]*$/, 'a user name is letters, digits and . _ @ + -, starting with a letter or digit');

/** What a contact sends to register; account is the account's record id (digits). */
export const RegisterInput = z
  .object({
    userName: UserName,
    name: z.string().trim().min(1, 'a name is required').max(120).refine((v) => !unstorableCharacter(v), 'a name has no control characters (such as NUL)'),
    email: z.string().trim().toLowerCase().max(254).pipe(z.email('not a valid e-mail address')),
    accountId: z.string().regex(/^[1-9][0-9]{0,17}$/, 'not a valid account id'),
    message: z.string().trim().max(4000).refine((v) => !unstorableCharacter(v, 'text'), 'a message has no NUL bytes').optional().nullable(),
  })
  .strict();
export type RegisterInput = z.input<typeof RegisterInput>;

/** What an anonymous registration is answered with: what was asked for, and nothing the caller did not send. */
export interface RegistrationReceipt {
  userName: string;
  email: string;
  accountId: string;
}

/** A registration as the service reports it. Ids are strings of digits. */
export interface Registration {
  id: string;
  /** The registration's global id (what the approval's `document` holds). */
  globalId: string;
  userName: string;
  name: string;
  email: string;
  accountId: string;
  message: string | null;
  state: RegistrationState;
  decidedById: string | null;
  decidedAt: string | null;
  /** The user created on approval. */
  userId: string | null;
  /** The approval record that asks for the decision. */
  approvalId: string | null;
}

const T = IDENTITY_TYPES;
const REGISTRATION_TYPE_NAME = 'Registration';

/**
 * Self-registration with approval. A contact registers anonymously against an account; an admin, an agent, or
 * an account admin of that account (or one above it) decides once. Approval creates the user; until then there
 * is no user, so no sign-in and no token. Every write goes with its record event, in one transaction.
 * The generic mutations cannot do this (their rules refuse anyone but admins): these methods check their own
 * eligibility and write past the access rules on purpose.
 */
export class Registrations {
  constructor(
    private readonly db: Database,
    /** Told after a commit that created a user, so cached access profiles (including "no such user") drop. */
    private readonly identities?: { invalidate(): void },
    /** The engines: a registration is decided through its approval flow. */
    private readonly engines?: EngineHost,
  ) {}

  /**
   * Anonymous. Records every well-formed registration for an existing account, and answers the same whether or
   * not its user name, e-mail address or account is known: what an anonymous caller learns must not tell which
   * users or accounts exist. Clashes are found when the registration is approved ({@link decide}). A
   * registration for an account that does not exist is not recorded (there is nobody to decide it), and answered
   * the same. Refuses only input that is not well-formed, judged without looking anything up.
   */
  async register(raw: RegisterInput): Promise<RegistrationReceipt> {
    const parsed = RegisterInput.safeParse(raw);
    if (!parsed.success)
      throw new DomainError(ErrorCode.BAD_USER_INPUT, `the registration is not valid: ${describeIssues(parsed.error, 'registration')}`, {
        fields: [...new Set(parsed.error.issues.map((i) => String(i.path[0] ?? '')))],
      });
    const input = parsed.data;
    const receipt: RegistrationReceipt = { userName: input.userName, email: input.email, accountId: input.accountId };
    await this.db.transaction(async (tx) => {
      // One statement: inserts nothing when the account does not exist, instead of failing on the reference.
      await writeWithEvent(
        tx,
        T.registration,
        'created',
        ANONYMOUS_ACTOR,
        sql`INSERT INTO ${tableRef(T.registration)} ("user_name", "name", "email", "account", "message", "state", "sys_created_by", "sys_updated_by")
            SELECT ${input.userName}, ${input.name}, ${input.email}, a."id", ${input.message ?? null}, 'requested', ${ANONYMOUS_ACTOR}, ${ANONYMOUS_ACTOR}
            FROM ${tableRef(T.account)} a WHERE a."id" = ${input.accountId}::bigint`,
      );
      // No approval here: the platform's contact registration flow starts on this create and asks.
    });
    return receipt;
  }

  /**
   * Approves or rejects a pending registration, exactly once: of two decisions at once one wins and the other
   * gets CONFLICT. Approval creates the user in the same transaction; when the user name or e-mail address is
   * taken by a user by then, it is a CONFLICT that says which, nothing changes and the registration stays
   * requested: the approver rejects it, or approves it under another user name (`userName`).
   */
  async decide(registrationId: string, approve: boolean, comment: string | null | undefined, actor: Actor | null, options: { userName?: string | null } = {}): Promise<Registration> {
    if (!actor) throw new DomainError(ErrorCode.UNAUTHENTICATED, 'sign in to decide a registration');
    const rename = options.userName === undefined || options.userName === null ? null : UserName.safeParse(options.userName);
    if (rename && !approve) throw new DomainError(ErrorCode.BAD_USER_INPUT, 'a user name is given only when approving: a rejection creates no user', { field: 'userName' });
    if (rename && !rename.success) throw new DomainError(ErrorCode.BAD_USER_INPUT, `the user name is not valid: ${rename.error.issues[0].message}`, { field: 'userName' });
    const userName = rename?.data ?? null;
    const roles = actor.profile?.facts.roles ?? new Set<string>();
    const everywhere = actor.admin || roles.has(AGENT_ROLE);
    if (!everywhere && !roles.has(ACCOUNT_ADMIN_ROLE))
      throw new DomainError(ErrorCode.FORBIDDEN, `only administrators, agents and account administrators may decide registrations`);
    if (!/^[1-9][0-9]{0,17}$/.test(registrationId)) throw new DomainError(ErrorCode.INVALID_ID, `"${registrationId}" is not a valid registration id`);

    const [current] = await this.db.run<{ account: unknown }>(sql`SELECT "account" FROM ${tableRef(T.registration)} WHERE "id" = ${registrationId}::bigint`);
    if (!current) throw new DomainError(ErrorCode.NOT_FOUND, `there is no registration with id ${registrationId}`);
    const accountId = String(current.account);
    if (!everywhere && !actor.profile!.accountTree.includes(accountId))
      throw new DomainError(ErrorCode.FORBIDDEN, 'you may decide registrations only for your account and the accounts below it');

    if (!this.engines) throw new DomainError(ErrorCode.BAD_REQUEST, 'the engines do not run on this server, so registrations cannot be decided here');
    const personId = actor.profile?.userId ?? null;
    // The caller's own request first; an administrator (asked or not) decides through any open one.
    const [open] = await this.db.run<{ id: unknown; mine: boolean }>(
      sql`SELECT "id", ("approver" = ${personId}::bigint) IS TRUE AS "mine" FROM ${tableRef(T.approval)}
          WHERE "document" = ${toGlobalId(REGISTRATION_TYPE_NAME, registrationId)} AND "document_type" = ${T.registration} AND "state" = 'requested'
          ORDER BY 2 DESC, "id" LIMIT 1`,
    );
    if (!open || (!open.mine && !actor.admin)) {
      const [now] = await this.db.run<{ state: string }>(sql`SELECT "state" FROM ${tableRef(T.registration)} WHERE "id" = ${registrationId}::bigint`);
      if (now?.state !== 'requested') throw new DomainError(ErrorCode.CONFLICT, `registration ${registrationId} has already been decided (or was changed meanwhile)`);
      if (!open) throw new DomainError(ErrorCode.CONFLICT, `registration ${registrationId} has not been put to its approvers yet; try again in a moment`);
      throw new DomainError(ErrorCode.FORBIDDEN, `registration ${registrationId} was not put to you: its account's approver or administrators, or an agent, decide it`);
    }
    const approvalId = String(open.id);
    await decideApproval(this.engines.context(), { approvalId, decision: approve ? 'approved' : 'rejected', comment, options: { userName, account: accountId } }, actor);
    const [row] = await this.db.run<{ row: unknown }>(sql`SELECT to_jsonb(r) AS "row" FROM ${tableRef(T.registration)} r WHERE r."id" = ${registrationId}::bigint`);
    if (approve) this.identities?.invalidate();
    return toRegistration(json(row.row), approvalId);
  }
}

/**
 * What a contact registration flow's outcome means for the registration, in the deciding step's transaction:
 * approved — the user names are checked free, the user is created, and the registration records its state, who
 * decided and the user; rejected — its state. A CONFLICT thrown here (a name taken by then) refuses the decision:
 * nothing changes and the registration stays requested. `options.userName` approves under another user name.
 */
export const registrationOutcome: FlowOutcomeHook = async (tx, ended) => {
  if (ended.outcome !== 'approved' && ended.outcome !== 'rejected') return;
  const userName = typeof ended.options.userName === 'string' ? ended.options.userName : null;
  const account = typeof ended.options.account === 'string' ? ended.options.account : null;
  const [decider] = ended.actorId ? await tx.run<{ user_name: string }>(sql`SELECT "user_name" FROM ${tableRef(T.user)} WHERE "id" = ${ended.actorId}::bigint`) : [];
  const by = decider?.user_name ?? 'system';
  const id = ended.recordId;
  const claim = sql`UPDATE ${tableRef(T.registration)} SET "state" = ${ended.outcome}, "decided_by" = ${ended.actorId}::bigint, "decided_at" = now(), "user_name" = coalesce(${userName}, "user_name"),
      "sys_version" = "sys_version" + 1, "sys_updated_at" = now(), "sys_updated_by" = ${by}
      WHERE "id" = ${id}::bigint AND "state" = 'requested' ${account ? sql`AND "account" = ${account}::bigint` : sql``}`;
  if (ended.outcome === 'rejected') {
    const [rejected] = await writeWithEvent(tx, T.registration, 'updated', by, claim);
    if (!rejected) throw new DomainError(ErrorCode.CONFLICT, `registration ${id} has already been decided (or was changed meanwhile)`);
    return;
  }
  // An approval sets the user next, and that write's event carries the whole change (state and user), so
  // subscribers never see an approved registration without its user.
  const [claimed] = (await tx.run<{ row: unknown }>(sql`WITH w AS (${claim} RETURNING *) SELECT to_jsonb(w) AS "row" FROM w`)).map((r) => json(r.row));
  if (!claimed) throw new DomainError(ErrorCode.CONFLICT, `registration ${id} has already been decided (or was changed meanwhile)`);
  await assertNamesFree(tx, String(claimed.user_name), String(claimed.email));
  let person: RecordRow;
  try {
    [person] = await writeWithEvent(
      tx,
      T.user,
      'created',
      by,
      sql`INSERT INTO ${tableRef(T.user)} ("user_name", "name", "email", "account", "active", "sys_created_by", "sys_updated_by")
          VALUES (${claimed.user_name as string}, ${claimed.name as string}, ${claimed.email as string}, ${String(claimed.account)}::bigint, TRUE, ${by}, ${by})`,
    );
  } catch (err) {
    throw mapUserInsertError(err);
  }
  await writeWithEvent(tx, T.registration, 'updated', by, sql`UPDATE ${tableRef(T.registration)} SET "person" = ${String(person.id)}::bigint WHERE "id" = ${id}::bigint`);
};

/**
 * Approval's check: a user name or e-mail is taken when a user has it, as either: sign-in looks a login up by user
 * name and then by e-mail, so a user name equal to someone's e-mail would take over their sign-in. Other pending
 * registrations do not count (the first approved wins). Approvals of the same names take them in turn, so two
 * approved at once cannot both find them free.
 */
async function assertNamesFree(tx: Executor, userName: string, email: string): Promise<void> {
  const keys = [userName.toLowerCase(), email.toLowerCase()];
  await tx.run(sql`SELECT pg_advisory_xact_lock(hashtext(k)) FROM unnest(ARRAY[${`identity-name:${keys[0]}`}, ${`identity-name:${keys[1]}`}]::text[]) AS k ORDER BY k`);
  const [row] = await tx.run<{ user_name_taken: boolean; email_taken: boolean }>(sql`
    SELECT
      EXISTS (SELECT 1 FROM ${tableRef(T.user)} WHERE lower("user_name") = ${keys[0]} OR lower("email") = ${keys[0]}) AS user_name_taken,
      EXISTS (SELECT 1 FROM ${tableRef(T.user)} WHERE lower("user_name") = ${keys[1]} OR lower("email") = ${keys[1]}) AS email_taken`);
  const reject = 'or reject the registration';
  if (row.user_name_taken)
    throw taken('userName', `the user name "${userName}" is already taken by another user; approve with another user name (userName), ${reject}`);
  if (row.email_taken)
    throw taken('email', `the e-mail address ${email} is already used by another user, so the person may have a user already; ${reject} (or change that user's e-mail address first)`);
}

function taken(field: 'userName' | 'email', message: string): DomainError {
  return new DomainError(ErrorCode.CONFLICT, `${message}; the registration stays requested`, { field, takenBy: 'user' });
}

/** A user insert that a unique index or a required field added to `person` refuses: the approval cannot go through. */
function mapUserInsertError(err: unknown): unknown {
  const code = (err as { code?: string })?.code;
  if (code === '23505')
    return new DomainError(ErrorCode.CONFLICT, 'a user with this user name or e-mail address was created meanwhile; approve with another user name (userName), or reject the registration; the registration stays requested', { takenBy: 'user' });
  if (code === '23502')
    return new DomainError(ErrorCode.REQUIRED_FIELD, 'the user record needs a value the registration does not have; create the user by hand and reject the registration');
  return err;
}

function toRegistration(row: RecordRow, approvalId: string | null): Registration {
  const id = (v: unknown) => (v === null || v === undefined ? null : String(v));
  return {
    id: String(row.id),
    globalId: toGlobalId(REGISTRATION_TYPE_NAME, String(row.id)),
    userName: String(row.user_name),
    name: String(row.name),
    email: String(row.email),
    accountId: String(row.account),
    message: (row.message as string | null) ?? null,
    state: row.state as RegistrationState,
    decidedById: id(row.decided_by),
    decidedAt: (row.decided_at as string | null) ?? null,
    userId: id(row.person),
    approvalId,
  };
}

function json(v: unknown): RecordRow {
  return (typeof v === 'string' ? JSON.parse(v) : v) as RecordRow;
}
