import type { StudioConfig } from '../config/load-studio-config.js';
import type { DevSession } from './dev-session-storage.js';

/**
 * The config as requests should use it: with a session, its bearer token replaces the
 * config's Authorization header (whatever its spelling); without one, the config unchanged.
 */
export function withDevSession<T extends Pick<StudioConfig, 'headers'>>(config: T, session: DevSession | null): T {
  if (!session) return config;
  const headers = Object.fromEntries(Object.entries(config.headers).filter(([name]) => name.toLowerCase() !== 'authorization'));
  return { ...config, headers: { ...headers, Authorization: `Bearer ${session.token}` } };
}
