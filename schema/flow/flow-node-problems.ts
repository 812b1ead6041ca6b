import { IDENTITY_TYPES } from '../access/identity-types.js';
import { UnreachableCaseError, type FieldType } from '../metadata/field-types.js';
import type { ModelType } from '../metadata/model.js';
import { SYSTEM_FIELD_NAMES } from '../metadata/names.js';
import type { ApproverSourceDoc, FlowActionDoc, FlowNodeDoc } from './flow.js';
import { activeField, fieldIs, isTypeOrDescendant, nodeName, type FlowCheck } from './flow-problem-context.js';
import { conditionProblems } from './flow-trigger-problems.js';

const SYSTEM: ReadonlySet<string> = new Set(SYSTEM_FIELD_NAMES);

/**
 * Problems of what the nodes say, checked against the record type and the snapshot: approvers taken from fields
 * name reference fields to a person or a group (an account, for the account's approver); an escalation names
 * whom it escalates to; schedules exist; a timer waits for something; actions set existing, writable fields with
 * values of their shape, move to states of the model, assign to someone, notify with a template that exists (or a
 * subject), create tasks of existing types; subflows name another existing flow; branch conditions are valid.
 * Users, groups and roles named by name are data, not metadata: simulation flags the ones that do not exist.
 */
export function flowNodeProblems(c: FlowCheck): void {
  c.flow.nodes.forEach((n, i) => nodeProblems(c, n, `nodes.${i}`));
}

function nodeProblems(c: FlowCheck, n: FlowNodeDoc, at: string): void {
  const who = nodeName(n);
  switch (n.kind) {
    case 'start':
    case 'parallel':
    case 'join':
    case 'end':
      return;
    case 'condition':
      n.branches.forEach((b, j) => conditionProblems(c, b.condition, `${at}.branches.${j}.condition`, `${who}, branch "${b.id}"`));
      return;
    case 'approval':
      n.approvers.forEach((s, j) => approverProblems(c, s, `${at}.approvers.${j}`, who));
      if (n.due) {
        const due = n.due;
        if (due.onExpiry === 'escalate' && !due.escalateTo?.length)
          c.add(`${at}.due.escalateTo`, 'INVALID_DOCUMENT', `${who} escalates when due but names nobody to escalate to; list the approvers in "escalateTo"`);
        if (due.onExpiry !== 'escalate' && due.escalateTo?.length)
          c.add(`${at}.due.escalateTo`, 'INVALID_DOCUMENT', `${who} lists "escalateTo", but on expiry it will ${due.onExpiry}; set onExpiry to escalate or remove the list`);
        due.escalateTo?.forEach((s, j) => approverProblems(c, s, `${at}.due.escalateTo.${j}`, who));
        scheduleProblem(c, due.schedule, `${at}.due.schedule`, who);
      }
      return;
    case 'timer':
      if (n.after === undefined && n.until === undefined)
        c.add(at, 'INVALID_DOCUMENT', `${who} waits for nothing; give a duration ("after", e.g. PT4H) or a condition to wait "until"`);
      if (n.until) conditionProblems(c, n.until, `${at}.until`, `${who}'s "until"`);
      scheduleProblem(c, n.schedule, `${at}.schedule`, who);
      return;
    case 'action':
      actionProblems(c, n.action, `${at}.action`, who);
      return;
    case 'subflow':
      if (n.flow === c.flow.name) c.add(`${at}.flow`, 'INVALID_DOCUMENT', `${who} runs flow "${n.flow}", the flow it belongs to; a flow cannot run itself`);
      else if (!c.model.snapshot.flows[n.flow]) c.add(`${at}.flow`, 'INVALID_DOCUMENT', `${who} runs flow "${n.flow}", which does not exist; create it or name another`);
      return;
    default:
      throw new UnreachableCaseError(n);
  }
}

function approverProblems(c: FlowCheck, s: ApproverSourceDoc, at: string, who: string): void {
  const type = c.type;
  if (!type) return;
  if ('field' in s) {
    const f = activeField(type, s.field);
    const ok = f?.type === 'reference' && (isTypeOrDescendant(c.model, f.reference, IDENTITY_TYPES.user) || isTypeOrDescendant(c.model, f.reference, IDENTITY_TYPES.group));
    if (!ok)
      c.add(`${at}.field`, 'INVALID_FIELD', `${who} asks the approver in "${s.field}", which ${fieldIs(type, s.field)}; name a reference field to a ${IDENTITY_TYPES.user} or an ${IDENTITY_TYPES.group}`);
  } else if ('accountApprover' in s) {
    const name = s.accountApprover.field;
    const f = activeField(type, name);
    if (!(f?.type === 'reference' && isTypeOrDescendant(c.model, f.reference, IDENTITY_TYPES.account)))
      c.add(`${at}.accountApprover.field`, 'INVALID_FIELD', `${who} asks the designated approver of the account in "${name}", which ${fieldIs(type, name)}; name a reference field to an ${IDENTITY_TYPES.account}`);
  }
}

function scheduleProblem(c: FlowCheck, schedule: string | undefined, at: string, who: string): void {
  if (schedule !== undefined && !c.model.snapshot.schedules[schedule])
    c.add(at, 'INVALID_DOCUMENT', `${who} counts business time on schedule "${schedule}", which does not exist; create it, or leave the schedule out to count every hour`);
}

