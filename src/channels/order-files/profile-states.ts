// The platform profile's state names for a neutral state reading (O1). Found from the machine's
// graph, not from a table per platform: the initial state is "awaiting payment", buyer_pay leads
// to "awaiting shipment", seller_ship to "shipped", buyer_sign (where the machine has it) to
// "signed", buyer_confirm to "completed", refund_success / pay_timeout to "closed". An export
// word that is itself one of the machine's states wins. rank() places a stored state in that
// flow, so an import never moves an order backwards (an older or less precise file — the 7-column
// report cannot see shipping — must not undo what a later one said).
import { normalizeStateName } from '../../core/rules/machines.js';
import type { MachineProfile } from '../../core/rules/schema.js';
import { STATE_KEYS, type OrderStateKey } from './order-states.js';

export interface ProfileStates {
  name(key: OrderStateKey, word?: string): string;
  /** Position of a state name in the common flow; undefined for a state outside it. */
  rank(name: string): number | undefined;
}

export function profileStates(machine: MachineProfile): ProfileStates {
  const states = new Set(machine.states.map(normalizeStateName));
  const next = (from: string, events: readonly string[]): string | undefined =>
    machine.transitions.find((t) => t.from === from && events.includes(t.event))?.to;
  const awaitingPayment = machine.initial;
  const awaitingShipment = next(awaitingPayment, ['buyer_pay']) ?? awaitingPayment;
  const shipped = next(awaitingShipment, ['seller_ship']) ?? awaitingShipment;
  const signed = next(shipped, ['buyer_sign']) ?? shipped;
  const completed =
    next(signed, ['buyer_confirm', 'confirm_timeout']) ?? next(shipped, ['buyer_confirm', 'confirm_timeout']) ?? signed;
  const closed =
    next(awaitingShipment, ['refund_success']) ??
    next(awaitingPayment, ['pay_timeout', 'buyer_close']) ??
    machine.final.find((s) => s !== completed) ??
    completed;
  const names: Record<OrderStateKey, string> = { awaitingPayment, awaitingShipment, shipped, signed, completed, closed };
  const ranks = new Map<string, number>();
  STATE_KEYS.forEach((key, i) => {
    if (!ranks.has(names[key])) ranks.set(names[key], i);
  });
  return {
    name(key, word) {
      if (word) {
        const w = normalizeStateName(word);
        if (states.has(w)) return w;
      }
      return names[key];
    },
    rank: (name) => ranks.get(normalizeStateName(name)),
  };
}
