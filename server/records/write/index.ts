export { runWrite } from './run-write.js';
export { WRITE_STAGES } from './write-stages.js';
export { WriteState, type StoredRow } from './write-state.js';
export type { WriteContext } from './write-context.js';
export type { WriteRequest, WriteResult, WriteOp } from './write-request.js';
export type { WriteStage } from './write-stage.js';
export { writeWithEvent, type RecordRow } from './write-with-event.js';