function actionProblems(c: FlowCheck, a: FlowActionDoc, at: string, who: string): void {
  const type = c.type;
  switch (a.kind) {
    case 'set_fields':
      if (!Object.keys(a.values).length) c.add(`${at}.values`, 'INVALID_DOCUMENT', `${who} sets no fields; list the fields and their values`);
      if (type) valuesProblems(c, type, a.values, `${at}.values`, who, true);
      return;
    case 'transition': {
      if (!type) return;
      const sm = type.stateModel;
      if (!sm) c.add(`${at}.to`, 'INVALID_DOCUMENT', `${who} moves the record to "${a.to}", but "${type.name}" has no state model; set the field with set_fields instead`);
      else if (!sm.states.some((s) => s.name === a.to))
        c.add(`${at}.to`, 'INVALID_DOCUMENT', `${who} moves the record to "${a.to}", which is not a state of "${type.name}" (${sm.states.map((s) => s.name).join(', ')})`);
      return;
    }
    case 'assign':
      if (!a.group?.trim() && !a.user?.trim()) c.add(at, 'INVALID_DOCUMENT', `${who} assigns to nobody; name a group, a user or both`);
      if (type)
        for (const [key, field, target] of [['group', 'assignment_group', IDENTITY_TYPES.group], ['user', 'assigned_to', IDENTITY_TYPES.user]] as const) {
          const f = activeField(type, field);
          if (a[key] !== undefined && !(f?.type === 'reference' && f.reference === target))
            c.add(`${at}.${key}`, 'INVALID_FIELD', `${who} assigns a ${key}, but "${type.name}" has no ${field} reference to ${target}; assign a type that extends task`);
        }
      return;
    case 'notify':
      if (a.template !== undefined && !c.model.snapshot.notificationTemplates[a.template])
        c.add(`${at}.template`, 'INVALID_DOCUMENT', `${who} notifies with template "${a.template}", which does not exist; create it or give a subject and body`);
      if (a.template === undefined && !a.subject?.trim())
        c.add(at, 'INVALID_DOCUMENT', `${who} sends a message without a template or a subject; name a template or write a subject and body`);
      if (type)
        a.to.forEach((r, j) => {
          if (!('field' in r)) return;
          const f = activeField(type, r.field);
          const ok = f?.type === 'reference' && (isTypeOrDescendant(c.model, f.reference, IDENTITY_TYPES.user) || isTypeOrDescendant(c.model, f.reference, IDENTITY_TYPES.group));
          if (!ok) c.add(`${at}.to.${j}.field`, 'INVALID_FIELD', `${who} notifies "${r.field}", which ${fieldIs(type, r.field)}; name a reference field to a ${IDENTITY_TYPES.user} or an ${IDENTITY_TYPES.group}`);
        });
      return;
    case 'create_task': {
      const target = c.model.types.get(a.recordType);
      if (!target || target.archived || target.abstract)
        c.add(
          `${at}.recordType`,
          'UNKNOWN_TYPE',
          `${who} creates a "${a.recordType}", which ${!target ? 'does not exist' : target.archived ? 'is archived' : 'is abstract (only its kinds have records)'}; name a record type records can be created of`,
        );
      else valuesProblems(c, target, a.values, `${at}.values`, who, false);
      return;
    }
    default:
      throw new UnreachableCaseError(a);
  }
}

/** The JS types a value may take for each field type, as the write API takes them (a reference as its id). */
function shapeFits(type: FieldType, v: unknown): boolean {
  if (v === null) return true;
  switch (type) {
    case 'string':
    case 'text':
    case 'email':
    case 'url':
    case 'choice':
    case 'date':
    case 'datetime':
    case 'duration':
      return typeof v === 'string';
    case 'integer':
      return typeof v === 'number' && Number.isInteger(v);
    case 'decimal':
      return typeof v === 'number' || (typeof v === 'string' && /^-?\d+(\.\d+)?$/.test(v));
    case 'boolean':
      return typeof v === 'boolean';
    case 'reference':
      return typeof v === 'string' || (typeof v === 'number' && Number.isInteger(v));
    case 'multi_choice':
      return Array.isArray(v) && v.every((x) => typeof x === 'string');
    case 'json':
      return true;
    default:
      throw new UnreachableCaseError(type);
  }
}

function valuesProblems(c: FlowCheck, type: ModelType, values: Record<string, unknown>, at: string, who: string, ownRecord: boolean): void {
  for (const [name, value] of Object.entries(values)) {
    const where = `${at}.${name}`;
    if (SYSTEM.has(name)) {
      c.add(where, 'INVALID_FIELD', `${who} sets "${name}", a system field the platform maintains; remove it`);
      continue;
    }
    const f = activeField(type, name);
    if (!f) {
      c.add(where, 'INVALID_FIELD', `${who} sets "${name}", which is not a field of "${type.name}"`);
      continue;
    }
    if (ownRecord && type.stateModel && type.stateModel.field === name) {
      c.add(where, 'INVALID_FIELD', `${who} sets "${name}", the state field of "${type.name}"; move the record with a transition action so the state model's rules apply`);
      continue;
    }
    if (!shapeFits(f.type, value)) {
      c.add(where, 'INVALID_FIELD', `${who} sets ${f.type} field "${name}" to ${JSON.stringify(value)}, which is not ${/^[aeiou]/.test(f.type) ? 'an' : 'a'} ${f.type} value`);
      continue;
    }
    const choices = (f.choices ?? []).map((ch) => ch.value);
    const picked = f.type === 'choice' ? [value] : f.type === 'multi_choice' ? (value as string[] | null) ?? [] : [];
    for (const v of picked)
      if (typeof v === 'string' && !choices.includes(v.toLowerCase())) c.add(where, 'INVALID_FIELD', `${who} sets "${name}" to "${v}", which is not one of its choices (${choices.join(', ')})`);
  }
}
