import type { AclDoc } from '../../../../schema/access/index.js';

const VERBS: Record<AclDoc['operation'], string> = { create: 'create', read: 'see', update: 'update', delete: 'delete', write: 'set' };

/**
 * An access rule the wizard proposes as one plain sentence: "Employees may create Relocations whose Requested
 * for is themselves." `labelOf` turns criteria names into their labels; `fieldLabel` names the requester field.
 */
export function describeAcl(acl: AclDoc, typeLabel: string, labelOf: (criteria: string) => string, fieldLabel: (field: string) => string): string {
  const who = acl.criteria.length === 0 ? 'Every signed-in user' : joinOr(acl.criteria.map(labelOf));
  const own = acl.condition && 'field' in acl.condition ? ` whose ${fieldLabel(String(acl.condition.field))} is themselves` : '';
  const which = own ? `${typeLabel} cases${own}` : `every ${typeLabel} case`;
  return `${who} may ${VERBS[acl.operation]} ${which}.`;
}

function joinOr(items: string[]): string {
  if (items.length <= 1) return items[0] ?? '';
  return `${items.slice(0, -1).join(', ')} or ${items[items.length - 1]}`;
}
