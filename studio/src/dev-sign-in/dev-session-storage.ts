/** Who the development sign-in made you, and the token the server issued for it. */
export interface DevSession {
  userName: string;
  name: string;
  token: string;
}

const KEY = 'atrium:dev-sign-in';

/**
 * The session chosen earlier in this tab, so a reload keeps it. sessionStorage rather than
 * localStorage: a development token should not outlive the tab. Null when there is none or
 * storage is unavailable.
 */
export function readDevSession(): DevSession | null {
  try {
    const value = JSON.parse(sessionStorage.getItem(KEY) ?? 'null') as Partial<DevSession> | null;
    return typeof value?.userName === 'string' && typeof value.name === 'string' && typeof value.token === 'string'
      ? { userName: value.userName, name: value.name, token: value.token }
      : null;
  } catch {
    return null;
  }
}

/** Stores the session for this tab; null forgets it (back to the config's default headers). */
export function writeDevSession(session: DevSession | null): void {
  try {
    if (session) sessionStorage.setItem(KEY, JSON.stringify(session));
    else sessionStorage.removeItem(KEY);
  } catch {
    // Storage can be disabled; the choice then lasts until the page is reloaded.
  }
}
