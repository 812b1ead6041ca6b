import { sql, type SQL } from 'drizzle-orm';
import { IDENTITY_TYPES, type RecipientDoc } from '../../../schema/index.js';
import type { Executor } from '../../db/index.js';
import { tableRef } from '../../ddl/index.js';
import type { GraphInfo } from '../../records/index.js';

/** One address a message goes to, and the user it belongs to (null: a group's own address). */
export interface Recipient {
  address: string;
  personId: number | null;
}

export interface ResolvedRecipients {
  recipients: Recipient[];
  /** Who could not be reached, as sentences (an unknown user, a field that names nobody …). */
  unresolved: string[];
}

const T = IDENTITY_TYPES;

/**
 * Turns who a message is for into e-mail addresses, as things are now: a user → their address; a group → its
 * active members' addresses and the group's own; `{ field }` → the user or group the record's reference field
 * points at. Inactive users and users without an address are left out; each address appears once.
 */
export async function resolveRecipients(db: Executor, graph: GraphInfo, docs: readonly RecipientDoc[], recordType: string | null, row: Record<string, unknown> | null): Promise<ResolvedRecipients> {
  const found = new Map<string, Recipient>();
  const unresolved: string[] = [];
  const add = (address: unknown, personId: unknown) => {
    if (typeof address !== 'string' || !address.trim()) return;
    const key = address.trim().toLowerCase();
    if (!found.has(key)) found.set(key, { address: address.trim(), personId: personId === null || personId === undefined ? null : Number(personId) });
  };
  for (const doc of docs) {
    if ('user' in doc) {
      const n = await person(db, sql`"user_name" = ${doc.user}`, add);
      if (!n) unresolved.push(`user "${doc.user}" does not exist, is inactive or has no e-mail address`);
    } else if ('group' in doc) {
      const n = await group(db, sql`g."name" = ${doc.group}`, add);
      if (!n) unresolved.push(`group "${doc.group}" does not exist or has no e-mail address, nor members with one`);
    } else {
      const field = recordType ? graph.byName.get(recordType)?.type.activeFields.find((f) => f.name === doc.field) : undefined;
      const id = row?.[doc.field];
      if (!field || field.type !== 'reference') unresolved.push(`"${doc.field}" is not a reference field of ${recordType ? `record type "${recordType}"` : 'the record'}`);
      else if (id === null || id === undefined) unresolved.push(`the record's "${doc.field}" is empty`);
      else if (field.reference === T.user) {
        if (!(await person(db, sql`"id" = ${Number(id)}`, add))) unresolved.push(`the user in "${doc.field}" is inactive or has no e-mail address`);
      } else if (field.reference === T.group) {
        if (!(await group(db, sql`g."id" = ${Number(id)}`, add))) unresolved.push(`the group in "${doc.field}" has no e-mail address, nor members with one`);
      } else unresolved.push(`"${doc.field}" points at a ${field.reference}, not a user or a group`);
    }
  }
  return { recipients: [...found.values()], unresolved };
}

async function person(db: Executor, where: SQL, add: (address: unknown, id: unknown) => void): Promise<number> {
  const rows = await db.run<{ id: unknown; email: unknown }>(sql`SELECT "id", "email" FROM ${tableRef(T.user)} WHERE ${where} AND "active" IS NOT FALSE AND "email" IS NOT NULL`);
  for (const r of rows) add(r.email, r.id);
  return rows.length;
}

async function group(db: Executor, where: SQL, add: (address: unknown, id: unknown) => void): Promise<number> {
  const rows = await db.run<{ group_email: unknown; id: unknown; email: unknown }>(sql`
    SELECT g."email" AS "group_email", p."id", p."email"
    FROM ${tableRef(T.group)} g
      LEFT JOIN ${tableRef(T.groupMember)} m ON m."assignment_group" = g."id"
      LEFT JOIN ${tableRef(T.user)} p ON p."id" = m."person" AND p."active" IS NOT FALSE
    WHERE ${where}`);
  let n = 0;
  for (const r of rows) {
    if (typeof r.group_email === 'string' && r.group_email) (add(r.group_email, null), n++);
    if (typeof r.email === 'string' && r.email) (add(r.email, r.id), n++);
  }
  return n;
}
