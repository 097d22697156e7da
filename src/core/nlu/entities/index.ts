// Entity extraction over a normalised message (fills the Entities shape of core/entities.ts).
import { emptyEntities, type Entities } from '../../entities.js';
import { extractMeasurements, extractSizes } from './body.js';
import { extractIds } from './ids.js';
import { extractColours, extractCouriers, extractDates, extractRegions } from './lexicon.js';
import { extractAmounts } from './numbers.js';

export interface EntityOptions {
  /** Shop item names; a mention becomes an itemRef. */
  shopDictionary?: readonly string[];
  /** Resolves relative dates (明天, 周五) to ISO dates; without it dates stay as written. */
  now?: Date;
}

export function extractEntities(normalized: string, opts: EntityOptions = {}): Entities {
  const e = emptyEntities();
  const ids = extractIds(normalized);
  e.orderNos = ids.orderNos;
  e.trackingNos = ids.trackingNos;
  e.phones = ids.phones;
  // Amounts and sizes are read from the text without the long numbers (a phone is not 138 元).
  let rest = normalized;
  for (const v of [...ids.orderNos, ...ids.trackingNos, ...ids.itemIds]) rest = rest.split(v).join(' ');
  rest = rest.replace(/1[3-9]\d(?:[\s-]?\d){8}/g, ' ');
  e.amounts = extractAmounts(rest);
  e.sizes = extractSizes(rest);
  e.measurements = extractMeasurements(rest);
  e.colours = extractColours(rest);
  e.regions = extractRegions(rest);
  e.couriers = extractCouriers(rest);
  e.dates = extractDates(rest, opts.now);
  e.itemRefs = [...ids.itemIds];
  for (const name of opts.shopDictionary ?? []) {
    const n = name.trim().toLowerCase();
    if (n.length > 0 && normalized.includes(n) && !e.itemRefs.includes(name)) e.itemRefs.push(name);
  }
  return e;
}
