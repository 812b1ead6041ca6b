import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DEFAULT_INPUT_LIMITS } from '../../server/config.js';
import { DomainError, ErrorCode } from '../../server/domain-error.js';
import { checkVariables } from '../../server/graphql/input-limits/index.js';
import { checkFilter } from '../../server/records/compile/check-filter.js';
import { ID_TERM, orderTermFor, type OrderTerm } from '../../server/records/compile/compile-order.js';
import { decodeCursor } from '../../server/records/compile/cursor.js';
import { characterCount, maxCharacters } from '../../server/records/compile/field-value.js';

/** Units of the input checks: they refuse with a domain error, never crash, whatever the input. */

/** `{ key: { key: … } }` `depth` times, built without recursion. */
function nested(key: string, depth: number, leaf: unknown = 1): unknown {
  let v = leaf;
  for (let i = 0; i < depth; i++) v = { [key]: v };
  return v;
}

function codeOf(fn: () => unknown): string | null {
  try {
    fn();
    return null;
  } catch (err) {
    if (!(err instanceof DomainError)) throw err;
    return err.code;
  }
}

// person.manager → person, like the identity type; enough of a graph for the filter walk.
const person = { fields: new Map<string, unknown>([['manager', { type: 'reference', reference: 'person' }], ['name', { type: 'string' }]]) };
const graph = { byName: new Map([['person', person]]) };
const check = (filter: unknown, limits = DEFAULT_INPUT_LIMITS) => checkFilter(graph as never, person as never, filter, limits, { used: 0 });

describe('checkVariables', () => {
  it('walks 100,000 levels without overflowing and refuses past maxVariablesDepth', () => {
    const deep = { f: nested('and', 100_000) };
    expect(() => checkVariables(deep, 32)).toThrow(/at most 32 levels/);
    expect(codeOf(() => checkVariables({ f: nested('a', 32) }, 32))).toBeNull();
    expect(codeOf(() => checkVariables({ f: nested('a', 33) }, 32))).toBe(ErrorCode.BAD_USER_INPUT);
  });

  it('refuses NUL and lone surrogates in values and keys, naming where', () => {
    expect(() => checkVariables({ f: { or: [{}, { name: { eq: 'a\u0000' } }] } }, 32)).toThrow('$f.or[1].name.eq contains a NUL character');
    expect(() => checkVariables({ f: { ['k\u0000']: 1 } }, 32)).toThrow('$f (a key) contains a NUL');
    expect(() => checkVariables({ s: 'x\ud800' }, 32)).toThrow(/\$s is not well-formed Unicode/);
    expect(codeOf(() => checkVariables({ s: '🙂 é \u0001' }, 32))).toBeNull();
  });

  it('on any JSON value: passes or refuses with BAD_USER_INPUT', () => {
    fc.assert(
      fc.property(fc.dictionary(fc.string(), fc.jsonValue({ maxDepth: 40 })), (vars) => {
        expect([null, ErrorCode.BAD_USER_INPUT]).toContain(codeOf(() => checkVariables(vars, 8)));
      }),
      { numRuns: 200 },
    );
  });
});

describe('checkFilter', () => {
  it('counts and/or/not and references as levels; names the limit and the path', () => {
    const { maxFilterDepth } = DEFAULT_INPUT_LIMITS;
    expect(codeOf(() => check(nested('manager', maxFilterDepth, { name: { eq: 'x' } })))).toBeNull();
    const err = (() => {
      try {
        check({ or: [{ name: { eq: 'a' } }, nested('not', maxFilterDepth, {})] });
      } catch (e) {
        return e as DomainError;
      }
    })();
    expect(err?.details).toEqual({ limit: 'maxFilterDepth', max: maxFilterDepth, path: `filter.or[1]${'.not'.repeat(maxFilterDepth)}` });
  });

  it('walks a filter far deeper than the stack could recurse', () => {
    expect(() => check(nested('not', 200_000))).toThrow(/at most 10 levels/);
  });

  it('counts each operator as a condition, across calls sharing a budget, and checks list lengths', () => {
    const limits = { ...DEFAULT_INPUT_LIMITS, maxFilterConditions: 3, maxListLength: 2 };
    const budget = { used: 0 };
    checkFilter(graph as never, person as never, { name: { gt: 'a', lt: 'b' } }, limits, budget);
    expect(budget.used).toBe(2);
    expect(() => checkFilter(graph as never, person as never, { manager: { name: { eq: 'x', ne: 'y' } } }, limits, budget)).toThrow(/at most 3 conditions; filter.manager.name.ne/);
    expect(() => check({ name: { in: ['a', 'b', 'c'] } }, limits)).toThrow('filter.name.in has 3 items; a list argument may have at most 2');
    expect(() => check({ or: [{}, {}, {}] }, limits)).toThrow('filter.or has 3 items');
  });
});

