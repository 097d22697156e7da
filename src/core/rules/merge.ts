// Layering of profiles (P2, P1): common → platform → shop override. Objects merge key by key;
// arrays and scalars replace, so a platform that restates a list owns the whole list.

export type PlainObject = Record<string, unknown>;

export function isPlainObject(value: unknown): value is PlainObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Returns a new value; neither input is modified. `undefined` in the override keeps the base. */
export function deepMerge(base: unknown, override: unknown): unknown {
  if (override === undefined) return clone(base);
  if (!isPlainObject(base) || !isPlainObject(override)) return clone(override);
  const out: PlainObject = {};
  for (const [k, v] of Object.entries(base)) out[k] = clone(v);
  for (const [k, v] of Object.entries(override)) out[k] = deepMerge(base[k], v);
  return out;
}

/** Merges any number of layers, lowest first. */
export function mergeLayers(...layers: unknown[]): unknown {
  return layers.reduce<unknown>((acc, layer) => deepMerge(acc, layer), {});
}

function clone(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(clone);
  if (isPlainObject(value)) {
    const out: PlainObject = {};
    for (const [k, v] of Object.entries(value)) out[k] = clone(v);
    return out;
  }
  return value;
}

/** How deep `path` exists in `value` (number of leading segments found). */
export function existingDepth(value: unknown, path: readonly PropertyKey[]): number {
  let cur: unknown = value;
  let depth = 0;
  for (const seg of path) {
    if (Array.isArray(cur) && typeof seg === 'number' && seg < cur.length) {
      cur = cur[seg];
    } else if (isPlainObject(cur) && typeof seg === 'string' && seg in cur) {
      cur = cur[seg];
    } else {
      break;
    }
    depth += 1;
  }
  return depth;
}
