import { sql, type SQL } from 'drizzle-orm';
import { Condition, checkCondition, planFieldTest } from '../../../schema/index.js';
import { DomainError, ErrorCode } from '../../domain-error.js';
import { assertReadable } from '../compile/compile-access.js';
import { compileCondition } from '../compile/compile-condition.js';
import type { CompileContext } from '../compile/compile-context.js';
import type { TypeInfo } from '../record-info.js';

/**
 * The KPI filter (a condition of the shared condition language, as JSON) as a predicate over the row `alias`;
 * TRUE without one. Refused with BAD_USER_INPUT when it is not a condition, fails `checkCondition` (naming the
 * path), walks a reference (`caller.name`: the referenced record's access would not apply to the walk), or is
 * larger than the input limits; FORBIDDEN when it tests a field the reader may not read on every record.
 */
export function kpiFilter(ctx: CompileContext, info: TypeInfo, alias: SQL, filter: unknown): SQL {
  if (filter === null || filter === undefined) return sql`TRUE`;
  const parsed = Condition.safeParse(filter);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new DomainError(ErrorCode.BAD_USER_INPUT, `filter is not a condition (${issue?.message ?? 'unknown shape'}); write { field, op, value } or and/or/not of them`, {
      argument: 'filter',
    });
  }
  const condition = parsed.data;
  const problems = checkCondition(ctx.graph.model, info.type.name, condition, 'filter');
  if (problems.length) throw new DomainError(ErrorCode.BAD_USER_INPUT, `filter: ${problems.map((p) => `${p.path}: ${p.message}`).join('; ')}`, { path: problems[0].path });
  const limits = ctx.inputLimits;
  const stack: { c: Condition; depth: number; at: string }[] = [{ c: condition, depth: 0, at: 'filter' }];
  for (let item = stack.pop(); item; item = stack.pop()) {
    const { c, depth, at } = item;
    if (depth > limits.maxFilterDepth) throw new DomainError(ErrorCode.BAD_USER_INPUT, `filters may nest at most ${limits.maxFilterDepth} levels; ${at} is deeper`, { limit: 'maxFilterDepth', path: at });
    if ('and' in c || 'or' in c) {
      const list = 'and' in c ? c.and : c.or;
      if (list.length > limits.maxListLength) throw new DomainError(ErrorCode.BAD_USER_INPUT, `${at} has ${list.length} items; at most ${limits.maxListLength}`, { limit: 'maxListLength', path: at });
      list.forEach((x, i) => stack.push({ c: x, depth: depth + 1, at: `${at}.${'and' in c ? 'and' : 'or'}.${i}` }));
    } else if ('not' in c) stack.push({ c: c.not, depth: depth + 1, at: `${at}.not` });
    else {
      ctx.conditions.used += 1;
      if (ctx.conditions.used > limits.maxFilterConditions)
        throw new DomainError(ErrorCode.BAD_USER_INPUT, `a filter may hold at most ${limits.maxFilterConditions} conditions; ${at} is one too many`, { limit: 'maxFilterConditions', path: at });
      const { plan } = planFieldTest(ctx.graph.model, info.type.name, c);
      if (plan?.steps.length)
        throw new DomainError(ErrorCode.BAD_USER_INPUT, `${at}: KPI filters test the record's own fields; "${c.field}" goes through a reference`, { path: `${at}.field` });
      if (plan) assertReadable(ctx, info, plan.field, 'filter');
    }
  }
  return compileCondition(ctx, info, alias, condition, ctx.scope.dyn);
}
