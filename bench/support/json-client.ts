/** A JSON client of LeadLoop's HTTP API with one bearer token, for the benches: the answer's body, or an error naming the call. */
export type JsonClient = <T = any>(method: string, path: string, body?: unknown) => Promise<T>;

export function jsonClient(base: string, token: string): JsonClient {
  return async (method, path, body) => {
    const res = await fetch(`${base}${path}`, {
      method,
      headers: {
        authorization: `Bearer ${token}`,
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await res.text();
    if (!res.ok) throw new Error(`${method} ${path}: ${res.status} ${text.slice(0, 300)}`);
    return (text ? JSON.parse(text) : undefined) as never;
  };
}
