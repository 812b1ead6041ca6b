export { routingEngine } from './routing-engine.js';
export { ROUTING_ACTOR } from './routing-actor.js';
export { explainAssignment, type AssignmentDecisionView } from './explain-assignment.js';
export { simulateRouting, type RoutingSimulation } from './simulate-routing.js';
