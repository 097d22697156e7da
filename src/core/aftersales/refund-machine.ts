// The refund machine (A4) from the profile, one per platform: Tmall's refund states and the
// platform's advance-payment (垫付) states (Taobao, JD and PDD run the same; their profiles say
// why), AliExpress's dispute (纠纷 → seller responds → platform rules, seed 003); the six A4
// states and the events of EVAL §3 hold on every platform.
import { eventsFrom, isFinal, type Machine, type TransitionResult } from '../fsm.js';
import { machineFrom, normalizeStateName, transitionByName } from '../rules/machines.js';
import type { Profile } from '../rules/schema.js';

export const REFUND_EVENTS = [
  'seller_refuse',
  'buyer_modify',
  'seller_agree_return',
  'seller_agree_refund',
  'buyer_ship_return',
  'seller_confirm_receipt',
  'buyer_cancel',
  'platform_intervene',
  'platform_advance_return_required',
  'platform_advance_not_received',
  'seller_confirm',
  'platform_rule_for_buyer',
  'platform_rule_for_seller',
  // AliExpress (seed 003): the seller answers the buyer's dispute.
  'seller_respond',
] as const;

export function refundMachine(profile: Pick<Profile, 'refunds'>): Machine<unknown> {
  return machineFrom(profile.refunds.machine, {}, '退款状态机');
}

export function refundTransition(profile: Pick<Profile, 'refunds'>, state: string, event: string): TransitionResult {
  return transitionByName(refundMachine(profile), state, event, undefined);
}

export function refundEventsFrom(profile: Pick<Profile, 'refunds'>, state: string): string[] {
  return eventsFrom(refundMachine(profile), normalizeStateName(state));
}

export function isRefundFinal(profile: Pick<Profile, 'refunds'>, state: string): boolean {
  return isFinal(refundMachine(profile), normalizeStateName(state));
}
