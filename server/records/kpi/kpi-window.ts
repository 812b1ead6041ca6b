import { DomainError, ErrorCode } from '../../domain-error.js';

/** The longest window a KPI query may cover: a little over a year, so a year-on-year view fits. */
export const MAX_KPI_WINDOW_DAYS = 400;

/** A KPI window [from, to): instants, `from` included, `to` excluded. */
export interface KpiWindow {
  from: Date;
  to: Date;
}

/**
 * The window checked: both instants valid, `from` before `to`, and at most `MAX_KPI_WINDOW_DAYS` long (a KPI
 * query reads every record of the window, so its length is its cost). Refused with BAD_USER_INPUT otherwise.
 */
export function kpiWindow(from: Date | string, to: Date | string): KpiWindow {
  const f = new Date(from);
  const t = new Date(to);
  if (Number.isNaN(f.getTime()) || Number.isNaN(t.getTime())) throw new DomainError(ErrorCode.BAD_USER_INPUT, 'from and to must be date-times such as "2026-01-01T00:00:00Z"');
  if (f.getTime() >= t.getTime())
    throw new DomainError(ErrorCode.BAD_USER_INPUT, `the window is empty: from (${f.toISOString()}) must come before to (${t.toISOString()})`, { argument: 'to' });
  const days = (t.getTime() - f.getTime()) / 86_400_000;
  if (days > MAX_KPI_WINDOW_DAYS)
    throw new DomainError(ErrorCode.BAD_USER_INPUT, `the window is ${Math.ceil(days)} days long; a KPI window may span at most ${MAX_KPI_WINDOW_DAYS} days — query shorter windows`, {
      argument: 'from',
      max: MAX_KPI_WINDOW_DAYS,
    });
  return { from: f, to: t };
}
