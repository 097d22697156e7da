// PostgreSQL (and PGlite) report a duplicate key as SQLSTATE 23505; drivers may wrap the error,
// so the cause chain is searched.
const UNIQUE_VIOLATION = '23505';

export function isUniqueViolation(err: unknown): boolean {
  for (let e: unknown = err; e && typeof e === 'object'; e = Reflect.get(e, 'cause')) {
    if (Reflect.get(e, 'code') === UNIQUE_VIOLATION) return true;
  }
  return false;
}
