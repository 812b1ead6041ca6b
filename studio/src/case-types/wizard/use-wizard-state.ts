import { useCallback, useEffect, useState } from 'react';
import { initialWizardState } from './wizard-reducers.js';
import type { WizardState } from './wizard-state.js';

const KEY = 'atrium.studio.case-type-wizard:';

export function readWizardState(userName: string): WizardState | null {
  try {
    const raw = localStorage.getItem(KEY + userName);
    const parsed = raw ? (JSON.parse(raw) as WizardState) : null;
    return parsed && typeof parsed === 'object' && parsed.basics && Array.isArray(parsed.fields) ? parsed : null;
  } catch {
    return null;
  }
}

function writeWizardState(userName: string, state: WizardState | null): void {
  try {
    if (state) localStorage.setItem(KEY + userName, JSON.stringify(state));
    else localStorage.removeItem(KEY + userName);
  } catch {
    // Storage full or disabled: the wizard keeps working in memory.
  }
}

/**
 * The wizard's state, kept in localStorage per user on every change, so a reload (or a closed tab) resumes where it
 * was; `reset` starts a new case type.
 */
export function useWizardState(userName: string, defaultUnit: string) {
  const [state, setState] = useState<WizardState>(() => readWizardState(userName) ?? initialWizardState(defaultUnit));
  useEffect(() => writeWizardState(userName, state), [userName, state]);
  const update = useCallback((change: (prev: WizardState) => WizardState) => setState(change), []);
  const reset = useCallback(() => setState(initialWizardState(defaultUnit)), [defaultUnit]);
  return { state, update, reset };
}
