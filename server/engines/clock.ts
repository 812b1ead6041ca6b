/**
 * Where every engine reads the time. Timers compare against `now()`, never against the database's clock or
 * `Date.now()` directly, so a test moves time instead of waiting for it.
 */
export interface Clock {
  now(): Date;
}

/** The wall clock. */
export const systemClock: Clock = { now: () => new Date() };

/** A clock that moves only when told to (tests, simulations). */
export class ManualClock implements Clock {
  private t: number;

  constructor(start: Date | string = '2026-01-05T09:00:00Z') {
    this.t = new Date(start).getTime();
  }

  now(): Date {
    return new Date(this.t);
  }

  set(to: Date | string): void {
    const next = new Date(to).getTime();
    if (Number.isNaN(next)) throw new Error(`not a time: ${String(to)}`);
    this.t = next;
  }

  /** Moves forward by `ms` milliseconds. */
  advance(ms: number): void {
    if (!(ms >= 0)) throw new Error(`a clock only moves forward (asked to move by ${ms} ms)`);
    this.t += ms;
  }
}
