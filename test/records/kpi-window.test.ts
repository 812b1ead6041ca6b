import { describe, expect, it } from 'vitest';
import { kpiWindow, MAX_KPI_WINDOW_DAYS } from '../../server/records/kpi/index.js';

describe('kpiWindow', () => {
  const from = '2026-01-01T00:00:00Z';
  const after = (ms: number) => new Date(Date.parse(from) + ms).toISOString();
  const refusal = (a: string, b: string) => {
    try {
      kpiWindow(a, b);
    } catch (e) {
      return [(e as { code?: string }).code, (e as Error).message];
    }
    return null;
  };

  it('accepts [from, to) up to the maximum length, as instants', () => {
    expect(kpiWindow(from, after(1))).toEqual({ from: new Date(from), to: new Date(after(1)) });
    expect(kpiWindow(new Date(from), after(MAX_KPI_WINDOW_DAYS * 86_400_000)).to.toISOString()).toBe(after(MAX_KPI_WINDOW_DAYS * 86_400_000));
  });

  it('refuses an empty, reversed, too long or unreadable window with BAD_USER_INPUT saying what to change', () => {
    expect(refusal(from, from)).toEqual(['BAD_USER_INPUT', 'the window is empty: from (2026-01-01T00:00:00.000Z) must come before to (2026-01-01T00:00:00.000Z)']);
    expect(refusal(after(1), from)?.[0]).toBe('BAD_USER_INPUT');
    expect(refusal(from, after(MAX_KPI_WINDOW_DAYS * 86_400_000 + 1))).toEqual(['BAD_USER_INPUT', `the window is 401 days long; a KPI window may span at most ${MAX_KPI_WINDOW_DAYS} days — query shorter windows`]);
    expect(refusal('yesterday', from)?.[0]).toBe('BAD_USER_INPUT');
  });
});
