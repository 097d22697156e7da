// Inputs of the team figures (T1–T3): plain rows the server reads from the store; times are Date.
export interface ConversationRow {
  id: string;
  shopId: string;
  buyerId: string;
  assigneeId: string | null;
  status: 'bot' | 'queued' | 'assigned' | 'closed';
  handoverReason: string | null;
  createdAt: Date;
}

export interface MessageRow {
  conversationId: string;
  shopId: string;
  seq: number;
  direction: 'in' | 'out';
  authorKind: 'buyer' | 'bot' | 'agent' | 'system';
  authorId: string | null;
  text: string;
  intent: string | null;
  /** Rules the guard flagged on this message (stored verdicts, overrides, audited blocks). */
  flaggedRules: string[];
  createdAt: Date;
}

export interface OrderRow {
  id: string;
  shopId: string;
  buyerId: string | null;
  paidFen: number;
  refundFen: number;
  paidAt: Date | null;
}

/** R4: a review's DSR stars on an order (description / service / logistics, 1–5). */
export interface ReviewRow {
  orderId: string;
  shopId: string;
  dsr: { description: number; service: number; logistics: number };
}

export interface CaseRow {
  orderId: string;
  shopId: string;
  type: string;
  platformDecided: boolean;
}

/** A guard interception that left no message (a blocked draft, an override), from the audit log. */
export interface InterceptionRow {
  shopId: string | null;
  agentId: string | null;
  rules: string[];
  at: Date;
}

export interface Figures {
  conversations: number;
  inquiries: number;
  /** Seconds from a buyer's first message to the first reply. */
  firstResponseP50: number | null;
  firstResponseP90: number | null;
  /** Seconds from a buyer's turn to the next reply, averaged over turns. */
  avgResponse: number | null;
  /** Share of conversations with a buyer question that led to a paid order (询单转化率). */
  inquiryConversion: number | null;
  /** Average paid order value in fen (客单价). */
  aovFen: number | null;
  refundRate: number | null;
  disputeRate: number | null;
  interceptions: number;
  interceptionsByRule: Record<string, number>;
  /** Share of conversations the bot closed alone. */
  botResolution: number | null;
  /** Share of conversations handed over to a person. */
  handoverRate: number | null;
  /** C6: replies that recommended an item (bot or agent). */
  recommendations: number;
  /** C6: share of inquiries that got at least one recommendation. */
  recommendationRate: number | null;
  /** Conversations in which the buyer complained (intent complaint). */
  complaints: number;
  /** R4: mean DSR stars of reviews on the orders attributed here; null without any. */
  dsr: { description: number; service: number; logistics: number; reviews: number } | null;
}

export type GroupBy = 'agent' | 'shop' | 'day';
