import { describe, expect, it } from 'vitest';
import type { AclDoc } from '../../../schema/access/index.js';
import { validateSnapshot } from '../../../schema/metadata/index.js';
import { decidingType, inheritedRules, rulesOfType, suggestRuleName, summarizeTypeRules } from '../../../studio/src/access-rules/rule-layout.js';
import { fixtureModel, fixtureSnapshot } from './fixture-model.js';

const rule = (name: string, rest: Partial<AclDoc> & Pick<AclDoc, 'recordType' | 'operation'>): AclDoc => ({ name, criteria: [], ...rest });

const RULES: AclDoc[] = [
  rule('task_read_agents', { recordType: 'task', operation: 'read', criteria: ['agents'] }),
  rule('task_update_agents', { recordType: 'task', operation: 'update', criteria: ['agents'] }),
  rule('task_priority_write', { recordType: 'task', field: 'priority', operation: 'write', criteria: ['agents'] }),
  rule('case_read_account', { recordType: 'customer_case', operation: 'read', criteria: ['contacts'], condition: { field: 'product', op: 'is_not_empty' } }),
  rule('case_read_off', { recordType: 'customer_case', operation: 'create', active: false }),
  rule('case_product_read', { recordType: 'customer_case', field: 'product', operation: 'read', criteria: ['agents'] }),
  rule('case_account_write', { recordType: 'customer_case', field: 'account', operation: 'write', criteria: ['agents'] }),
];

describe('the fixture', () => {
  it('is valid metadata, so the layout is tested on what a publish accepts', () => {
    expect(validateSnapshot(fixtureSnapshot(RULES))).toEqual([]);
  });
});

describe('decidingType', () => {
  const model = fixtureModel(RULES);
  it('is the type itself when it has an active rule, else the nearest ancestor with one, else null', () => {
    expect(decidingType(model, 'customer_case', null, 'read')).toBe('customer_case');
    expect(decidingType(model, 'customer_case', null, 'update')).toBe('task');
    expect(decidingType(model, 'incident', null, 'read')).toBe('task');
    expect(decidingType(model, 'customer_case', null, 'delete')).toBeNull();
    expect(decidingType(model, 'account', null, 'read')).toBeNull();
  });
  it('does not count an inactive rule, as the server does not', () => {
    expect(decidingType(model, 'customer_case', null, 'create')).toBeNull();
  });
  it('walks field rules the same way', () => {
    expect(decidingType(model, 'incident', 'priority', 'write')).toBe('task');
    expect(decidingType(model, 'customer_case', 'product', 'read')).toBe('customer_case');
    expect(decidingType(model, 'customer_case', 'product', 'write')).toBeNull();
  });
});

describe('rulesOfType', () => {
  it('groups the own rules by operation (inactive ones included), field rules by field in field order', () => {
    const own = rulesOfType(fixtureModel(RULES), 'customer_case');
    expect(own.records.read.map((r) => r.name)).toEqual(['case_read_account']);
    expect(own.records.create.map((r) => r.name)).toEqual(['case_read_off']);
    expect(own.records.update).toEqual([]);
    // account is declared before product on customer_case.
    expect(own.fields.map((f) => f.field)).toEqual(['account', 'product']);
    expect(own.fields[0].rules.write.map((r) => r.name)).toEqual(['case_account_write']);
    expect(own.fields[1].rules.read.map((r) => r.name)).toEqual(['case_product_read']);
  });
  it('keeps an invalid record rule with a field operation visible, so it can be fixed', () => {
    const own = rulesOfType(fixtureModel([rule('bad', { recordType: 'incident', operation: 'write' })]), 'incident');
    expect(own.records.update.map((r) => r.name)).toEqual(['bad']);
  });
});

describe('inheritedRules', () => {
  it('lists what the parent decides where the type has no active rule of its own', () => {
    const inherited = inheritedRules(fixtureModel(RULES), 'customer_case');
    expect(inherited.map((i) => [i.operation, i.field, i.from, i.rules.map((r) => r.name)])).toEqual([
      ['update', null, 'task', ['task_update_agents']],
      ['write', 'priority', 'task', ['task_priority_write']],
    ]);
  });
  it('is empty for the root of the rules', () => {
    expect(inheritedRules(fixtureModel(RULES), 'task')).toEqual([]);
  });
});

describe('summarizeTypeRules', () => {
  it('counts own active rules per operation and field rules, and names who decides the rest', () => {
    const s = summarizeTypeRules(fixtureModel(RULES), 'customer_case');
    expect(s.own).toEqual({ read: 1, create: 0, update: 0, delete: 0 });
    expect(s.fieldRules).toBe(2);
    expect(s.decidedBy).toEqual({ read: 'customer_case', create: null, update: 'task', delete: null });
    expect(s.adminsOnly).toBe(false);
  });
  it('flags a type no rule reaches: only admins may', () => {
    expect(summarizeTypeRules(fixtureModel(RULES), 'account').adminsOnly).toBe(true);
    expect(summarizeTypeRules(fixtureModel(RULES), 'incident').adminsOnly).toBe(false);
  });
});

describe('suggestRuleName', () => {
  it('builds the name from type, field and operation and numbers it when taken', () => {
    expect(suggestRuleName(new Set(), 'customer_case', 'read')).toBe('customer_case_read');
    expect(suggestRuleName(new Set(['customer_case_read', 'customer_case_read_2']), 'customer_case', 'read')).toBe('customer_case_read_3');
    expect(suggestRuleName(new Set(), 'incident', 'write', 'priority')).toBe('incident_priority_write');
  });
  it('stays a valid name when the parts are long', () => {
    const name = suggestRuleName(new Set(), 'a'.repeat(40), 'read', 'b'.repeat(40));
    expect(name.length).toBeLessThanOrEqual(63);
    expect(name).toMatch(/^[a-z][a-z0-9_]*[a-z0-9]$/);
  });
});
