// T2: an agent who shows "online" but has not replied for N minutes while buyers wait in their
// shops (seed 001: agents left logged in while away). Pure: `now` is passed in.
export interface IdleAgentInput {
  id: string;
  displayName: string;
  presence: 'online' | 'away' | 'offline';
  /** Shops the agent serves. */
  shopIds: readonly string[];
  /** Their last reply to a buyer, or null if none. */
  lastReplyAt: Date | null;
  /** When they last showed up (login, heartbeat); the idle clock starts here without a reply. */
  lastSeenAt: Date | null;
}

export interface WaitingConversation {
  shopId: string;
  assigneeId: string | null;
  waitingSince: Date;
}

export interface IdleAgent {
  agentId: string;
  displayName: string;
  idleSeconds: number;
  waiting: number;
}

export function findIdleAgents(
  agents: readonly IdleAgentInput[],
  waiting: readonly WaitingConversation[],
  now: Date,
  idleMinutes: number,
): IdleAgent[] {
  const limitMs = idleMinutes * 60_000;
  const out: IdleAgent[] = [];
  for (const a of agents) {
    if (a.presence !== 'online') continue;
    const since = a.lastReplyAt ?? a.lastSeenAt;
    if (!since) continue;
    const idleMs = now.getTime() - since.getTime();
    if (idleMs < limitMs) continue;
    // Buyers this agent could be answering: their own, or unassigned in their shops.
    const theirs = waiting.filter(
      (w) => (w.assigneeId === a.id || (w.assigneeId === null && a.shopIds.includes(w.shopId))) && w.waitingSince.getTime() <= now.getTime(),
    );
    if (theirs.length === 0) continue;
    out.push({ agentId: a.id, displayName: a.displayName, idleSeconds: Math.round(idleMs / 1000), waiting: theirs.length });
  }
  return out.sort((x, y) => y.idleSeconds - x.idleSeconds);
}
