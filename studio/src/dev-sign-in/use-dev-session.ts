import { useCallback, useState } from 'react';
import { readDevSession, writeDevSession, type DevSession } from './dev-session-storage.js';

/** The tab's development session as React state, kept in sessionStorage on every change. */
export function useDevSession(): [DevSession | null, (session: DevSession | null) => void] {
  const [session, setSession] = useState<DevSession | null>(readDevSession);
  const change = useCallback((next: DevSession | null) => {
    writeDevSession(next);
    setSession(next);
  }, []);
  return [session, change];
}
