/**
 * What the server tells the browser apps at `GET /studio/config.json`. Mirrors the object
 * returned by the `config` option of the server's `studioRouter`; studio/ imports nothing
 * from server/, so the shape is repeated here rather than shared.
 */
export interface StudioConfig {
  /** GraphQL over HTTP endpoint, usually the relative path `/graphql`. */
  endpoint: string;
  /** graphql-ws URL, or null when the server has no subscriptions transport. */
  subscriptionEndpoint: string | null;
  /** Sent with every request; in development this carries a bearer token so newcomers are signed in. */
  headers: Record<string, string>;
  /** The server offers development sign-in as a persona (absent or false: it does not). */
  devSignIn: boolean;
}

/** Absolute because the explorer is also served at /graphql, outside /studio/. */
export const STUDIO_CONFIG_URL = '/studio/config.json';

/**
 * Fetches the server-provided settings. Rejects with a message naming the URL and status,
 * because a page that cannot load its settings can only show that message.
 */
export async function loadStudioConfig(url: string = STUDIO_CONFIG_URL): Promise<StudioConfig> {
  const response = await fetch(url, { headers: { accept: 'application/json' }, cache: 'no-store' });
  if (!response.ok) {
    throw new Error(`Could not load ${url}: HTTP ${response.status} ${response.statusText}`.trim());
  }
  const body: unknown = await response.json();
  return parseStudioConfig(body);
}

function parseStudioConfig(body: unknown): StudioConfig {
  if (typeof body !== 'object' || body === null) throw new Error('Studio config is not a JSON object');
  const { endpoint, subscriptionEndpoint, headers, devSignIn } = body as Record<string, unknown>;
  if (typeof endpoint !== 'string' || endpoint === '') throw new Error('Studio config has no endpoint');
  if (subscriptionEndpoint !== null && subscriptionEndpoint !== undefined && typeof subscriptionEndpoint !== 'string') {
    throw new Error('Studio config subscriptionEndpoint must be a string or null');
  }
  const headerEntries = Object.entries(typeof headers === 'object' && headers !== null ? headers : {});
  return {
    endpoint,
    subscriptionEndpoint: subscriptionEndpoint || null,
    headers: Object.fromEntries(headerEntries.filter((entry): entry is [string, string] => typeof entry[1] === 'string')),
    devSignIn: devSignIn === true,
  };
}
