import type { Engine } from './engine.js';
import { notifyEngine } from './notify/index.js';
import { routingEngine } from './routing/index.js';

/** Every engine the server runs, in the order they are installed. One line per engine folder. */
export const ENGINES: readonly Engine[] = [routingEngine, notifyEngine];
