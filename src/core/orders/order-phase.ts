// The one reading of where an order is (O1): every platform names its order states its own way
// (交易成功, 完成, 平台已放款…), and everything that asks "is it paid? shipped? finished?" asks
// here. The answer is read from the profile's machine graph, never from a list of names:
//   - the initial state is unpaid;
//   - a final state reached by a closing event (the buyer or the seller closing it, payment timing
//     out, a full refund) is closed; any other final state is succeeded;
//   - a state reached after `buyer_sign` (without passing a final) is signed — only machines that
//     know signing for goods as a step of their own have one (Pinduoduo, AliExpress);
//   - a state reached after `seller_ship` (without passing a final) is shipped;
//   - every other state is paid.
import { normalizeStateName } from '../rules/machines.js';
import type { MachineProfile, Profile } from '../rules/schema.js';

/** The flow every platform shares, in order; closed comes last (an order never leaves it). */
export const ORDER_PHASES = ['unpaid', 'paid', 'shipped', 'signed', 'succeeded', 'closed'] as const;
export type OrderPhase = (typeof ORDER_PHASES)[number];

/** Machine events after which an order ended without the trade happening. */
const CLOSING_EVENTS = new Set(['buyer_close', 'pay_timeout', 'seller_close', 'refund_success']);

type OrderProfile = Pick<Profile, 'orders'>;

export function isOrderPhase(value: string): value is OrderPhase {
  return (ORDER_PHASES as readonly string[]).includes(value);
}

/** States reachable from the targets of `event`, stopping at final states. */
function reachedAfter(m: MachineProfile, event: string, finals: ReadonlySet<string>): Set<string> {
  const seen = new Set<string>();
  const queue = m.transitions.filter((t) => t.event === event).map((t) => normalizeStateName(t.to));
  while (queue.length > 0) {
    const next = queue.shift()!;
    if (seen.has(next) || finals.has(next)) continue;
    seen.add(next);
    for (const t of m.transitions) if (normalizeStateName(t.from) === next) queue.push(normalizeStateName(t.to));
  }
  return seen;
}

const tables = new WeakMap<MachineProfile, Map<string, OrderPhase>>();

/** Every state of the machine with its phase, in the machine's own order; built once per machine. */
function phaseTable(m: MachineProfile): Map<string, OrderPhase> {
  const hit = tables.get(m);
  if (hit) return hit;
  const finals = new Set(m.final.map(normalizeStateName));
  const closed = new Set(
    m.transitions.filter((t) => CLOSING_EVENTS.has(t.event) && finals.has(normalizeStateName(t.to))).map((t) => normalizeStateName(t.to)),
  );
  const signed = reachedAfter(m, 'buyer_sign', finals);
  const shipped = reachedAfter(m, 'seller_ship', finals);
  const initial = normalizeStateName(m.initial);
  const table = new Map<string, OrderPhase>();
  for (const raw of m.states) {
    const s = normalizeStateName(raw);
    let phase: OrderPhase;
    if (s === initial) phase = 'unpaid';
    else if (closed.has(s)) phase = 'closed';
    else if (finals.has(s)) phase = 'succeeded';
    else if (signed.has(s)) phase = 'signed';
    else if (shipped.has(s)) phase = 'shipped';
    else phase = 'paid';
    table.set(s, phase);
  }
  tables.set(m, table);
  return table;
}

/** The phase of a state of the profile's order machine; null for a name the machine does not have. */
export function orderPhase(profile: OrderProfile, state: string): OrderPhase | null {
  return phaseTable(profile.orders.machine).get(normalizeStateName(state)) ?? null;
}

/**
 * The profile's state for a phase: the first state of the machine in that phase (each of the
 * shipped profiles has one per phase). Null when the machine has no such phase — most have no
 * signed state of their own.
 */
export function stateForPhase(profile: OrderProfile, phase: OrderPhase): string | null {
  for (const [state, p] of phaseTable(profile.orders.machine)) if (p === phase) return state;
  return null;
}

/** Position of a phase in the flow (unpaid 0 … closed 5). */
export function phaseRank(phase: OrderPhase): number {
  return ORDER_PHASES.indexOf(phase);
}

/** Position of a state in the flow, so a later reading never moves an order back; null outside the machine. */
export function stateRank(profile: OrderProfile, state: string): number | null {
  const phase = orderPhase(profile, state);
  return phase === null ? null : phaseRank(phase);
}

/** Whether the order is over (succeeded or closed): nothing more can be tied to it (D8). */
export function isFinished(profile: OrderProfile, state: string): boolean {
  const phase = orderPhase(profile, state);
  return phase === 'succeeded' || phase === 'closed';
}

/** The machine's finished states, as stored (for a query that leaves finished orders out). */
export function finishedStates(profile: OrderProfile): string[] {
  return [...phaseTable(profile.orders.machine)].filter(([, p]) => p === 'succeeded' || p === 'closed').map(([s]) => s);
}

/** Whether goods have left the seller (shipped, signed for, or the trade succeeded). */
export function hasShipped(phase: OrderPhase | null): boolean {
  return phase === 'shipped' || phase === 'signed' || phase === 'succeeded';
}

/** Whether money was paid and the trade is still under way (paid, shipped or signed for). */
export function isUnderWay(phase: OrderPhase | null): boolean {
  return phase === 'paid' || phase === 'shipped' || phase === 'signed';
}
