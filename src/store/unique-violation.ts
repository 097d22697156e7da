// Did a write fail because a unique index already holds the key (SQLSTATE 23505)? The driver's
// error may arrive wrapped (drizzle wraps PGlite's and node-postgres' errors in `cause`), so the
// whole cause chain is searched. Callers use it for idempotent inserts: a redelivered message or
// order that lost a race finds the row the winner wrote.
const UNIQUE_VIOLATION = '23505';
const MAX_DEPTH = 16;

export function isUniqueViolation(err: unknown): boolean {
  let e: unknown = err;
  for (let depth = 0; depth < MAX_DEPTH && e !== null && typeof e === 'object'; depth += 1) {
    if (Reflect.get(e, 'code') === UNIQUE_VIOLATION) return true;
    e = Reflect.get(e, 'cause');
  }
  return false;
}
