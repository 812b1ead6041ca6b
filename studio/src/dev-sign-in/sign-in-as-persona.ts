/** Absolute for the same reason as the personas URL. */
export const DEV_SIGN_IN_URL = '/auth/dev/sign-in';

/**
 * Asks the server for a development token for `userName`. Rejects with the server's own
 * message (e.g. the 403 for an unknown or inactive user), which the control shows as is.
 */
export async function signInAsPersona(userName: string, url: string = DEV_SIGN_IN_URL): Promise<string> {
  let response: Response;
  try {
    response = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/json' },
      body: JSON.stringify({ userName }),
      cache: 'no-store',
    });
  } catch (error) {
    throw new Error(`Could not reach ${url}: ${(error as Error).message}`);
  }
  const body = (await response.json().catch(() => null)) as { token?: unknown; errors?: { message?: unknown }[] } | null;
  if (!response.ok) {
    const message = body?.errors?.map((e) => e.message).filter((m): m is string => typeof m === 'string').join('\n');
    throw new Error(message || `${url} answered HTTP ${response.status}`);
  }
  if (typeof body?.token !== 'string') throw new Error(`${url} answered without a token`);
  return body.token;
}
