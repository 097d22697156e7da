// The one HTTP client of the workbench: bearer token from the login, JSON in and out, errors as
// ApiError with the server's code and Chinese message (docs/api-workbench.md).
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

const TOKEN_KEY = 'dxe.token';
let token: string | null = readToken();
const unauthListeners = new Set<() => void>();

function readToken(): string | null {
  try {
    return globalThis.localStorage?.getItem(TOKEN_KEY) ?? null;
  } catch {
    return null;
  }
}

export function getToken(): string | null {
  return token;
}

export function setToken(next: string | null): void {
  token = next;
  try {
    if (next) localStorage.setItem(TOKEN_KEY, next);
    else localStorage.removeItem(TOKEN_KEY);
  } catch {
    /* keep in memory only */
  }
}

/** The session ended without an API call noticing (the realtime gateway said so, issue 15). */
export function sessionEnded(): void {
  unauthListeners.forEach((l) => l());
}

export function onUnauthenticated(listener: () => void): () => void {
  unauthListeners.add(listener);
  return () => unauthListeners.delete(listener);
}

function isRecord(x: unknown): x is Record<string, unknown> {
  return typeof x === 'object' && x !== null;
}

export async function api<T>(method: string, path: string, body?: unknown, signal?: AbortSignal): Promise<T> {
  const headers: Record<string, string> = {};
  if (token) headers.authorization = `Bearer ${token}`;
  // A file (Blob) goes as the raw body; anything else as JSON.
  const raw = typeof Blob !== 'undefined' && body instanceof Blob;
  if (body !== undefined) headers['content-type'] = raw ? 'application/octet-stream' : 'application/json';
  const res = await fetch(`/api/v1${path}`, {
    method,
    headers,
    body: body === undefined ? undefined : raw ? body : JSON.stringify(body),
    signal,
  });
  const text = await res.text();
  let data: unknown = null;
  if (text) {
    try {
      data = JSON.parse(text);
    } catch {
      data = null;
    }
  }
  if (!res.ok) {
    const err = isRecord(data) && isRecord(data.error) ? data.error : {};
    const code = typeof err.code === 'string' ? err.code : `HTTP_${res.status}`;
    const message = typeof err.message === 'string' ? err.message : res.statusText;
    if (res.status === 401 && path !== '/auth/login') unauthListeners.forEach((l) => l());
    throw new ApiError(res.status, code, message, err.details);
  }
  return data as T;
}

export const get = <T>(path: string, signal?: AbortSignal) => api<T>('GET', path, undefined, signal);
export const post = <T>(path: string, body?: unknown) => api<T>('POST', path, body ?? {});
export const put = <T>(path: string, body: unknown) => api<T>('PUT', path, body);
export const patch = <T>(path: string, body: unknown) => api<T>('PATCH', path, body);
export const del = <T>(path: string) => api<T>('DELETE', path);

/** A route that is not deployed yet answers 404 with no resource id in the path's meaning. */
export function isMissingRoute(err: unknown): boolean {
  return err instanceof ApiError && err.status === 404;
}

/** The message to show for a failed call: the server's Chinese message, or the error's text. */
export function errorText(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}
