import { IANAZone } from 'luxon';
import type { Model } from '../metadata/model.js';
import type { MetadataProblem } from '../metadata/validate.js';

/**
 * Problems of the schedules in a snapshot beyond the checks every document gets: the time zone is an IANA zone
 * (business time is counted in it), every stretch of working hours starts before it ends (an empty stretch
 * would silently give no time; a night shift is two stretches, before and after midnight), and no holiday is
 * listed twice. Pure: the studio runs it too.
 */
export function scheduleProblems(model: Model): MetadataProblem[] {
  const problems: MetadataProblem[] = [];
  for (const [key, doc] of Object.entries(model.snapshot.schedules)) {
    const path = `schedules.${key}`;
    if (!IANAZone.isValidZone(doc.timeZone))
      problems.push({ path: `${path}.timeZone`, code: 'INVALID_DOCUMENT', message: `schedule "${doc.name}" has time zone "${doc.timeZone}", which is not an IANA time zone; use a name such as Europe/Berlin or America/New_York` });
    doc.hours.forEach((h, i) => {
      // "HH:MM" compares correctly as text; 24:00 sorts last.
      if (h.start >= h.end)
        problems.push({
          path: `${path}.hours.${i}`,
          code: 'INVALID_DOCUMENT',
          message: `schedule "${doc.name}": working hours ${h.start}–${h.end} must start before they end; for a shift across midnight give two stretches (${h.start}–24:00 and 00:00–${h.end})`,
        });
    });
    const seen = new Set<string>();
    doc.holidays.forEach((h, i) => {
      if (seen.has(h.date)) problems.push({ path: `${path}.holidays.${i}.date`, code: 'INVALID_DOCUMENT', message: `schedule "${doc.name}" lists holiday ${h.date} twice; remove one` });
      seen.add(h.date);
    });
  }
  return problems;
}
