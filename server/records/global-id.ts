import { DomainError, ErrorCode } from '../domain-error.js';

/** Relay global ids: base64url of `TypeName:rowId`. */
export function toGlobalId(typeName: string, id: number | string): string {
  return Buffer.from(`${typeName}:${id}`).toString('base64url');
}

export interface DecodedId {
  typeName: string;
  id: number;
}

/** Decodes a global id; malformed input is a clear BAD_USER_INPUT, never a crash or a database error. */
export function fromGlobalId(globalId: string): DecodedId {
  const text = Buffer.from(String(globalId), 'base64url').toString('utf8');
  const m = /^([A-Z][A-Za-z0-9]*):([1-9][0-9]{0,17})$/.exec(text);
  if (!m) throw new DomainError(ErrorCode.INVALID_ID, `"${globalId}" is not a valid record id`);
  return { typeName: m[1], id: Number(m[2]) };
}
