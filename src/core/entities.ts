// Entities the NLU extracts from a buyer message and the bot planner consumes.
// Owned jointly: nlu fills it, bot reads it; change the shape only with both in mind.
export interface Measurements {
  heightCm?: number;
  /** Body weight in 斤 (500 g), the unit buyers use. */
  weightJin?: number;
  /** Waist in cm (2尺1 → 70 cm). */
  waistCm?: number;
  bustCm?: number;
  footLengthMm?: number;
}

export interface Entities {
  orderNos: string[];
  trackingNos: string[];
  /** Phone numbers as digits; personal data — never logged or shown unmasked. */
  phones: string[];
  /** Amounts in yuan. */
  amounts: number[];
  /** Garment/shoe sizes as written, normalised: 'S','M','L','XL','2XL',…, or numeric '38'. */
  sizes: string[];
  measurements: Measurements;
  colours: string[];
  /** Catalogue references: item ids or titles matched against the shop dictionary. */
  itemRefs: string[];
  /** Dates and times as ISO strings when resolvable, else as written. */
  dates: string[];
  /** Province/region names, short form (广西, 新疆). */
  regions: string[];
  /** Courier names (顺丰, 中通…). */
  couriers: string[];
}

export function emptyEntities(): Entities {
  return {
    orderNos: [],
    trackingNos: [],
    phones: [],
    amounts: [],
    sizes: [],
    measurements: {},
    colours: [],
    itemRefs: [],
    dates: [],
    regions: [],
    couriers: [],
  };
}
