import type { Logger } from 'pino';
import { PROFILE_TYPES } from '../../schema/index.js';
import type { Database } from '../db/index.js';
import { DomainError, ErrorCode } from '../domain-error.js';
import type { RecordEventBus } from '../events/record-event-bus.js';
import type { Actor } from './actor.js';
import { loadAccessProfile, type AccessProfile } from './access-profile.js';
import type { Principal } from './authenticator.js';

/** Profiles are re-read at least this often even if no identity change was heard of. */
const PROFILE_TTL_MS = 60_000;
const MAX_PROFILES = 10_000;

/**
 * Turns verified principals into actors with their access profile, cached. Any change to an identity record
 * (a membership, a role grant, an account moved) drops every cached profile: written here, the writer drops
 * them at once; written by another process, the change arrives through the record event bus.
 */
export class Identities {
  private readonly profiles = new Map<string, { profile: AccessProfile | null; loadedAt: number }>();
  private epoch = 0;
  private closeEvents: (() => void) | null = null;

  constructor(
    private readonly db: Database,
    private readonly log: Logger,
  ) {}

  /** Listens for identity changes made anywhere. */
  start(events: RecordEventBus): void {
    const queue = events.subscribe(PROFILE_TYPES);
    this.closeEvents = () => queue.close();
    void (async () => {
      for await (const e of queue) {
        this.log.debug({ type: e.recordType, id: e.recordId }, 'identity changed; access profiles dropped');
        this.invalidate();
      }
    })();
  }

  stop(): void {
    this.closeEvents?.();
  }

  /** Drops every cached profile: the next request of each user reads its groups, roles and accounts again. */
  invalidate(): void {
    this.epoch += 1;
    this.profiles.clear();
  }

  async actorFor(principal: Principal): Promise<Actor> {
    // The development admin passes every rule: no profile to read (it exists before any user record does).
    if (principal.admin) return { id: principal.subject, name: principal.name ?? principal.subject, admin: true, profile: null, principal, key: 'admin' };
    const profile = await this.profile(principal.subject);
    if (profile && profile.active) {
      return { id: profile.userName, name: profile.name, admin: profile.admin, profile, principal, key: `${profile.userId}@${this.epoch}` };
    }
    throw new DomainError(
      ErrorCode.UNAUTHENTICATED,
      profile ? `the user "${principal.subject}" is inactive; ask an administrator to reactivate it` : `there is no Atrium user "${principal.subject}"; ask an administrator to create one`,
    );
  }

  private async profile(login: string): Promise<AccessProfile | null> {
    const hit = this.profiles.get(login);
    if (hit && Date.now() - hit.loadedAt < PROFILE_TTL_MS) return hit.profile;
    const epoch = this.epoch;
    const profile = await loadAccessProfile(this.db, login);
    // A change heard while loading may not be in what was read: use it for this request, do not keep it.
    if (epoch === this.epoch) {
      if (this.profiles.size >= MAX_PROFILES) this.profiles.delete(this.profiles.keys().next().value!);
      this.profiles.set(login, { profile, loadedAt: Date.now() });
    }
    return profile;
  }
}
