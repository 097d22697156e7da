// What the server writes to its log, and what it never writes (issue 10, Major 4 and minor):
// - request URLs with the values of secret query parameters replaced (`ticket`, `visitor` — a
//   widget visitor id is the buyer's credential — and any `token` a careless client sends);
// - no request headers at all (so no Authorization or Cookie), and pino's redaction for
//   authorization, cookie, password, token and personal fields should an object carry them;
// - errors through `safeError`: type, message, stack, and the database's code / constraint /
//   table, but never a failed query's parameters nor PostgreSQL's `detail` (which quotes the
//   values: phones, addresses).
import type { FastifyRequest } from 'fastify';

export const SECRET_QUERY_KEYS = new Set(['token', 'access_token', 'ticket', 'visitor', 'password', 'key', 'secret']);
const REDACTED = '[redacted]';

/** The URL with the values of secret query parameters replaced. */
export function redactUrl(url: string): string {
  const q = url.indexOf('?');
  if (q < 0) return url;
  const parts = url.slice(q + 1).split('&').map((pair) => {
    const eq = pair.indexOf('=');
    const rawKey = eq < 0 ? pair : pair.slice(0, eq);
    let key = rawKey;
    try {
      key = decodeURIComponent(rawKey.replace(/\+/g, ' '));
    } catch {
      /* keep the raw key */
    }
    return SECRET_QUERY_KEYS.has(key.toLowerCase()) && eq >= 0 ? `${rawKey}=${REDACTED}` : pair;
  });
  return `${url.slice(0, q)}?${parts.join('&')}`;
}

/** Messages of failed queries end in their parameters ("…\nparams: 138…"); cut them off. */
function safeMessage(message: string): string {
  const cut = message.search(/\n\s*params:/i);
  return cut >= 0 ? `${message.slice(0, cut)}\nparams: ${REDACTED}` : message;
}

const KEPT_FIELDS = ['code', 'constraint', 'table', 'column', 'schema', 'routine', 'severity', 'statusCode', 'errno', 'syscall'] as const;

/** A loggable copy of an error without query parameters or row values. */
export function safeError(err: unknown, depth = 0): Record<string, unknown> {
  if (!(err instanceof Error)) return { type: typeof err, message: safeMessage(String(err)) };
  const message = safeMessage(err.message);
  const out: Record<string, unknown> = { type: err.name || err.constructor?.name || 'Error', message };
  if (err.stack) {
    out.stack = err.message && err.stack.includes(err.message) ? err.stack.replace(err.message, message) : safeMessage(err.stack);
  }
  const rec = err as unknown as Record<string, unknown>;
  for (const f of KEPT_FIELDS) {
    const v = rec[f];
    if (typeof v === 'string' || typeof v === 'number') out[f] = v;
  }
  if (rec.cause !== undefined && depth < 5) out.cause = safeError(rec.cause, depth + 1);
  return out;
}

/** pino paths removed from every log line. */
export const REDACT_PATHS = [
  'req.headers.authorization',
  'req.headers.cookie',
  'headers.authorization',
  'headers.cookie',
  'res.headers["set-cookie"]',
  '*.password',
  '*.token',
  '*.ticket',
  '*.visitor',
  '*.phone',
  '*.address',
  '*.receiverPhone',
  '*.receiverAddress',
];

export const logSerializers = {
  req(request: FastifyRequest) {
    return {
      method: request.method,
      url: redactUrl(request.url),
      remoteAddress: request.ip,
      remotePort: request.socket?.remotePort,
    };
  },
  err: (err: unknown) => safeError(err),
};

/** The fastify logger options of a server started with `dxe serve`. */
export function loggerOptions(level: string) {
  return { level, redact: REDACT_PATHS, serializers: logSerializers };
}
