// The signed-in agent, their shops and the realtime connection, shared by every screen.
import { createContext, useContext } from 'react';
import type { Agent, Shop } from './types.js';
import type { Realtime } from './realtime.js';
import type { Attention } from './attention.js';

export interface Session {
  agent: Agent;
  shops: Shop[];
  realtime: Realtime;
  /** Issue 15: the tabs (and settings sub-tabs) this person's role may use, from GET /me. */
  tabs: string[];
  /** Unread counts, the tab title and the opt-in new-buyer alerts. */
  attention: Attention;
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
