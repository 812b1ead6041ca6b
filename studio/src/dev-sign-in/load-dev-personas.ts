/** Someone the development sign-in offers, as `GET /auth/dev/personas` lists them. */
export interface DevPersona {
  userName: string;
  name: string;
  description: string;
}

/** Absolute: the explorer is also served at /graphql, outside /studio/. */
export const DEV_PERSONAS_URL = '/auth/dev/personas';

/**
 * The personas the server offers, or null when development sign-in is off (the server answers
 * 404 once an identity provider is configured). Other failures reject with a message.
 */
export async function loadDevPersonas(signal?: AbortSignal, url: string = DEV_PERSONAS_URL): Promise<DevPersona[] | null> {
  const response = await fetch(url, { headers: { accept: 'application/json' }, cache: 'no-store', signal });
  if (response.status === 404) return null;
  if (!response.ok) throw new Error(`${url} answered HTTP ${response.status}`);
  const body = (await response.json().catch(() => null)) as { personas?: unknown } | null;
  if (!Array.isArray(body?.personas)) throw new Error(`${url} did not answer a list of personas`);
  return body.personas.filter(isPersona);
}

function isPersona(value: unknown): value is DevPersona {
  const p = value as Partial<DevPersona> | null;
  return typeof p?.userName === 'string' && typeof p.name === 'string' && typeof p.description === 'string';
}
