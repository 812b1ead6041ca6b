import type { WriteState } from './write-state.js';

/**
 * One step every record write takes before its statement runs: access, the state model, UI policies… A stage
 * looks at the request (and, when it needs it, the record as it is now), may add to the values written, and
 * refuses with a DomainError that names the field or move at fault. Stages never write: the one statement that
 * follows writes the row, its history and its event together.
 */
export interface WriteStage {
  name: string;
  run(ws: WriteState): void | Promise<void>;
}
