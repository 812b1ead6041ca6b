import { canonical, ordered, orderedCondition, withoutEmpty } from '../metadata/file-order.js';
import { documentProblems } from '../metadata/document-problems.js';
import type { MetadataKind } from '../metadata/kinds.js';
import { FlowDoc } from './flow.js';
import { flowProblems } from './flow-problems.js';

/** Approval flows as a metadata kind: files under `flows/`, drafts `flow:<name>`, owned by their trigger's record type. */
export const flowKind: MetadataKind<'flow'> = {
  kind: 'flow',
  key: 'flows',
  label: 'flow',
  folder: 'flows',
  draftPrefix: 'flow:',
  schema: FlowDoc,
  toFile(doc) {
    const body = ordered(doc, ['name', 'label', 'description', 'trigger', 'nodes', 'edges', 'active']);
    body.trigger = ordered(doc.trigger, ['recordType', 'on', 'stateField', 'from', 'to', 'condition', 'requesterField']);
    if (doc.trigger.condition) (body.trigger as Record<string, unknown>).condition = orderedCondition(doc.trigger.condition);
    body.nodes = doc.nodes.map((n) => ordered(n, ['id', 'kind', 'label', 'description', ...Object.keys(n).filter((k) => !['id', 'kind', 'label', 'description', 'position'].includes(k)).sort(), 'position']));
    body.edges = doc.edges.map((e) => ordered(e, ['from', 'to', 'port', 'label']));
    if (doc.active !== false) delete body.active;
    return withoutEmpty(body, ['edges']);
  },
  missing: 'remove',
  diffName: 'flow',
  diffProps: ['label', 'description', 'trigger', 'nodes', 'edges', 'active'],
  normalise: (doc) => canonical({ ...doc, active: doc.active ?? true }),
  recordTypeOf: (doc) => doc.trigger.recordType,
  validate: (model) => [...documentProblems(flowKind as unknown as MetadataKind, model), ...flowProblems(model)],
};
