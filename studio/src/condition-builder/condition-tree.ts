import { isFieldTest, planFieldTest, type Condition, type FieldTest } from '../../../schema/condition/index.js';

/** The two kinds of group the language has: all of (`and`) and any of (`or`). */
export type GroupMode = 'and' | 'or';

/**
 * A condition seen as a group the builder can show: a mode, a negation, its children and where each child
 * sits in the condition (the path the shared checker names problems by: `.and.1.or.0`).
 */
export interface GroupView {
  mode: GroupMode;
  negated: boolean;
  children: Condition[];
  /** Path of child i; children of a group shown for something that is not a group sit where it sits. */
  childAt: (i: number) => string;
}

/** The condition as a group, or null when it is a field test (negated or not). */
export function groupView(c: Condition, at: string): GroupView | null {
  if ('and' in c) return { mode: 'and', negated: false, children: c.and, childAt: (i) => `${at}.and.${i}` };
  if ('or' in c) return { mode: 'or', negated: false, children: c.or, childAt: (i) => `${at}.or.${i}` };
  if ('not' in c) {
    const inner = c.not;
    if (isFieldTest(inner)) return null;
    if ('and' in inner) return { mode: 'and', negated: true, children: inner.and, childAt: (i) => `${at}.not.and.${i}` };
    if ('or' in inner) return { mode: 'or', negated: true, children: inner.or, childAt: (i) => `${at}.not.or.${i}` };
    // not(not …), as JSON may say: a negated group of one, which is what it means.
    return { mode: 'and', negated: true, children: [inner], childAt: () => `${at}.not` };
  }
  return null;
}

/** The outermost group: no condition is an empty "all" group, a lone test a group of one. */
export function rootView(value: Condition | null | undefined): GroupView {
  if (!value) return { mode: 'and', negated: false, children: [], childAt: () => '' };
  return groupView(value, '') ?? { mode: 'and', negated: false, children: [value], childAt: () => '' };
}

/**
 * A group back to a condition. At the root, no children is no condition (null) and one plain test in an "all"
 * group is that test alone, so a simple condition stays simple; nested groups are kept as built.
 */
export function groupCondition(view: Pick<GroupView, 'mode' | 'negated' | 'children'>, root: boolean): Condition | null {
  if (root && view.children.length === 0) return null;
  const only = view.children[0];
  if (root && view.mode === 'and' && !view.negated && view.children.length === 1 && testOf(only)) return only;
  const group: Condition = view.mode === 'and' ? { and: view.children } : { or: view.children };
  return view.negated ? { not: group } : group;
}

/** The test a row shows (a row may be a negated test), or null when the condition is a group. */
export function testOf(c: Condition): FieldTest | null {
  if (isFieldTest(c)) return c;
  if ('not' in c && isFieldTest(c.not)) return c.not;
  return null;
}

/** Numbers of rows ("condition 2") and groups ("group 1") in reading order, by path: the labels' numbering. */
export function numberNodes(value: Condition | null | undefined): { rows: Map<string, number>; groups: Map<string, number> } {
  const rows = new Map<string, number>();
  const groups = new Map<string, number>();
  const visitGroup = (view: GroupView, at: string) => {
    groups.set(at, groups.size + 1);
    view.children.forEach((child, i) => visit(child, view.childAt(i)));
  };
  const visit = (c: Condition, at: string) => {
    const view = groupView(c, at);
    if (view) visitGroup(view, at);
    else rows.set(at, rows.size + 1);
  };
  visitGroup(rootView(value), '');
  return { rows, groups };
}

/** The path the checker names a row's test by: inside the `not` when the row is negated. */
export function testPath(c: Condition, at: string): string {
  return isFieldTest(c) ? at : `${at}.not`;
}

/**
 * A test after its operator changed: a value that no longer fits is reshaped (one value ↔ a list of one) or
 * dropped, so the row asks for a new one instead of carrying a value the checker refuses.
 */
export function fitValue(model: Parameters<typeof planFieldTest>[0], recordType: string, test: FieldTest): FieldTest {
  const { value, ...rest } = test;
  if (test.op === 'is_empty' || test.op === 'is_not_empty' || value === undefined) return rest;
  let next = value;
  const list = test.op === 'in' || test.op === 'not_in';
  if (list && !Array.isArray(next) && next !== null && typeof next !== 'object') next = [next];
  else if (!list && Array.isArray(next)) {
    if (next.length === 0) return rest;
    next = next[0];
  }
  // null means "no value" to eq and ne only.
  if (next === null && test.op !== 'eq' && test.op !== 'ne') return rest;
  const candidate = { ...rest, value: next };
  const fatal = planFieldTest(model, recordType, candidate).problems.some((p) => p.at === 'value' && p.fatal);
  return fatal ? rest : candidate;
}
