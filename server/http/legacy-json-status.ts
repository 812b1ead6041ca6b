import type { ApolloServerPlugin } from '@apollo/server';
import Negotiator from 'negotiator';

const JSON_TYPE = 'application/json';
const GRAPHQL_RESPONSE = 'application/graphql-response+json';

/**
 * GraphQL over HTTP: a client that accepts only `application/json` (every client older than the
 * `application/graphql-response+json` media type) cannot tell a request error by its status; the spec asks for 200
 * with the `errors` list there, and 4xx only for the new media type. Apollo answers 400 to both, so this plugin
 * turns a request error (no `data`: the document did not parse or validate, or the variables did not coerce) into
 * 200 when the response will be `application/json` — chosen the way Apollo chooses it (no Accept header: JSON).
 * Transport failures (a body that is not JSON, 413, 415) are answered before GraphQL and keep their status.
 */
export function legacyJsonStatusPlugin(): ApolloServerPlugin {
  return {
    async requestDidStart() {
      return {
        async willSendResponse({ request, response }) {
          if (response.body.kind !== 'single' || response.http.status !== 400) return;
          if ('data' in response.body.singleResult && response.body.singleResult.data !== undefined) return;
          const accept = request.http?.headers.get('accept');
          if (accept && new Negotiator({ headers: { accept } }).mediaType([JSON_TYPE, GRAPHQL_RESPONSE]) !== JSON_TYPE) return;
          response.http.status = 200;
        },
      };
    },
  };
}
