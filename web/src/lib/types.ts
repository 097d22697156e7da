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
}

export interface GuardVerdict {
  verdict: 'block' | 'warn' | 'pass';
  violations: Violation[];
  promises?: { kind: string; text: string; span: [number, number] }[];
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
  state: 'open' | 'kept' | 'broken';
  createdAt?: string;
}

export interface ConversationDetail {
  conversation: ConversationSummary;
  messages: Message[];
  buyer?: BuyerProfile;
  orders?: OrderSummary[];
  cases?: CaseSummary[];
  promises?: ChatPromise[];
  suggestions?: string[];
}

export interface RealtimeFrame {
  seq: number;
  type: string;
  shopId?: string;
  data?: unknown;
}
