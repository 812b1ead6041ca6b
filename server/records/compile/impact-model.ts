import type { ModelField } from '../../../schema/index.js';
import type { GraphInfo, TypeInfo } from '../record-info.js';

/** Relationship kinds along which a failure travels from the child to the parent; `connected_to` carries none. */
export const IMPACT_KINDS = ['depends_on', 'runs_on', 'hosted_on'] as const;

/** Incident states in which the incident no longer counts against an item. */
export const CLOSED_STATES = ['resolved', 'closed', 'canceled', 'cancelled'] as const;

/**
 * What drives the impact query, found in the metadata by convention (the ITSM pack's CMDB, or any pack shaped
 * the same way):
 * - a record type `configuration_item` (abstract or not): the items;
 * - a record type `ci_relationship` with references `parent` and `child` to `configuration_item` and a choice
 *   `relationship_type` offering at least one of `IMPACT_KINDS`: the parent needs the child, so a failing child
 *   impacts its parents;
 * - optionally a record type `incident` with a reference `configuration_item` to it and a choice `state`: each
 *   item's open incidents (state not one of `CLOSED_STATES`).
 * A convention rather than a metadata kind of its own: one query over one well-known shape does not need a
 * setting, and a pack that names things differently simply has no impact query.
 */
export interface ImpactModel {
  item: TypeInfo;
  relationship: TypeInfo;
  parent: ModelField;
  child: ModelField;
  kind: ModelField;
  /** The impact kinds the relationship's choice list offers. */
  kinds: string[];
  incidents: { info: TypeInfo; link: ModelField; state: ModelField } | null;
}

/** The impact model of a graph; null when its metadata has no CMDB of the expected shape. */
export function impactModel(graph: GraphInfo): ImpactModel | null {
  const item = graph.byName.get('configuration_item');
  const relationship = graph.byName.get('ci_relationship');
  if (!item || !relationship || relationship.type.abstract) return null;
  const field = (info: TypeInfo, name: string) => info.type.activeFields.find((f) => f.name === name);
  const pointsAtItem = (f: ModelField | undefined): f is ModelField => f?.type === 'reference' && f.reference === item.type.name;
  const parent = field(relationship, 'parent');
  const child = field(relationship, 'child');
  const kind = field(relationship, 'relationship_type');
  if (!pointsAtItem(parent) || !pointsAtItem(child) || kind?.type !== 'choice') return null;
  const offered = new Set((kind.choices ?? []).map((c) => c.value));
  const kinds = IMPACT_KINDS.filter((k) => offered.has(k));
  if (!kinds.length) return null;
  const incident = graph.byName.get('incident');
  const link = incident && field(incident, 'configuration_item');
  const state = incident && field(incident, 'state');
  const incidents = incident && pointsAtItem(link) && state?.type === 'choice' ? { info: incident, link, state } : null;
  return { item, relationship, parent, child, kind, kinds, incidents };
}
