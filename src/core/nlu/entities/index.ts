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

// Cheap pre-checks: most messages mention no number, size or measurement, so the detailed
// extractors (several regular expressions each) run only when their trigger is present.
const HAS_LONG_ID = /\d{7}|[a-z]{2}\d{9}|1[3-9]\d[\s-]\d{4}/i;
const HAS_AMOUNT = /[元块¥￥]|rmb|大洋/;
const HAS_SIZE = /[a-z码号]/i;
const HAS_MEASURE = /斤|kg|公斤|千克|cm|厘米|公分|米|\dm|身高|体重|腰|胸围|脚长|尺/;

export function extractEntities(normalized: string, opts: EntityOptions = {}): Entities {
  const e = emptyEntities();
  let rest = normalized;
  let itemIds: string[] = [];
  if (HAS_LONG_ID.test(normalized)) {
    const ids = extractIds(normalized);
    e.orderNos = ids.orderNos;
    e.trackingNos = ids.trackingNos;
    e.phones = ids.phones;
    itemIds = ids.itemIds;
    // Amounts and sizes are read without the long numbers (a phone is not 138 元).
    for (const v of [...ids.orderNos, ...ids.trackingNos, ...ids.itemIds]) rest = rest.split(v).join(' ');
    rest = rest.replace(/1[3-9]\d(?:[\s-]?\d){8}/g, ' ');
  }
  if (HAS_AMOUNT.test(rest)) e.amounts = extractAmounts(rest);
  if (HAS_SIZE.test(rest)) e.sizes = extractSizes(rest);
  if (HAS_MEASURE.test(rest)) e.measurements = extractMeasurements(rest);
  e.colours = extractColours(rest);
  e.regions = extractRegions(rest);
  e.couriers = extractCouriers(rest);
  e.dates = extractDates(rest, opts.now);
  e.itemRefs = itemIds;
  for (const name of opts.shopDictionary ?? []) {
    const n = name.trim().toLowerCase();
    if (n.length > 0 && normalized.includes(n) && !e.itemRefs.includes(name)) e.itemRefs.push(name);
  }
  return e;
}
