import { createHash } from 'node:crypto';
import type { Model } from '../../../schema/metadata/index.js';
import { BusinessCalendar, type SlaDefinitionDoc, type SlaRules } from '../../../schema/sla/index.js';

/** A published SLA definition ready to measure with: its rules (calendar included) and a version of its content. */
export interface CatalogSla extends SlaRules {
  /** Changes whenever the definition or its schedule changes: instances computed under another are recomputed. */
  version: number;
}

interface Catalog {
  byName: Map<string, CatalogSla>;
  byType: Map<string, CatalogSla[]>;
}

const catalogs = new WeakMap<Model, Catalog>();

/** Every active SLA definition of a published model. */
export function allSlas(model: Model): CatalogSla[] {
  return [...catalogOf(model).byName.values()];
}

/** The active SLA definitions of a published model by name (one calendar per schedule, built once per model). */
export function slaByName(model: Model, name: string): CatalogSla | undefined {
  return catalogOf(model).byName.get(name);
}

/**
 * The SLAs a record of `typeName` may get: when its case type (or the nearest ancestor's) lists `slas`, those;
 * else the active definitions of the type and its ancestors.
 */
export function slasFor(model: Model, typeName: string): CatalogSla[] {
  const catalog = catalogOf(model);
  let list = catalog.byType.get(typeName);
  if (list) return list;
  const type = model.types.get(typeName);
  const chain = type ? [typeName, ...type.ancestors] : [typeName];
  const caseType = chain.map((n) => model.snapshot.caseTypes[n]).find((c) => c && c.slas.length);
  list = caseType
    ? caseType.slas.map((n) => catalog.byName.get(n)).filter((s): s is CatalogSla => !!s)
    : [...catalog.byName.values()].filter((s) => chain.includes(s.def.recordType));
  catalog.byType.set(typeName, list);
  return list;
}

function catalogOf(model: Model): Catalog {
  let catalog = catalogs.get(model);
  if (catalog) return catalog;
  const calendars = new Map<string, BusinessCalendar>();
  const byName = new Map<string, CatalogSla>();
  for (const def of Object.values(model.snapshot.slaDefinitions)) {
    if (def.active === false) continue;
    const schedule = def.schedule ? (model.snapshot.schedules[def.schedule] ?? null) : null;
    if (def.schedule && !schedule) continue; // validation refuses this; never measure against the wrong hours
    const key = schedule?.name ?? '';
    let calendar = calendars.get(key);
    if (!calendar) calendars.set(key, (calendar = new BusinessCalendar(schedule)));
    byName.set(def.name, { def, calendar, version: versionOf(def, schedule) });
  }
  catalog = { byName, byType: new Map() };
  catalogs.set(model, catalog);
  return catalog;
}

function versionOf(def: SlaDefinitionDoc, schedule: unknown): number {
  const hash = createHash('sha1').update(JSON.stringify([def, schedule])).digest();
  return hash.readInt32BE(0);
}
