// One byte sequence per value, so a hash over it is the same wherever it is recomputed: object
// keys sorted at every level (jsonb hands them back in its own order), no spaces. It agrees with
// what JSON.stringify stores: a Date becomes its ISO string (so a value hashed before it was
// written and the same value read back hash alike), an undefined property is left out, and an
// undefined or missing array element is null. Feeds the audit chain and evidence bundles (A11).
export function canonicalJson(value: unknown): string {
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? 'null' : JSON.stringify(value.toISOString());
  if (value === null || typeof value !== 'object') return JSON.stringify(value ?? null);
  if (Array.isArray(value)) return `[${Array.from(value, (v: unknown) => canonicalJson(v)).join(',')}]`;
  const entries: [string, unknown][] = Object.entries(value)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
}
