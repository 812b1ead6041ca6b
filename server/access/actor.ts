import type { AccessProfile } from './access-profile.js';
import type { Principal } from './authenticator.js';

/** Who is calling: a user with its access profile, or the development admin before any user exists. */
export interface Actor {
  /** What writes record as their author: the user name. */
  id: string;
  name: string;
  /** Passes every access rule (the admin role, or the development admin). */
  admin: boolean;
  profile: AccessProfile | null;
  /** What the token said, to read the actor again (subscriptions re-check access per event). */
  principal: Principal;
  /** Identifies the actor and the profile version it was read at (compiled statements are cached per key). */
  key: string;
}
