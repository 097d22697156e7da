// The signed-in agent, their shops and the realtime connection, shared by every screen.
import { createContext, useContext } from 'react';
import type { Agent, Shop } from './types.js';
import type { Realtime } from './realtime.js';

export interface Session {
  agent: Agent;
  shops: Shop[];
  realtime: Realtime;
}

export const SessionContext = createContext<Session | null>(null);

export function useSession(): Session {
  const s = useContext(SessionContext);
  if (!s) throw new Error('useSession outside a signed-in screen');
  return s;
}

export function isSupervisor(agent: Agent): boolean {
  return agent.role === 'admin' || agent.role === 'supervisor';
}
