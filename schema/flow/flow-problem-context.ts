import type { Model, ModelField, ModelType } from '../metadata/model.js';
import type { MetadataProblemCode } from '../metadata/validate.js';
import type { FlowDoc, FlowNodeDoc } from './flow.js';

/** What every flow check needs: the model, the flow, its record type (null when missing) and a way to report. */
export interface FlowCheck {
  model: Model;
  flow: FlowDoc;
  /** `flows.<name>`: every problem's path starts here. */
  path: string;
  /** The trigger's record type; null when it does not exist or is archived (reported by `documentProblems`). */
  type: ModelType | null;
  add(where: string, code: MetadataProblemCode, message: string): void;
}

/** How a message names a node: its kind, id and label, so a person finds it on the canvas. */
export function nodeName(node: Pick<FlowNodeDoc, 'kind' | 'id' | 'label'>): string {
  return `${node.kind} "${node.id}"${node.label ? ` ("${node.label}")` : ''}`;
}

/** An active field of the type by name. */
export function activeField(type: ModelType, name: string): ModelField | undefined {
  return type.activeFields.find((f) => f.name === name);
}

/** Whether `name` is `target` or a type extending it. */
export function isTypeOrDescendant(model: Model, name: string | undefined, target: string): boolean {
  const t = name === undefined ? undefined : model.types.get(name);
  return !!t && (t.name === target || t.ancestors.includes(target));
}

/** What a field is, for a message: `a reference to "account"`, `a string field`, `not a field of "x"`. */
export function fieldIs(type: ModelType, name: string): string {
  const f = activeField(type, name);
  if (!f) return `is not a field of "${type.name}"`;
  if (f.type === 'reference') return `is a reference to "${f.reference}"`;
  return `is ${/^[aeiou]/.test(f.type) ? 'an' : 'a'} ${f.type} field`;
}
