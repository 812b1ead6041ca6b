import type { Engine } from './engine.js';
import { slaEngine } from './sla/index.js';

/** Every engine the server runs, in the order they are installed. One line per engine folder. */
export const ENGINES: readonly Engine[] = [slaEngine];
