// Money is counted in integer fen (0.01 yuan) so that percentages and sums never drift; yuan
// appear only at the edges, rounded to 2 decimals.

export type Fen = number;

export function yuanToFen(yuan: number): Fen {
  if (!Number.isFinite(yuan)) throw new RangeError(`not a finite amount: ${yuan}`);
  return Math.round(yuan * 100);
}

export function fenToYuan(fen: Fen): number {
  return fen / 100;
}

/** `fen` × `pct` %, rounded half away from zero to whole fen, in integer arithmetic. */
export function percentOf(fen: Fen, pct: number): Fen {
  const basisPoints = Math.round(pct * 100);
  const product = fen * basisPoints;
  const sign = product < 0 ? -1 : 1;
  return sign * Math.floor((Math.abs(product) + 5000) / 10000);
}

export function clampFen(fen: Fen, min: Fen, max: Fen | null): Fen {
  const low = Math.max(fen, min);
  return max === null ? low : Math.min(low, max);
}

/**
 * O2 (issue 15): an amount in major units of its currency as the server writes it in advice:
 * ¥12.34 for CNY, else the ISO code (USD 12.34). Never converted.
 */
export function majorText(amount: number, currency = 'CNY'): string {
  return currency === 'CNY' ? `¥${amount.toFixed(2)}` : `${currency} ${amount.toFixed(2)}`;
}
