// The edge's checks on raw input (issue 10, minor): before any route runs, a request is refused
// with 400 and a stable code when it carries
//   - NUL characters or lone UTF-16 surrogates in a JSON string or key, a path parameter or a
//     query value (INVALID_CHARACTERS) — PostgreSQL cannot store them and they only come from
//     broken or hostile clients;
//   - JSON nested deeper than MAX_JSON_DEPTH (JSON_TOO_DEEP) — no recursion further in can
//     overflow the stack;
//   - an integer query parameter (INTEGER_QUERY_KEYS) that is not an integer in 0 … 2³¹−1
//     (INVALID_NUMBER) — sequence numbers and limits are 32-bit in the store;
// and with 401 TOKEN_IN_URL when a token is put in the URL (`?token=`, `?access_token=`): URLs
// are logged and kept by proxies; tokens go in the Authorization header.
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { DxeError } from '../core/errors.js';
import { hasUnstorableChars } from '../core/storable-text.js';

export const MAX_JSON_DEPTH = 64;
export const MAX_INT = 2 ** 31 - 1;
/** Query parameters that are integers wherever they appear. */
export const INTEGER_QUERY_KEYS = new Set(['after', 'afterSeq', 'limit', 'offset', 'idleMinutes', 'seq']);
const URL_TOKEN_KEYS = new Set(['token', 'access_token']);

export const badText = hasUnstorableChars;

const invalidChars = (where: string) =>
  new DxeError('INVALID_CHARACTERS', undefined, { where });

/**
 * Walks a parsed JSON value without recursion: strings and keys must be clean text and the
 * nesting at most MAX_JSON_DEPTH. Throws the DxeError to answer with.
 */
export function checkJsonValue(value: unknown, where = 'body'): void {
  const stack: { v: unknown; depth: number }[] = [{ v: value, depth: 0 }];
  while (stack.length) {
    const { v, depth } = stack.pop()!;
    if (typeof v === 'string') {
      if (badText(v)) throw invalidChars(where);
    } else if (v !== null && typeof v === 'object') {
      if (depth >= MAX_JSON_DEPTH) throw new DxeError('JSON_TOO_DEEP', `请求内容嵌套层级过深（最多 ${MAX_JSON_DEPTH} 层）`);
      if (Array.isArray(v)) {
        for (const x of v) stack.push({ v: x, depth: depth + 1 });
      } else {
        for (const [k, x] of Object.entries(v)) {
          if (badText(k)) throw invalidChars(where);
          stack.push({ v: x, depth: depth + 1 });
        }
      }
    }
  }
}

/** Depth of brackets in raw JSON text, outside strings; stops early past `limit`. */
export function rawJsonDepth(text: string, limit: number): number {
  let depth = 0;
  let max = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 92 /* \ */) i++;
      else if (c === 34 /* " */) inString = false;
    } else if (c === 34) inString = true;
    else if (c === 123 || c === 91) {
      depth++;
      if (depth > max) max = depth;
      if (max > limit) return max;
    } else if (c === 125 || c === 93) depth--;
  }
  return max;
}

function checkQueryAndParams(request: FastifyRequest): void {
  const params = request.params as Record<string, unknown> | undefined;
  for (const v of Object.values(params ?? {})) {
    if (typeof v === 'string' && badText(v)) throw invalidChars('path');
  }
  const query = request.query as Record<string, unknown> | undefined;
  for (const [k, raw] of Object.entries(query ?? {})) {
    const values = Array.isArray(raw) ? raw : [raw];
    for (const v of values) {
      if (typeof v !== 'string') continue;
      if (badText(k) || badText(v)) throw invalidChars('query');
      if (INTEGER_QUERY_KEYS.has(k) && v !== '') {
        if (!/^\d{1,10}$/.test(v) || Number(v) > MAX_INT) {
          throw new DxeError('INVALID_NUMBER', `参数 ${k} 应为 0 到 ${MAX_INT} 之间的整数`, { param: k });
        }
      }
    }
  }
}

/** True when the URL's query carries a token (`?token=`, `?access_token=`). */
export function tokenInUrl(url: string): boolean {
  const q = url.indexOf('?');
  if (q < 0) return false;
  for (const key of new URLSearchParams(url.slice(q + 1)).keys()) {
    if (URL_TOKEN_KEYS.has(key.toLowerCase())) return true;
  }
  return false;
}

export function registerEdgeGuard(app: FastifyInstance): void {
  // JSON bodies: fastify's own parser (with its prototype-poisoning guard), after a depth check on
  // the raw text, then the walk over the parsed value.
  const parseJson = app.getDefaultJsonParser('error', 'ignore');
  app.removeContentTypeParser('application/json');
  app.addContentTypeParser('application/json', { parseAs: 'string' }, (request, body, done) => {
    const text = typeof body === 'string' ? body : body.toString('utf8');
    if (rawJsonDepth(text, MAX_JSON_DEPTH) > MAX_JSON_DEPTH) {
      done(new DxeError('JSON_TOO_DEEP', `请求内容嵌套层级过深（最多 ${MAX_JSON_DEPTH} 层）`), undefined);
      return;
    }
    parseJson(request, text, (err, parsed) => {
      if (err) return done(err, undefined);
      try {
        checkJsonValue(parsed);
      } catch (e) {
        return done(e as Error, undefined);
      }
      done(null, parsed);
    });
  });

  // preValidation, not onRequest: a WebSocket upgrade refused in onRequest leaves its socket
  // outside the server's connection tracking, and close() then waits for it forever.
  app.addHook('preValidation', async (request) => {
    if (tokenInUrl(request.url)) throw new DxeError('TOKEN_IN_URL');
    checkQueryAndParams(request);
  });
}
