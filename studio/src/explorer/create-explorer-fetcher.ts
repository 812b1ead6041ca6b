import { createGraphiQLFetcher, type Fetcher } from '@graphiql/toolkit';
import type { StudioConfig } from '../config/load-studio-config.js';

/**
 * A GraphiQL fetcher that sends the server's default headers with every operation,
 * introspection included, so the schema and docs load signed in. Headers typed into the
 * explorer's header editor are applied after these and win.
 *
 * Subscriptions go over graphql-ws when the server advertises an endpoint; the same headers
 * travel as connection params, since browsers cannot set headers on a WebSocket handshake.
 */
export function createExplorerFetcher(config: StudioConfig, base: string = window.location.href): Fetcher {
  const subscriptionUrl = config.subscriptionEndpoint ? toWebSocketUrl(config.subscriptionEndpoint, base) : undefined;
  return createGraphiQLFetcher({
    url: new URL(config.endpoint, base).href,
    headers: config.headers,
    ...(subscriptionUrl ? { subscriptionUrl, wsConnectionParams: { ...config.headers } } : {}),
  });
}

/** Lets the server advertise a relative path ("/graphql") and still get ws:// or wss:// to match the page. */
export function toWebSocketUrl(endpoint: string, base: string): string {
  const url = new URL(endpoint, base);
  if (url.protocol === 'http:') url.protocol = 'ws:';
  if (url.protocol === 'https:') url.protocol = 'wss:';
  return url.href;
}
