import { GraphQLScalarType, Kind } from 'graphql';
import { GraphQLDateTimeRfc3339 } from '../../scalars.js';
import { GraphQLDate, GraphQLDuration, GraphQLEmailAddress, GraphQLJSON, GraphQLURL } from 'graphql-scalars';
import type { RecordPlugin } from '../plugin.js';

const DECIMAL = /^-?\d{1,18}(\.\d{1,12})?$/;

function parseDecimal(value: unknown): string {
  const text = typeof value === 'number' ? String(value) : value;
  if (typeof text !== 'string' || !DECIMAL.test(text)) throw new TypeError(`Decimal must be a number written as a string, like "12.50"; got ${JSON.stringify(value)}`);
  return text;
}

/** Exact decimal numbers travel as strings, so no client rounds them through a float. */
export const GraphQLDecimal = new GraphQLScalarType({
  name: 'Decimal',
  description: 'An exact decimal number, written as a string such as "1234.50".',
  serialize: (v) => (v === null || v === undefined ? v : String(v)),
  parseValue: parseDecimal,
  parseLiteral: (ast) => {
    if (ast.kind === Kind.STRING || ast.kind === Kind.INT || ast.kind === Kind.FLOAT) return parseDecimal(ast.value);
    throw new TypeError('Decimal must be a string such as "12.50"');
  },
});

export const SCALARS = {
  datetime: GraphQLDateTimeRfc3339,
  date: GraphQLDate,
  duration: GraphQLDuration,
  decimal: GraphQLDecimal,
  email: GraphQLEmailAddress,
  url: GraphQLURL,
  json: GraphQLJSON,
} as const;

export const ScalarsPlugin: RecordPlugin = {
  name: 'ScalarsPlugin',
  build({ builder }) {
    for (const s of Object.values(SCALARS)) builder.addType(s, 'ScalarsPlugin');
  },
};
