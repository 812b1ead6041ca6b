import { nameProblem } from '../../../schema/metadata/index.js';

/**
 * A stored name from what a person typed: "Parental leave" → `parental_leave`. The result follows the shared name
 * rule's shape (lower-case, starts with a letter, at most 63 characters); reserved words are left for
 * `nameProblem` to reject, so the message says why.
 */
export function deriveName(label: string, prefix = ''): string {
  const words = label
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '_')
    .replace(/^_+|_+$/g, '');
  const joined = [prefix, words].filter(Boolean).join('_');
  const lettered = /^[a-z]/.test(joined) ? joined : joined ? `x_${joined}` : '';
  return lettered.slice(0, 63).replace(/_+$/, '');
}

/** Why `name` cannot name a new document (the shared rule, then a clash with one that exists), or null. */
export function newNameProblem(name: string, taken: (name: string) => boolean, what: string): string | null {
  if (!name) return `give the ${what} a name`;
  const rule = nameProblem(name);
  if (rule) return rule;
  if (taken(name)) return `"${name}" is taken: another ${what} has that name`;
  return null;
}
