// Shapes of docs/api-workbench.md as the screens read them. Fields the contract leaves open are
// optional so a screen shows what the API returns and nothing breaks when a field is absent.
export type Role = 'admin' | 'supervisor' | 'agent';

export interface Agent {
  id: string;
  login?: string;
  displayName: string;
  role: Role;
  agentNo?: string | null;
  shopIds: string[];
}

export interface Shop {
  id: string;
  name: string;
  platform: string;
}

export interface ConversationSummary {
  id: string;
  shopId: string;
  shopName?: string;
  platform: string;
  channel?: string;
  buyer: { id: string; nickname?: string | null; platformAccount?: string };
  status: 'queued' | 'assigned' | 'bot' | 'closed';
  stage?: string | null;
  lastIntent?: string | null;
  priority?: number;
  assigneeId?: string | null;
  waitingSince?: string | null;
  firstBuyerMessageAt?: string | null;
  firstResponseAt?: string | null;
  lastMessageAt?: string | null;
  lastText?: string | null;
  nearTarget?: boolean;
  awaitingFirstResponse?: boolean;
  firstReplyTargetSeconds?: number | null;
  escalation?: { note: string; at: string } | null;
  interest?: { level?: 'ok' | 'falling' | 'lost'; reasonZh?: string };
}

export interface Violation {
  rule: string;
  severity: 'block' | 'warn';
  points: number;
  span: [number, number];
  message: string;
  rewrite: string;
  /** The rule's Chinese name (the server adds it from the shop's profile). */
  title?: string;
  /** A 疑似 finding (learned or fuzzy signal), always a warning, with its reason. */
  suspected?: boolean;
  reason?: string;
}

/** What the guard did to a bot message before this one went out (issue 11). */
export interface GuardIntervention {
  action: 'replaced' | 'dropped';
  original: string;
  violations: { rule: string; title: string; severity: 'block' | 'warn'; points: number; message: string; suspected?: boolean; reason?: string }[];
}

export interface GuardVerdict {
  verdict: 'block' | 'warn' | 'pass';
  violations: Violation[];
  promises?: { kind: string; text: string; span: [number, number] }[];
  interventions?: GuardIntervention[];
}

export interface Message {
  id: number | string;
  seq: number;
  direction: 'in' | 'out';
  authorKind: 'buyer' | 'bot' | 'agent' | 'system';
  authorId?: string | null;
  text: string;
  intent?: string | null;
  confidence?: number | null;
  guardVerdict?: GuardVerdict | null;
  createdAt: string;
}

export interface BuyerProfile {
  id?: string;
  nickname?: string | null;
  platformAccount?: string;
  phone?: string | null;
  address?: string | null;
  city?: string | null;
  occupation?: string | null;
  tags?: string[];
  notes?: string | null;
}

export interface OrderSummary {
  id: string;
  platformOrderNo?: string;
  state: string;
  totalFen?: number;
  paidFen?: number;
  refundFen?: number;
  orderedAt?: string | null;
  deadlines?: { kind: string; dueAt: string; state?: string; labelZh?: string }[];
  exposure?: { nowYuan?: number; atNextDeadlineYuan?: number } | null;
  lines?: { title: string; qty?: number; colour?: string | null; size?: string | null }[];
}

/** A case as the board (GET /cases) or the conversation detail returns it; fields vary by route. */
export interface CaseSummary {
  id: string;
  orderId: string;
  shopId?: string;
  platformOrderNo?: string;
  type: string;
  /** The platform machine's state name (Chinese in the profiles). */
  state: string;
  reason?: string;
  amountFen?: number;
  amountYuan?: number;
  openedAt: string;
  intervention?: { at: string; secondsLeft?: number; adviceZh?: string } | null;
  exposure?: { nowYuan?: number; atNextDeadlineYuan?: number; advice?: string } | null;
  playbook?: { stepsZh?: readonly string[] } | null;
}

export interface ChatPromise {
  id: string;
  kind: string;
  text: string;
  state: 'open' | 'kept' | 'broken' | 'void';
  orderId?: string | null;
  createdAt?: string;
  /** When it is judged (D8). */
  dueAt?: string | null;
  settledAt?: string | null;
  settledNote?: string | null;
  /** Points the platform charges if it is broken (rules/*.yaml penalties.by_rule.D8). */
  points?: number;
}

export interface ConversationDetail {
  conversation: ConversationSummary;
  messages: Message[];
  buyer?: BuyerProfile;
  orders?: OrderSummary[];
  cases?: CaseSummary[];
  promises?: ChatPromise[];
  suggestions?: string[];
  /** Bot answers the guard dropped entirely, with the hand-over they caused (issue 11). */
  guardBlocks?: GuardIntervention[];
}

export interface RealtimeFrame {
  seq: number;
  type: string;
  shopId?: string;
  data?: unknown;
}
