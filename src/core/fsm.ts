// A small state-machine helper in the spirit of Vendure's order process: the graph is data
// (usually read from a rule profile), guards are named functions, and the graph is validated
// once when the machine is built so that a broken profile fails at load, not mid-case.
import { DxeError } from './errors.js';

export interface TransitionDef {
  from: string;
  event: string;
  to: string;
  /** Name of a guard function that must allow the move. */
  guard?: string | undefined;
}

export interface MachineDef {
  initial: string;
  states: string[];
  final: string[];
  transitions: TransitionDef[];
}

/** A guard returns true to allow the move, or a reason (Chinese) why not. */
export type Guard<C> = (ctx: C) => true | string;

export interface Machine<C = unknown> {
  readonly def: MachineDef;
  readonly guards: Readonly<Record<string, Guard<C>>>;
  /** Outgoing edges per state, in definition order. */
  readonly edges: ReadonlyMap<string, readonly TransitionDef[]>;
}

export type TransitionResult =
  | { ok: true; next: string }
  | { ok: false; next: null; reason: string };

/**
 * Problems with a graph, each with a path (`transitions.3.to`) and a Chinese reason.
 * Empty when the graph is sound. `guardNames`, when given, is the set of known guards.
 */
export function validateMachine(
  def: MachineDef,
  guardNames?: ReadonlySet<string>,
): { path: (string | number)[]; message: string }[] {
  const problems: { path: (string | number)[]; message: string }[] = [];
  const states = new Set<string>();
  def.states.forEach((s, i) => {
    if (states.has(s)) problems.push({ path: ['states', i], message: `状态重复: ${s}` });
    states.add(s);
  });
  if (!states.has(def.initial)) {
    problems.push({ path: ['initial'], message: `初始状态不在状态列表中: ${def.initial}` });
  }
  const finals = new Set(def.final);
  def.final.forEach((s, i) => {
    if (!states.has(s)) problems.push({ path: ['final', i], message: `终态不在状态列表中: ${s}` });
  });
  const seen = new Set<string>();
  def.transitions.forEach((t, i) => {
    if (!states.has(t.from)) {
      problems.push({ path: ['transitions', i, 'from'], message: `未知状态: ${t.from}` });
    }
    if (!states.has(t.to)) {
      problems.push({ path: ['transitions', i, 'to'], message: `未知状态: ${t.to}` });
    }
    if (finals.has(t.from)) {
      problems.push({
        path: ['transitions', i, 'from'],
        message: `终态不能有出边: ${t.from} --${t.event}--> ${t.to}`,
      });
    }
    if (t.guard !== undefined && guardNames && !guardNames.has(t.guard)) {
      problems.push({ path: ['transitions', i, 'guard'], message: `未知守卫: ${t.guard}` });
    }
    // Two unguarded edges for the same (state, event) would make the next state ambiguous.
    if (t.guard === undefined) {
      const key = `${t.from}\u0000${t.event}`;
      if (seen.has(key)) {
        problems.push({
          path: ['transitions', i],
          message: `同一状态同一事件有多条无守卫的转换: ${t.from} / ${t.event}`,
        });
      }
      seen.add(key);
    }
  });
  // Reachability from the initial state.
  if (states.has(def.initial)) {
    const reached = new Set<string>([def.initial]);
    const queue = [def.initial];
    while (queue.length > 0) {
      const s = queue.shift();
      for (const t of def.transitions) {
        if (t.from === s && states.has(t.to) && !reached.has(t.to)) {
          reached.add(t.to);
          queue.push(t.to);
        }
      }
    }
    def.states.forEach((s, i) => {
      if (!reached.has(s)) problems.push({ path: ['states', i], message: `状态不可达: ${s}` });
    });
  }
  return problems;
}

/** Builds a machine; an invalid graph throws DxeError('PROFILE_INVALID'). */
export function defineMachine<C = unknown>(
  def: MachineDef,
  guards: Record<string, Guard<C>> = {},
  label = '状态机',
): Machine<C> {
  const problems = validateMachine(def, new Set(Object.keys(guards)));
  if (problems.length > 0) {
    const text = problems.map((p) => `${p.path.join('.')}: ${p.message}`).join('; ');
    throw new DxeError('PROFILE_INVALID', `${label}定义有误: ${text}`, problems);
  }
  const edges = new Map<string, TransitionDef[]>();
  for (const s of def.states) edges.set(s, []);
  for (const t of def.transitions) edges.get(t.from)?.push(t);
  return { def, guards, edges };
}

export function isFinal<C>(machine: Machine<C>, state: string): boolean {
  return machine.def.final.includes(state);
}

export function hasState<C>(machine: Machine<C>, state: string): boolean {
  return machine.edges.has(state);
}

/** Events that have an edge out of `state` (guards not evaluated). */
export function eventsFrom<C>(machine: Machine<C>, state: string): string[] {
  return [...new Set((machine.edges.get(state) ?? []).map((t) => t.event))];
}

/**
 * The one way a state changes. The first edge for (state, event) whose guard allows it wins;
 * when every matching edge is refused, the reason of the last refusal is returned.
 */
export function transition<C>(
  machine: Machine<C>,
  state: string,
  event: string,
  ctx: C,
): TransitionResult {
  const out = machine.edges.get(state);
  if (out === undefined) return { ok: false, next: null, reason: `未知状态: ${state}` };
  if (machine.def.final.includes(state)) {
    return { ok: false, next: null, reason: `「${state}」已是终态，不能再操作` };
  }
  const candidates = out.filter((t) => t.event === event);
  if (candidates.length === 0) {
    return { ok: false, next: null, reason: `「${state}」状态下不能执行 ${event}` };
  }
  let reason = '';
  for (const t of candidates) {
    if (t.guard === undefined) return { ok: true, next: t.to };
    const guard = machine.guards[t.guard];
    const verdict = guard ? guard(ctx) : `未知守卫: ${t.guard}`;
    if (verdict === true) return { ok: true, next: t.to };
    reason = verdict;
  }
  return { ok: false, next: null, reason };
}
