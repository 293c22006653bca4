// The JSON calls of the pages. Problems (application/problem+json) become ApiProblem with the stable
// code; a lost connection or a timeout is code "network", which callers may retry.

const TimeoutMs = 15000;

export class ApiProblem extends Error {
  constructor(status, body, retryAfterSeconds) {
    super(body?.title ?? `HTTP ${status}`);
    this.status = status;
    this.code = body?.code ?? (status === 0 ? 'network' : 'unexpected');
    this.body = body ?? {};
    this.retryAfterSeconds = retryAfterSeconds;
  }

  /** Worth sending again unchanged (with the same Idempotency-Key): the answer may not have been decided. */
  get retryable() {
    return this.status === 0 || this.status === 503 || this.status === 502 || this.status === 504;
  }
}

export function createApi(session) {
  async function send(method, path, body, headers) {
    const tokens = session?.tokens;
    const request = { method, headers: { Accept: 'application/json', ...headers }, signal: AbortSignal.timeout(TimeoutMs) };
    if (tokens) request.headers.Authorization = `Bearer ${tokens.accessToken}`;
    if (body !== undefined) {
      request.headers['Content-Type'] = 'application/json';
      request.body = JSON.stringify(body);
    }
    try {
      return await fetch(path, request);
    } catch {
      return null;
    }
  }

  async function refresh() {
    const refreshToken = session?.tokens?.refreshToken;
    if (!refreshToken) return false;
    const response = await send('POST', '/api/auth/refresh', { refreshToken }, {});
    if (!response?.ok) {
      session.clear();
      return false;
    }
    session.save(await response.json());
    return true;
  }

  async function call(method, path, { body, headers = {} } = {}) {
    let response = await send(method, path, body, headers);
    if (response?.status === 401 && session?.tokens && !path.startsWith('/api/auth/') && (await refresh()))
      response = await send(method, path, body, headers);
    if (!response) throw new ApiProblem(0, null);
    const type = response.headers.get('Content-Type') ?? '';
    const data = type.includes('json') ? await response.json() : null;
    if (!response.ok) throw new ApiProblem(response.status, data, Number(response.headers.get('Retry-After')) || undefined);
    return data;
  }

  return {
    get: (path) => call('GET', path),
    post: (path, body = {}, headers) => call('POST', path, { body, headers }),
    patch: (path, body) => call('PATCH', path, { body }),
    put: (path, body) => call('PUT', path, { body }),
    delete: (path) => call('DELETE', path),
    async signIn(login, password) {
      session.save(await call('POST', '/api/auth/sign-in', { body: { login, password } }));
    },
    async signOut() {
      try {
        await call('POST', '/api/auth/sign-out');
      } finally {
        session.clear();
      }
    },
  };
}

/** Path segment from an id the API gave: ids are restricted, but encoding costs nothing. */
export const segment = encodeURIComponent;
