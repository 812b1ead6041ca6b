import { GraphQLScalarType } from 'graphql';
import { GraphQLDateTime } from 'graphql-scalars';

/**
 * RFC 3339 date-times. Input is checked by graphql-scalars; output comes from PostgreSQL already in RFC 3339
 * (UTC, microseconds) and passes through untouched, so both ways of answering a query give the same text.
 */
export const GraphQLDateTimeRfc3339 = new GraphQLScalarType({
  ...GraphQLDateTime.toConfig(),
  serialize: (v) => (typeof v === 'string' ? v : GraphQLDateTime.serialize(v)),
});

