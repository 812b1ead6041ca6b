import type { Model } from '../metadata/model.js';
import type { MetadataProblem } from '../metadata/validate.js';

/**
 * Problems of the flows in a snapshot beyond the checks every document gets. Each problem names its node
 * (`path` points into `nodes.<index>`). Pure: the studio runs the same checks.
 */
export function flowProblems(_model: Model): MetadataProblem[] {
  return [];
}
