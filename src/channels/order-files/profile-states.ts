// The platform profile's state names for a neutral state reading (O1). Found from the machine's
// graph, not from a table per platform: the initial state is "awaiting payment", buyer_pay leads
// to "awaiting shipment", seller_ship to "shipped", buyer_sign (where the machine has it) to
// "signed", buyer_confirm to "completed", refund_success / pay_timeout to "closed". An export
// word that is itself one of the machine's states wins.
import { normalizeStateName } from '../../core/rules/machines.js';
import type { MachineProfile } from '../../core/rules/schema.js';
import type { OrderStateKey } from './order-states.js';

export type StateResolver = (key: OrderStateKey, word?: string) => string;

export function profileStateResolver(machine: MachineProfile): StateResolver {
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
  return (key, word) => {
    if (word) {
      const w = normalizeStateName(word);
      if (states.has(w)) return w;
    }
    return names[key];
  };
}