describe('decodeCursor', () => {
  const priority = orderTermFor({ name: 'priority', type: 'integer', required: true } as never, false);
  const opened = orderTermFor({ name: 'opened_at', type: 'datetime', required: false } as never, false);
  const short = orderTermFor({ name: 'short_description', type: 'string', maxLength: 160, required: true } as never, true);
  const amount = orderTermFor({ name: 'amount', type: 'decimal', required: false } as never, false);
  const worked = orderTermFor({ name: 'time_worked', type: 'duration', required: false } as never, false);
  const id = (desc: boolean): OrderTerm => ({ ...ID_TERM, desc });
  const cursor = (...values: unknown[]) => Buffer.from(JSON.stringify(values)).toString('base64url');
  const sig = (terms: OrderTerm[]) => terms.map((t) => `${t.column}:${t.desc ? 'd' : 'a'}`).join(',');

  it('accepts what the statement makes (json_build_array of the order key)', () => {
    const cases: [OrderTerm[], unknown[]][] = [
      [[priority, id(false)], [3, 17]],
      [[opened, id(false)], ['2026-01-01T00:00:00+00:00', 1]],
      [[opened, id(false)], [null, 1]],
      [[short, id(true)], ['🙂'.repeat(160), '9007199254740993']],
      [[amount, id(false)], [12345.67, 1]],
      [[worked, id(false)], ['1 day 02:00:00', 1]],
      [[worked, id(false)], ['-1 days +02:00:00.5', 1]],
    ];
    for (const [terms, values] of cases) expect(decodeCursor(cursor(sig(terms), ...values), terms)).toEqual(values);
  });

  it('refuses values that do not fit their column as INVALID_CURSOR', () => {
    const cases: [OrderTerm[], unknown[]][] = [
      [[priority, id(false)], [[1, 2], 1]],
      [[priority, id(false)], [2 ** 31, 1]],
      [[priority, id(false)], ['3', 1.5]],
      [[priority, id(false)], [null, 1]],
      [[id(false)], ['99999999999999999999']],
      [[opened, id(false)], ['2026-02-30T00:00:00Z', 1]],
      [[opened, id(false)], ['1', 1]],
      [[short, id(true)], ['x'.repeat(161), 1]],
      [[short, id(true)], ['a\u0000', 1]],
      [[amount, id(false)], [1e30, 1]],
      [[worked, id(false)], ['forever', 1]],
    ];
    for (const [terms, values] of cases) expect(codeOf(() => decodeCursor(cursor(sig(terms), ...values), terms)), JSON.stringify(values)).toBe(ErrorCode.INVALID_CURSOR);
  });

  it('on any string: a key of the right shape or INVALID_CURSOR', () => {
    const terms = [priority, opened, id(false)];
    const anyCursor = fc.oneof(
      fc.string(),
      fc.jsonValue().map((v) => Buffer.from(JSON.stringify(v) ?? '').toString('base64url')),
      fc.tuple(fc.jsonValue(), fc.jsonValue(), fc.jsonValue()).map((vs) => cursor(sig(terms), ...vs)),
    );
    fc.assert(
      fc.property(anyCursor, (c) => {
        expect([null, ErrorCode.INVALID_CURSOR]).toContain(codeOf(() => decodeCursor(c, terms)));
      }),
      { numRuns: 300 },
    );
  });
});

describe('string lengths', () => {
  it('counts code points, as PostgreSQL counts characters', () => {
    expect(characterCount('abc')).toBe(3);
    expect(characterCount('🙂🙂')).toBe(2);
    expect(characterCount('é')).toBe(1);
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), (s) => {
        expect(characterCount(s)).toBe([...s].length);
      }),
    );
  });

  it('knows the bounded columns: string (its maxLength or 255), email, url', () => {
    expect(maxCharacters({ type: 'string', maxLength: 160 })).toBe(160);
    expect(maxCharacters({ type: 'string' })).toBe(255);
    expect(maxCharacters({ type: 'email' })).toBe(254);
    expect(maxCharacters({ type: 'url' })).toBe(2048);
    expect(maxCharacters({ type: 'text' })).toBeNull();
  });
});
