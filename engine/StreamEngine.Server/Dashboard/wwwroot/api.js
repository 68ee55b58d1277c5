// REST calls to the engine on this page's own origin. Changes send JSON with the API token as a Bearer header:
// the engine's browser gate accepts its own origin with Content-Type application/json, and the token never
// goes into a URL (it lives in sessionStorage, for this tab only).
const TOKEN = 'streamengine.token';
const PASSWORD = 'streamengine.wsPassword';

export const credentials = {
  get token() { return sessionStorage.getItem(TOKEN) ?? ''; },
  get password() { return sessionStorage.getItem(PASSWORD) ?? ''; },
  get loggedIn() { return sessionStorage.getItem(TOKEN) !== null; },
  save(token, password) {
    sessionStorage.setItem(TOKEN, token);
    sessionStorage.setItem(PASSWORD, password);
  },
  clear() {
    sessionStorage.removeItem(TOKEN);
    sessionStorage.removeItem(PASSWORD);
  },
};

/** A failed request: the status and the engine's problem+json (detail, field). */
export class ApiError extends Error {
  constructor(status, problem) {
    super(problem?.detail ?? problem?.title ?? `HTTP ${status}`);
    this.status = status;
    this.field = problem?.field;
  }
}

export async function request(method, path, body) {
  const headers = { Accept: 'application/json' };
  if (method !== 'GET') headers['Content-Type'] = 'application/json';
  if (credentials.token) headers.Authorization = `Bearer ${credentials.token}`;
  const response = await fetch(path, {
    method, headers, cache: 'no-store', credentials: 'omit',
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  let data = null;
  if (text) {
    try { data = JSON.parse(text); } catch { data = { detail: text }; }
  }
  if (!response.ok) throw new ApiError(response.status, data);
  return data;
}

export const get = path => request('GET', path);
export const post = (path, body) => request('POST', path, body);
export const patch = (path, body) => request('PATCH', path, body);
export const del = path => request('DELETE', path);

/** GET that answers null when the engine does not have the endpoint (yet): panels that depend on it stay hidden. */
export async function getOptional(path) {
  try { return await get(path); } catch (e) { if (e instanceof ApiError && e.status === 404) return null; throw e; }
}
