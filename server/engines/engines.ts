import type { Engine } from './engine.js';
import { flowsEngine } from './flows/index.js';
import { notifyEngine } from './notify/index.js';
import { routingEngine } from './routing/index.js';
import { slaEngine } from './sla/index.js';

/**
 * Every engine the server runs, in the order they are installed. One line per engine folder. Routing comes
 * before SLAs: a record's assignment is decided in the same drain as its SLAs attach. Flows come before notifications: a
 * message a flow step queues goes out in the same drain.
 */
export const ENGINES: readonly Engine[] = [routingEngine, slaEngine, flowsEngine, notifyEngine];
