// Talks to /api with the session cookie; changes carry the session's CSRF token.
let session = null;

export class ApiError extends Error {
  constructor(status, detail) { super(detail || ('HTTP ' + status)); this.status = status; }
}

export function toSignIn() {
  location.href = 'login.html?next=' + encodeURIComponent(location.hash || '#/overview');
}

export async function currentSession() {
  if (session) return session;
  const r = await fetch('/auth/session', { credentials: 'same-origin' });
  if (r.status === 401) { toSignIn(); throw new ApiError(401, 'not signed in'); }
  session = await r.json();
  return session;
}

async function call(method, path, body, type) {
  const headers = {};
  if (method !== 'GET') {
    headers['X-CSRF-Token'] = (await currentSession()).csrf;
    if (body !== undefined) headers['Content-Type'] = type || 'application/json';
  }
  const payload = body === undefined ? undefined : (typeof body === 'string' ? body : JSON.stringify(body));
  const r = await fetch(path, { method, headers, body: payload, credentials: 'same-origin' });
  if (r.status === 401) { toSignIn(); throw new ApiError(401, 'not signed in'); }
  if (r.status === 204) return null;
  const text = await r.text();
  let json = null;
  try { json = text ? JSON.parse(text) : null; } catch { json = null; }
  if (!r.ok) throw new ApiError(r.status, json && json.detail ? json.detail : text);
  return json === null ? text : json;
}

export const get = (path) => call('GET', path);
export const post = (path, body, type) => call('POST', path, body, type);
export const put = (path, body, type) => call('PUT', path, body, type);
export const del = (path) => call('DELETE', path);

let routes = null;

/** True when the server has this route (APIs arrive as capabilities land). */
export async function has(path, method = 'GET') {
  routes = routes || get('/api/web/capabilities').then((c) => c.routes.map((r) => {
    const [m, p] = r.split(' ');
    return { m, re: new RegExp('^' + p.replace(/\{[^}]+\}/g, '[^/]+') + '$') };
  }));
  const p = path.split('?')[0];
  return (await routes).some((r) => r.m === method && r.re.test(p));
}

/** GET that answers null when the server has no such API (asking nothing) or the thing is missing. */
export async function optional(path) {
  if (!(await has(path))) return null;
  try { return await get(path); } catch (e) { if (e.status === 404) return null; throw e; }
}

export async function signOut() {
  await call('POST', '/auth/sign-out', '');
  session = null;
  location.href = 'login.html';
}

/** Query string from an object, skipping empty values. */
export function qs(params) {
  const p = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v !== undefined && v !== null && v !== '') p.set(k, v);
  const s = p.toString();
  return s ? '?' + s : '';
}
