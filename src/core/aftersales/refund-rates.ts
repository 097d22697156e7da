// Refund rate and dispute rate (A8, seed 004): refunds ÷ the month's trades; disputes (refunds
// the platform had to decide) ÷ trades. 4 disputes in 1,000 trades already lower the item.
import type { Profile } from '../rules/schema.js';

export interface RateInput {
  trades: number;
  refunds: number;
  /** Refunds finished only after the platform stepped in. */
  disputes: number;
}

export interface Rates {
  refundRate: number | null;
  disputeRate: number | null;
  disputePerMille: number | null;
  alerts: { kind: 'dispute' | 'refund'; messageZh: string }[];
}

export function refundRates(input: RateInput, profile: Pick<Profile, 'refunds'>): Rates {
  const r = profile.refunds.rates;
  if (input.trades <= 0) return { refundRate: null, disputeRate: null, disputePerMille: null, alerts: [] };
  const refundRate = input.refunds / input.trades;
  const disputeRate = input.disputes / input.trades;
  const perMille = disputeRate * 1000;
  const alerts: Rates['alerts'] = [];
  // Compare in integers (disputes × 1000 vs threshold × trades) to avoid float edges.
  if (input.disputes * 1000 >= r.dispute_alert_per_mille * input.trades) {
    alerts.push({
      kind: 'dispute',
      messageZh: `纠纷退款率 ${perMille.toFixed(2)}‰，已达 ${r.dispute_alert_per_mille}‰，商品可能被降权`,
    });
  }
  if (r.refund_rate_alert_pct !== null && refundRate * 100 >= r.refund_rate_alert_pct) {
    alerts.push({ kind: 'refund', messageZh: `退款率 ${(refundRate * 100).toFixed(2)}%，已达提醒线 ${r.refund_rate_alert_pct}%` });
  }
  return { refundRate, disputeRate, disputePerMille: perMille, alerts };
}
