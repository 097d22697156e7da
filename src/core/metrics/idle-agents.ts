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

// ---------------------------------------------------------------------------------------------
// C17: presence that is true. What an agent is (online / away / offline) follows from the status
// they chose, from signs of their screen (requests, socket heartbeats) and from a person acting
// (a write, a status change, input the workbench reports). Pure: the app passes the rows and now.

export type Presence = 'online' | 'away' | 'offline';

export interface PresencePolicy {
  autoAwayMinutes: number;
  idleAlertMinutes: number;
  offlineAfterMinutes: number;
}

/** A shop's presence rules as rules/*.yaml state them (common.yaml `presence`, C17/T2). */
export interface PresenceRulesInput {
  auto_away_minutes: number;
  idle_alert_minutes: number;
  offline_after_minutes: number;
}
export type PresenceOverride = Partial<PresenceRulesInput>;

/**
 * The minutes that apply to one agent. The figures come from rules/common.yaml (`presence`, project
 * defaults with their source there); an organisation may set its own for every shop (organisations
 * columns), and a shop's own rule override wins for that shop. An agent serving several shops
 * follows the strictest (smallest) value among them; with no shop, the organisation's or the
 * defaults.
 */
export function presencePolicy(
  defaults: PresenceRulesInput,
  org: { autoAwayMinutes?: number | null; idleAlertMinutes?: number | null },
  shopOverrides: readonly PresenceOverride[] = [],
): PresencePolicy {
  const base: PresencePolicy = {
    autoAwayMinutes: org.autoAwayMinutes ?? defaults.auto_away_minutes,
    idleAlertMinutes: org.idleAlertMinutes ?? defaults.idle_alert_minutes,
    offlineAfterMinutes: defaults.offline_after_minutes,
  };
  if (shopOverrides.length === 0) return base;
  const min = (pick: (o: PresenceOverride) => number | undefined, fallback: number) => Math.min(...shopOverrides.map((o) => pick(o) ?? fallback));
  return {
    autoAwayMinutes: min((o) => o.auto_away_minutes, base.autoAwayMinutes),
    idleAlertMinutes: min((o) => o.idle_alert_minutes, base.idleAlertMinutes),
    offlineAfterMinutes: min((o) => o.offline_after_minutes, base.offlineAfterMinutes),
  };
}

export interface PresenceInput {
  /** The status the agent chose, or null. */
  choice: Presence | null;
  /** The agent has a session that has not expired. */
  loggedIn: boolean;
  lastSeenAt: Date | null;
  lastActiveAt: Date | null;
}

export type PresenceReason = 'chosen' | 'active' | 'inactive' | 'no_screen' | 'logged_out';

export interface PresenceVerdict {
  presence: Presence;
  reason: PresenceReason;
  /** Logged in, the screen still there, and no activity for idleAlertMinutes (C17 alert). */
  alert: boolean;
}

export function derivePresence(a: PresenceInput, now: Date, policy: PresencePolicy): PresenceVerdict {
  if (!a.loggedIn) return { presence: 'offline', reason: 'logged_out', alert: false };
  const ms = (d: Date | null) => (d ? now.getTime() - d.getTime() : Infinity);
  const seenAgo = ms(a.lastSeenAt);
  const activeAgo = ms(a.lastActiveAt ?? a.lastSeenAt);
  const screen = seenAgo < policy.offlineAfterMinutes * 60_000;
  // Logged in, screen open, nobody there: whatever the status says, supervisors hear of it.
  const alert = screen && activeAgo >= policy.idleAlertMinutes * 60_000 && a.choice !== 'offline';
  if (a.choice === 'away' || a.choice === 'offline') return { presence: a.choice, reason: 'chosen', alert };
  if (!screen) return { presence: 'offline', reason: 'no_screen', alert: false };
  if (activeAgo >= policy.autoAwayMinutes * 60_000) return { presence: 'away', reason: 'inactive', alert };
  return { presence: 'online', reason: 'active', alert: false };
}

export const PRESENCE_REASON_ZH: Record<PresenceReason, string> = {
  chosen: '客服自行设置',
  active: '有操作',
  inactive: '长时间无操作，自动设为离开',
  no_screen: '工作台已关闭',
  logged_out: '已退出登录',
};

/** A chat waits for a reply when the buyer wrote last. */
export function waitsForReply(c: { lastBuyerMessageAt: Date | null; lastMessageAt: Date | null }): boolean {
  if (!c.lastBuyerMessageAt) return false;
  return !c.lastMessageAt || c.lastBuyerMessageAt.getTime() >= c.lastMessageAt.getTime();
}

/**
 * The colleague who takes a re-queued chat: online, serving the shop, not the one leaving, fewest
 * assigned chats first (then by id, so the choice is stable). Null: the chat goes back to the queue.
 */
export function pickColleague(
  shopId: string,
  leaving: string,
  colleagues: readonly { id: string; presence: Presence; shopIds: readonly string[]; load: number }[],
): string | null {
  const fit = colleagues
    .filter((c) => c.id !== leaving && c.presence === 'online' && c.shopIds.includes(shopId))
    .sort((x, y) => x.load - y.load || x.id.localeCompare(y.id));
  return fit[0]?.id ?? null;
}
