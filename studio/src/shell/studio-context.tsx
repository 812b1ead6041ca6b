import { createContext, useContext, type ReactNode } from 'react';
import type { StudioConfig } from '../config/load-studio-config.js';
import type { DevSession } from '../dev-sign-in/index.js';
import type { StudioAccessQuery } from '../graphql/generated/graphql.js';

/** What the signed-in user may do, as `studioAccess` answered. */
export type StudioAccess = StudioAccessQuery['studioAccess'];

export interface StudioContextValue {
  /** Endpoint and headers with the current identity. */
  config: StudioConfig;
  session: DevSession | null;
  setSession: (session: DevSession | null) => void;
}

const StudioContext = createContext<StudioContextValue | null>(null);
const AccessContext = createContext<StudioAccess | null>(null);

export function StudioContextProvider({ value, children }: { value: StudioContextValue; children: ReactNode }) {
  return <StudioContext.Provider value={value}>{children}</StudioContext.Provider>;
}

export function AccessProvider({ value, children }: { value: StudioAccess; children: ReactNode }) {
  return <AccessContext.Provider value={value}>{children}</AccessContext.Provider>;
}

export function useStudio(): StudioContextValue {
  const value = useContext(StudioContext);
  if (!value) throw new Error('useStudio outside <StudioContextProvider>');
  return value;
}

/** The endpoint and headers requests are sent with. */
export function useRequestConfig(): StudioConfig {
  return useStudio().config;
}

/** Who is designing: only rendered inside the access gate, so always a user who may design. */
export function useStudioAccess(): StudioAccess {
  const value = useContext(AccessContext);
  if (!value) throw new Error('useStudioAccess outside the access gate');
  return value;
}
