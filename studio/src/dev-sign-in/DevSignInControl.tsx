import './dev-sign-in.css';
import { useEffect, useId, useState } from 'react';
import { useLoadable } from '../shell/use-loadable.js';
import type { DevSession } from './dev-session-storage.js';
import { loadDevPersonas } from './load-dev-personas.js';
import { signInAsPersona } from './sign-in-as-persona.js';

/** Who requests run as without a session: the bearer token the server puts in config.json. */
export const DEFAULT_IDENTITY_LABEL = 'Demo Admin (development admin)';

/**
 * "Sign in as" for development servers: lists the server's personas, signs in as the one
 * chosen and hands the session up; the empty choice goes back to the config's admin token.
 * Renders nothing, and asks nothing, when the server's config says development sign-in is off (nor when the
 * personas answer 404 all the same).
 */
export function DevSignInControl({ enabled, session, onSessionChange }: { enabled: boolean; session: DevSession | null; onSessionChange: (session: DevSession | null) => void }) {
  const id = useId();
  const personas = useLoadable((signal) => (enabled ? loadDevPersonas(signal) : Promise.resolve(null)), [enabled]);
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const off = personas.status === 'ready' && personas.value === null;

  // A session kept from before the server turned development sign-in off is no use any more.
  useEffect(() => {
    if (off && session) onSessionChange(null);
  }, [off, session, onSessionChange]);

  if (personas.status === 'loading' || off) return null;
  const list = personas.status === 'ready' ? (personas.value ?? []) : [];

  async function choose(userName: string) {
    setError(null);
    if (userName === '') return onSessionChange(null);
    setPending(true);
    try {
      const token = await signInAsPersona(userName);
      onSessionChange({ userName, name: list.find((p) => p.userName === userName)?.name ?? userName, token });
    } catch (failure) {
      setError(`Could not sign in as ${userName}: ${failure instanceof Error ? failure.message : String(failure)}`);
    } finally {
      setPending(false);
    }
  }

  return (
    <div className="dev-sign-in" role="group" aria-labelledby={`${id}-label`}>
      <label id={`${id}-label`} htmlFor={`${id}-select`}>
        Development sign-in <span className="dev-sign-in-badge">development only</span>
      </label>
      <select id={`${id}-select`} value={session?.userName ?? ''} disabled={pending} onChange={(event) => void choose(event.target.value)}>
        <option value="">{DEFAULT_IDENTITY_LABEL}</option>
        {list.map((persona) => (
          <option key={persona.userName} value={persona.userName} title={persona.description}>
            {persona.name} ({persona.userName})
          </option>
        ))}
        {session && !list.some((p) => p.userName === session.userName) && <option value={session.userName}>{session.name} ({session.userName})</option>}
      </select>
      <span role="status" className="dev-sign-in-status">
        {pending ? 'Signing in…' : `Signed in as ${session ? `${session.name} (${session.userName})` : DEFAULT_IDENTITY_LABEL}`}
      </span>
      {personas.status === 'error' && <span role="alert" className="dev-sign-in-error">Could not list personas: {personas.message}</span>}
      {error && <span role="alert" className="dev-sign-in-error">{error}</span>}
    </div>
  );
}
