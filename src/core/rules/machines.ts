// Builds the state machines a profile describes (O1 orders, A4 refunds), once per profile.
import { defineMachine, transition, type Guard, type Machine, type TransitionResult } from '../fsm.js';
import type { MachineProfile } from './schema.js';

/** The seeds write some states with commas (买家已付款,等待卖家发货); names here have none. */
export function normalizeStateName(name: string): string {
  return name.replace(/[,，、\s]/g, '');
}

const built = new WeakMap<MachineProfile, Machine<never>>();

export function machineFrom<C>(def: MachineProfile, guards: Record<string, Guard<C>>, label: string): Machine<C> {
  const hit = built.get(def) as Machine<C> | undefined;
  if (hit) return hit;
  const m = defineMachine<C>(
    { initial: def.initial, states: def.states, final: def.final, transitions: def.transitions },
    guards,
    label,
  );
  built.set(def, m as unknown as Machine<never>);
  return m;
}

export function transitionByName<C>(machine: Machine<C>, state: string, event: string, ctx: C): TransitionResult {
  return transition(machine, normalizeStateName(state), event.trim(), ctx);
}
