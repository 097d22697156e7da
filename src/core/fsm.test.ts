import { describe, expect, it } from 'vitest';
import { DxeError } from './errors.js';
import { defineMachine, eventsFrom, transition, validateMachine, type MachineDef } from './fsm.js';

const door: MachineDef = {
  initial: 'closed',
  states: ['closed', 'open', 'locked', 'gone'],
  final: ['gone'],
  transitions: [
    { from: 'closed', event: 'open', to: 'open' },
    { from: 'open', event: 'close', to: 'closed' },
    { from: 'closed', event: 'lock', to: 'locked', guard: 'hasKey' },
    { from: 'locked', event: 'unlock', to: 'closed', guard: 'hasKey' },
    { from: 'open', event: 'remove', to: 'gone' },
  ],
};

describe('fsm (O1, A4: state machines are data)', () => {
  const m = defineMachine<{ key: boolean }>(door, { hasKey: (c) => c.key || '没有钥匙' });

  it('moves along an edge', () => {
    expect(transition(m, 'closed', 'open', { key: false })).toEqual({ ok: true, next: 'open' });
  });
  it('refuses an event with no edge, with a reason', () => {
    const r = transition(m, 'closed', 'close', { key: false });
    expect(r.ok).toBe(false);
    expect(r.next).toBeNull();
  });
  it('applies guards and reports their reason', () => {
    expect(transition(m, 'closed', 'lock', { key: true })).toEqual({ ok: true, next: 'locked' });
    expect(transition(m, 'closed', 'lock', { key: false })).toEqual({ ok: false, next: null, reason: '没有钥匙' });
  });
  it('refuses any event in a final state and unknown states', () => {
    expect(transition(m, 'gone', 'open', { key: true }).ok).toBe(false);
    expect(transition(m, 'nowhere', 'open', { key: true }).ok).toBe(false);
  });
  it('lists events out of a state', () => {
    expect(eventsFrom(m, 'open').sort()).toEqual(['close', 'remove']);
  });

  const broken: [string, MachineDef, RegExp][] = [
    ['unknown target state', { ...door, transitions: [...door.transitions, { from: 'open', event: 'x', to: 'attic' }] }, /未知状态: attic/],
    ['unknown source state', { ...door, transitions: [...door.transitions, { from: 'attic', event: 'x', to: 'open' }] }, /未知状态: attic/],
    ['unreachable state', { ...door, states: [...door.states, 'island'] }, /不可达: island/],
    ['final state with an outgoing edge', { ...door, transitions: [...door.transitions, { from: 'gone', event: 'back', to: 'open' }] }, /终态不能有出边/],
    ['initial not a state', { ...door, initial: 'attic' }, /初始状态/],
    ['ambiguous unguarded edges', { ...door, transitions: [...door.transitions, { from: 'closed', event: 'open', to: 'locked' }] }, /多条无守卫/],
  ];
  it.each(broken)('rejects a graph with %s', (_name, def, message) => {
    expect(validateMachine(def).map((p) => p.message).join('\n')).toMatch(message);
    expect(() => defineMachine(def, { hasKey: () => true })).toThrow(DxeError);
  });
  it('rejects an unknown guard name at build time', () => {
    expect(() => defineMachine(door, {})).toThrow(/未知守卫: hasKey/);
  });
});
