import type { Actor } from '../../access/actor.js';

/**
 * Who the routing engine writes as: the system (passes access: it acts on rules an administrator published),
 * under its own name so the events of its own assignments are known and never routed again (no loop), and
 * history says who assigned. (Written out rather than spread from the host's SYSTEM_ACTOR: the host imports the
 * engine list, so importing it here would be a cycle.)
 */
export const ROUTING_ACTOR: Actor = {
  id: 'system:routing',
  name: 'Atrium routing',
  admin: true,
  profile: null,
  principal: { subject: 'system:routing', name: 'Atrium routing', admin: true, via: 'system', expiresAt: null },
  key: 'system:routing',
};
