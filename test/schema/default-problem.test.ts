import { describe, expect, it } from 'vitest';
import { defaultProblem, type FieldDoc } from '../../schema/index.js';

const ok = (f: Omit<FieldDoc, 'name' | 'label'>) => defaultProblem({ name: 'f', label: 'F', ...f });

describe('defaultProblem', () => {
  it('accepts what each column stores', () => {
    expect(ok({ type: 'date', default: '2024-02-29' })).toBeNull();
    expect(ok({ type: 'datetime', default: '2026-01-31T23:59:59.123456-05:30' })).toBeNull();
    // The time of the create: the column's now() (CURRENT_DATE for a date).
    expect(ok({ type: 'datetime', default: 'now' })).toBeNull();
    expect(ok({ type: 'date', default: 'now' })).toBeNull();
    expect(ok({ type: 'decimal', scale: 12, default: '12345678.123456789012' })).toBeNull();
    expect(ok({ type: 'decimal', default: 7 })).toBeNull();
    expect(ok({ type: 'integer', default: -2_147_483_648 })).toBeNull();
    expect(ok({ type: 'string', maxLength: 3, default: 'abc' })).toBeNull();
    expect(ok({ type: 'duration', default: '-P1W' })).toBeNull();
    expect(ok({ type: 'json', default: [null, { a: 1.5 }] })).toBeNull();
    expect(ok({ type: 'multi_choice', choices: [{ value: 'a', label: 'A' }], default: [] })).toBeNull();
    expect(ok({ type: 'reference', reference: 'x' })).toBeNull();
  });

  it('refuses what it does not, saying what would fit', () => {
    expect(ok({ type: 'date', default: '2023-02-29' })).toMatch(/neither "now" nor a date/);
    expect(ok({ type: 'date', default: '0000-01-01' })).toMatch(/neither "now" nor a date/);
    expect(ok({ type: 'string', default: 3 })).toMatch(/not text/);
    expect(ok({ type: 'datetime', default: 'NOW' })).toMatch(/neither "now" nor an RFC 3339/);
    expect(ok({ type: 'datetime', default: '2026-01-31T09:00:00' })).toMatch(/with a time zone/);
    expect(ok({ type: 'datetime', default: '2026-01-31T24:00:00Z' })).toMatch(/RFC 3339/);
    expect(ok({ type: 'decimal', scale: 12, default: '123456789' })).toMatch(/at most 8 fit/);
    expect(ok({ type: 'decimal', default: 1e21 })).toMatch(/not a decimal number/);
    expect(ok({ type: 'integer', default: 1.5 })).toMatch(/whole number/);
    expect(ok({ type: 'duration', default: 'P' })).toMatch(/ISO 8601/);
    expect(ok({ type: 'json', default: Number.POSITIVE_INFINITY })).toMatch(/finite/);
    expect(ok({ type: 'text', default: 3 })).toMatch(/not text/);
    expect(ok({ type: 'string', default: null })).toMatch(/leave the default out/);
    expect(ok({ type: 'choice', default: 'a' })).toMatch(/not one of its choices \(none\)/);
  });
});
