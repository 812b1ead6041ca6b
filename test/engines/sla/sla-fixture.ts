import { sql } from 'drizzle-orm';
import { parse, stringify } from 'yaml';
import { DEMO_PACKS, readPack } from '../../../seeds/load-pack.js';
import type { TestServer } from '../../helpers/test-server.js';

/** Berlin office hours, Mon–Fri 9–17, with Wednesday 7 January 2026 a holiday. */
export const OFFICE = { name: 't_office', timeZone: 'Europe/Berlin', hours: [{ days: ['mon', 'tue', 'wed', 'thu', 'fri'], start: '09:00', end: '17:00' }], holidays: [{ date: '2026-01-07', label: 'Test holiday' }] };

/**
 * Publishes the demo packs with these SLA definitions and schedules instead of the packs' own, and no case
 * type naming SLAs (so the definitions apply by record type). The packs' approval flows (which count on their
 * schedules) are left out.
 */
export async function publishSlas(t: TestServer, slas: object[], schedules: object[] = [OFFICE]): Promise<void> {
  const files = (await readPack(...DEMO_PACKS))
    .filter((f) => !f.path.startsWith('slas/') && !f.path.startsWith('schedules/') && !f.path.startsWith('flows/'))
    .map((f) => {
      if (!f.path.startsWith('case-types/')) return f;
      const doc = parse(f.content) as Record<string, unknown>;
      delete doc.slas;
      delete doc.approvalFlows;
      return { ...f, content: stringify(doc) };
    });
  for (const s of schedules) files.push({ path: `schedules/${(s as { name: string }).name}.yaml`, content: stringify(s) });
  for (const s of slas) files.push({ path: `slas/${(s as { name: string }).name}.yaml`, content: stringify(s) });
  await t.ok(`mutation($f: [MetadataFileInput!]!) { importMetadata(files: $f, dryRun: false, message: "slas") { applied } }`, { f: files });
}

export interface InstanceView {
  id: number;
  definition: string;
  stage: string;
  has_breached: boolean;
  started_at: string;
  stopped_at: string | null;
  target_ms: number;
  elapsed_ms: number;
  paused_ms: number;
  breach_at: string | null;
  next_due_at: string | null;
  definition_version: number;
}

const iso = (v: unknown) => (v === null || v === undefined ? null : new Date(v as string).toISOString());

/** The SLA instances of a record (by row id), read straight from the table. */
export async function instancesOf(t: TestServer, recordId: number): Promise<InstanceView[]> {
  const rows = await t.atrium.db.run<Record<string, unknown>>(sql`SELECT * FROM "atrium"."sla_instance" WHERE "record_id" = ${recordId} ORDER BY "id"`);
  return rows.map((r) => ({
    id: Number(r.id),
    definition: String(r.definition),
    stage: String(r.stage),
    has_breached: Boolean(r.has_breached),
    started_at: iso(r.started_at)!,
    stopped_at: iso(r.stopped_at),
    target_ms: Number(r.target_ms),
    elapsed_ms: Number(r.elapsed_ms),
    paused_ms: Number(r.paused_ms),
    breach_at: iso(r.breach_at),
    next_due_at: iso(r.next_due_at),
    definition_version: Number(r.definition_version),
  }));
}

/** What happened to an instance: `kind@threshold` in order. */
export async function eventsOf(t: TestServer, instanceId: number): Promise<string[]> {
  const rows = await t.atrium.db.run<{ kind: string; threshold: number }>(sql`SELECT "kind", "threshold" FROM "atrium"."sla_instance_event" WHERE "instance_id" = ${instanceId} AND "kind" <> 'action' ORDER BY "id"`);
  return rows.map((r) => (Number(r.threshold) ? `${r.kind}@${r.threshold}` : r.kind));
}
