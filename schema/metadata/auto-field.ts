import { IDENTITY_TYPES } from '../access/identity-types.js';
import { UnreachableCaseError } from './field-types.js';
import type { FieldDoc } from './record-type.js';

/**
 * Values the server sets when a record is created and never takes from a client: `me` is the writer's own
 * person record (a reference to `person`), `now` the time of the write (a datetime, or the day of a date).
 */
export const AUTO_VALUES = ['me', 'now'] as const;
export type AutoValue = (typeof AUTO_VALUES)[number];

type Add = (path: string, code: 'INVALID_FIELD', message: string) => void;

/**
 * The checks of `auto` on one field. A server-set field takes no `default` (the server always sets it, so a
 * default would never apply). `me` cannot be `required`: a writer without a person record (the development
 * admin, before any user exists) writes null, and a required field would refuse its creates with an error
 * about a field it cannot send. `now` may be required: it always has a value.
 */
export function checkAutoField(f: Pick<FieldDoc, 'name' | 'type' | 'auto' | 'reference' | 'default' | 'required'>, path: string, add: Add): void {
  if (f.auto === undefined) return;
  const at = `${path}.auto`;
  switch (f.auto) {
    case 'me':
      if (f.type !== 'reference' || f.reference !== IDENTITY_TYPES.user)
        add(at, 'INVALID_FIELD', `"auto: me" sets a reference to the writer's ${IDENTITY_TYPES.user} record; "${f.name}" is ${f.type === 'reference' ? `a reference to ${f.reference}` : f.type}`);
      if (f.required) add(at, 'INVALID_FIELD', `"${f.name}" is set to the writer (auto: me) and cannot be required: writers without a ${IDENTITY_TYPES.user} record write null`);
      break;
    case 'now':
      if (f.type !== 'datetime' && f.type !== 'date') add(at, 'INVALID_FIELD', `"auto: now" sets the time of the write; "${f.name}" is ${f.type}, not datetime or date`);
      break;
    default:
      throw new UnreachableCaseError(f.auto);
  }
  if (f.default !== undefined) add(at, 'INVALID_FIELD', `"${f.name}" is set by the server (auto: ${f.auto}) and takes no default`);
}
