/** One GraphQL POST; throws on a non-2xx answer or on GraphQL errors, returns `data`. */
export async function postGraphql<T = any>(url: string, query: string, variables: Record<string, unknown> = {}, token?: string): Promise<T> {
  const res = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify({ query, variables }),
  });
  const text = await res.text();
  let body: { data?: T; errors?: unknown[] };
  try {
    body = JSON.parse(text);
  } catch {
    throw new Error(`${url} answered ${res.status} with non-JSON: ${text.slice(0, 500)}`);
  }
  if (!res.ok || body.errors?.length) throw new Error(`${url} answered ${res.status}: ${JSON.stringify(body.errors ?? body).slice(0, 2000)}`);
  return body.data as T;
}
