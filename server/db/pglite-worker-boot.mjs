// A worker thread does not inherit its parent's module loader (Node 20), so the TypeScript worker cannot be the
// worker's entry under tsx or vitest: register tsx here, then load it.
import { workerData } from 'node:worker_threads';
import { register } from 'tsx/esm/api';

register();
await import(workerData.entry);
