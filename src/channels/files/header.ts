// Header names of a marketplace export as people mean them, shared by the order and review
// importers (both read the same kinds of exported files).
import { cleanCell } from './cells.js';

/** Header names as people mean them: trimmed, no quotes, ASCII parentheses, no inner spaces. */
export function normaliseColumn(name: string): string {
  let v = cleanCell(name);
  if (v.startsWith('"') && v.endsWith('"') && v.length >= 2) v = v.slice(1, -1).trim();
  return v.replace(/（/g, '(').replace(/）/g, ')').replace(/\s+/g, '');
}
