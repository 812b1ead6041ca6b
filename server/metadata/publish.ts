import { sql } from 'drizzle-orm';
import { buildModel, unstorableText, validateSnapshot, type MetadataSnapshot, type Model } from '../../schema/index.js';
import type { Database } from '../db/index.js';
import { planDdl } from '../ddl/index.js';
import { DomainError, ErrorCode } from '../domain-error.js';
import { carryForward } from './carry-forward.js';
import { retireStates } from './retire-states.js';
import { identityProblems } from './identity-pack.js';
import { diffSnapshots, type MetadataChange } from './diff-snapshots.js';
import { applyDrafts, metadataStore, type DraftRow, type VersionRow } from './metadata-store.js';

/** Channel on which a publish tells every server process (this one included) that a new version exists. */
export const SCHEMA_CHANNEL = 'atrium_schema';

export interface PublishRequest<A> {
  author: string;
  message?: string;
  /** Publish exactly this snapshot (rollback, import) instead of the drafts. */
  snapshot?: MetadataSnapshot;
  rollbackOf?: number;
  /**
   * Which drafts this publish takes (default: all); the rest stay drafts, untouched. A business unit's
   * administrator publishes only the drafts inside its units (`draftsInside`).
   */
  selectDrafts?: (published: MetadataSnapshot, drafts: DraftRow[]) => DraftRow[];
  /** Run everything, then roll back: reports what a publish would do. */
  dryRun?: boolean;
  /** Builds what the new version serves (the GraphQL schema); a failure here aborts the publish. */
  prepare: (model: Model) => A;
}

export interface PublishResult<A> {
  version: VersionRow | null;
  diff: MetadataChange[];
  ddl: string[];
  model: Model;
  prepared: A;
}

class DryRunRollback extends Error {}

/**
 * Runs a step of building what a version serves; a failure that is not already a domain error (graphql-js
 * refusing the generated schema, say) is a problem with the metadata, reported as one, not an internal error.
 */
function guarded<T>(what: string, fn: () => T): T {
  try {
    return fn();
  } catch (e) {
    if (e instanceof DomainError) throw e;
    const message = `${what}: ${e instanceof Error ? e.message : String(e)}`;
    throw new DomainError(ErrorCode.VALIDATION_FAILED, message, { problems: [{ path: '', code: 'INVALID_SCHEMA', message }] });
  }
}

/**
 * A DDL statement PostgreSQL refuses (a default that does not fit its column when filling it, a table past the
 * column limit…) fails the publish as an unsafe change naming the step and PostgreSQL's reason; a deadlock with
 * another transaction is a CONFLICT to retry. The transaction rolls back all of it. Lost connections and other
 * failures pass through: they are not about the metadata.
 */
async function runStep<T>(fn: () => Promise<T>, step: string): Promise<T> {
  try {
    return await fn();
  } catch (e) {
    const sqlState = e instanceof DomainError ? undefined : (e as { code?: unknown } | null)?.code;
    if (typeof sqlState !== 'string') throw e;
    const reason = (e as Error).message;
    if (/^40/.test(sqlState))
      throw new DomainError(ErrorCode.CONFLICT, `cannot ${step}: it collided with another transaction (${reason}); publish again`);
    if (!/^(22|23|2B|42|54|55)/.test(sqlState)) throw e;
    const message = `cannot ${step}: the database refused it (${reason})`;
    throw new DomainError(ErrorCode.UNSAFE_CHANGE, message, { problems: [{ path: step, code: 'UNSAFE_CHANGE', message }] });
  }
}

/**
 * Publish in one transaction: validate, build the schema, run the DDL and its data checks, record the version,
 * clear the drafts, NOTIFY. Any failure rolls back all of it, so a failed publish changes nothing.
 */
export async function publish<A>(db: Database, req: PublishRequest<A>): Promise<PublishResult<A>> {
  const badMessage = unstorableText(req.message ?? '');
  if (badMessage) throw new DomainError(ErrorCode.BAD_USER_INPUT, `the publish message ${badMessage[1].replace(/^the text /, '')}`);
  const head = await metadataStore.head(db);
  const allDrafts = req.snapshot ? [] : await metadataStore.drafts(db);
  const drafts = req.selectDrafts ? req.selectDrafts(head.snapshot, allDrafts) : allDrafts;
  if (!req.snapshot && drafts.length === 0 && !req.dryRun)
    throw new DomainError(ErrorCode.BAD_USER_INPUT, `there are no drafts to publish${allDrafts.length ? ' that you may publish' : ''}: save a record type draft first`);
  const candidate = carryForward(head.snapshot, req.snapshot ?? applyDrafts(head.snapshot, drafts));
  const problems = [...validateSnapshot(candidate), ...(await identityProblems(candidate)).map((message) => ({ path: 'identity', code: 'INVALID_DOCUMENT' as const, message }))];
  if (problems.length)
    throw new DomainError(ErrorCode.VALIDATION_FAILED, `metadata is not valid: ${problems.map((p) => `${p.path}: ${p.message}`).join('; ')}`, { problems });
  const model = buildModel(candidate);
  const prepared = guarded('the GraphQL schema for this metadata cannot be built', () => req.prepare(model));
  const diff = diffSnapshots(head.snapshot, candidate);
  const before = buildModel(head.snapshot);
  const plan = guarded('the database change for this metadata cannot be planned', () => planDdl(before, model));
  plan.steps.unshift(...retireStates(before, model, req.author));
  if (plan.refused.length)
    throw new DomainError(ErrorCode.UNSAFE_CHANGE, plan.refused.map((r) => r.message).join('; '), { problems: plan.refused });

  let version: VersionRow | null = null;
  try {
    await db.transaction(async (tx) => {
      await tx.run(sql`SELECT pg_advisory_xact_lock(hashtext('atrium.publish'))`);
      const current = await metadataStore.headId(tx);
      if (current !== head.id)
        throw new DomainError(ErrorCode.CONFLICT, `metadata version ${current} was published while this publish was prepared (it started from ${head.id}); review the drafts and publish again`);
      for (const step of plan.steps) {
        if (step.kind === 'exec') {
          await runStep(() => tx.run(step.statement), step.describe);
          continue;
        }
        const [row] = await runStep(() => tx.run<{ n: number }>(step.statement), `check ${step.path}`);
        const n = Number(row?.n ?? 0);
        if (n > 0) throw new DomainError(ErrorCode.UNSAFE_CHANGE, step.message(n), { problems: [{ path: step.path, message: step.message(n) }] });
      }
      version = await metadataStore.insertVersion(tx, {
        id: current + 1,
        author: req.author,
        message: req.message ?? '',
        snapshot: candidate,
        diff,
        rollbackOf: req.rollbackOf ?? null,
      });
      // Only the drafts as they were read: one saved while this publish was prepared is newer and stays a draft.
      await metadataStore.deleteDraftVersions(tx, drafts.map((d) => ({ name: d.name, version: d.version })));
      await tx.run(sql`SELECT pg_notify(${SCHEMA_CHANNEL}, ${String(version.id)})`);
      if (req.dryRun) throw new DryRunRollback();
    }, { statementTimeoutMs: null });
  } catch (e) {
    if (!(e instanceof DryRunRollback)) throw e;
    version = null;
  }
  return { version, diff, ddl: plan.steps.map((s) => (s.kind === 'exec' ? s.describe : `check ${s.path}`)), model, prepared };
}
