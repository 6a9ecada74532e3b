/** Builds a Request for a route handler, as a client with an API key would send it. */
export function apiRequest(
  path: string,
  init: { method?: string; key?: string | null; body?: unknown; headers?: Record<string, string> } & { defaultKey?: string } = {},
) {
  const headers = new Headers(init.headers);
  const key = init.key === undefined ? init.defaultKey : init.key;
  if (key) headers.set('authorization', `Bearer ${key}`);
  const body = init.body === undefined ? undefined : typeof init.body === 'string' ? init.body : JSON.stringify(init.body);
  if (body) headers.set('content-type', 'application/json');
  return new Request(`http://localhost${path}`, { method: init.method ?? 'GET', headers, body });
}

export const params = (values: Record<string, string> = {}) => ({ params: Promise.resolve(values) });
