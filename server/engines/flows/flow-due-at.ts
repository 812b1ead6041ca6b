import type { Model } from '../../../schema/metadata/index.js';
import { BusinessCalendar, durationMs } from '../../../schema/sla/index.js';

/**
 * When `after` of business time under the schedule `schedule` (absent or unknown: around the clock) has passed
 * since `from`: an approval's due time, a timer node's wait.
 */
export function flowDueAt(model: Model, after: string, schedule: string | undefined, from: Date): Date {
  const doc = schedule ? (model.snapshot.schedules[schedule] ?? null) : null;
  return new BusinessCalendar(doc).add(from, durationMs(after));
}
