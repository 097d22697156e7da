// The shop data the reply planner reads, and the plan it returns. Plain shapes on purpose: the
// store maps its rows to these, the planner never sees a database or a clock.
import type { DisruptionSpan } from '../logistics/disruptions.js';
import type { Profile, ShippingFeeTable } from '../rules/schema.js';
import type { Entities, Measurements } from '../entities.js';
import type { IntentId } from '../intents.js';
import type { Platform } from '../platforms.js';
import type { BargainerProfile } from '../conversation/bargainer.js';
import type { InterestSignal } from '../conversation/interest.js';
import type { Stage } from '../conversation/stages.js';

/** The marketplace's id (core/platforms.ts). */
export type PlatformId = Platform;

/** A promotion, coupon, gift or freight offer the shop has set up. */
export interface Promotion {
  id: string;
  kind: 'coupon' | 'gift' | 'freight' | 'discount';
  /** What the buyer reads, e.g. '满199减20优惠券' or '赠送同色系发圈一个'. */
  text: string;
  /** True when the bot may offer it on its own (C7: only the shop's settings, never invented). */
  botMayOffer: boolean;
  /** ISO times; absent = no limit. */
  validFrom?: string;
  validTo?: string;
}

export interface BotSettings {
  /** Below this confidence the bot hands over at once (B3). */
  handoverBelowConfidence: number;
  /** Below this confidence the bot asks back; twice in a row hands over (B3, C11). */
  clarifyBelowConfidence: number;
  /** After this many bot turns without a person, offer a person (C17). */
  maxBotTurnsWithoutHuman: number;
  /** Stock at or below this count is mentioned as "only N left". */
  lowStockThreshold: number;
}

export interface ShopSettings {
  /** Beijing time 'HH:MM': orders paid before it ship the same day (B2, seed 004). */
  shipCutoff: string;
  couriers: string[];
  freeShipping: boolean;
  /** Regions outside the free-shipping promise, with the extra fee in yuan when known. */
  freeShippingExcludedRegions: { region: string; feeYuan?: number }[];
  /** Text that replaces the default welcome; may use placeholders. */
  welcomeText?: string;
  invoice: { types: string[]; when: string };
  /** Days for no-reason returns after receipt (7-day rule); 0 = none offered. */
  returnDays: number;
  /** Who pays return shipping for a no-reason return, as the buyer reads it. */
  returnShippingNote: string;
  /** Category → categories that pair with it (C6 cross-sell: shirt → trousers). */
  crossSell: Record<string, string[]>;
  bot: BotSettings;
}

export interface Shop {
  id: string;
  name: string;
  platform: PlatformId;
  /** How the agent introduces itself, e.g. '客服小美' or '8号客服' (C3). */
  agentName: string;
  /**
   * The bot's own persona name (issue 12): the bot never calls itself by a person's name. Set per
   * shop; when absent the bot is "智能助手".
   */
  botName?: string;
  settings: ShopSettings;
}

export interface Variant {
  colour: string;
  size: string;
  stock: number;
}

export interface SizeChartRow {
  size: string;
  heightCm: [number, number];
  weightJin: [number, number];
}

export interface Item {
  id: string;
  title: string;
  category: string;
  /** Price in yuan. */
  price: number;
  /** Material and other specs as the listing states them: {材质: '100%棉', 厚薄: '适中'}. */
  attributes: Record<string, string>;
  variants: Variant[];
  similarItemIds: string[];
  sizeChart?: SizeChartRow[];
  /** Units sold recently; used to rank when the buyer gives no other signal. */
  salesCount?: number;
  /** ISO date of the next restock when known. */
  restockAt?: string;
}

/** Machine-neutral order states; the store maps each platform's state names onto these (O1). */
export type OrderState = 'unpaid' | 'paid' | 'shipped' | 'signed' | 'succeeded' | 'closed';

export interface LogisticsEvent {
  at: string;
  text: string;
}

export interface OrderLine {
  itemId: string;
  title: string;
  colour?: string;
  size?: string;
  quantity: number;
  price: number;
  /** S2: red packets and the shop coupon used on the whole line (yuan), when the platform reported them. */
  redPacket?: number;
  shopCoupon?: number;
  /** S2: the latest 价保 claim an agent recorded on this line (refund in yuan, ISO times). */
  priceProtection?: { status: 'pending' | 'paid' | 'refused'; refund: number; claimedAt: string; settledAt?: string };
}

export interface Order {
  id: string;
  platformOrderNo: string;
  buyerId: string;
  state: OrderState;
  createdAt: string;
  /** C9: when an agent recorded the order's confirmation with the buyer (the bot does not ask again). */
  verifiedAt?: string;
  paidAt?: string;
  shippedAt?: string;
  signedAt?: string;
  trackingNo?: string;
  courier?: string;
  logistics: LogisticsEvent[];
  /**
   * O7: the receiver's province (short name, 浙江) — all the bot reads of where the parcel goes,
   * to match a logistics disruption; absent when the order does not say.
   */
  province?: string;
  /** Already masked by the store: '广东省深圳市南山区****', '138****5678'. */
  address?: { receiver: string; phone: string; text: string };
  buyerNote?: string;
  lines: OrderLine[];
  /** Refund state name when a refund is running (A4), as the platform writes it. */
  refundState?: string;
  /** The freight in this order will be changed by the seller before payment (C8). */
  awaitingPriceChange?: boolean;
  /** ISO time of the seller's latest price or freight change while the order was unpaid (C8, order history). */
  priceChangedAt?: string;
  /** ISO times of an agent's latest 等待改价 mark and latest end of that wait (C8, order history). */
  priceChangeMarkedAt?: string;
  priceChangeClearedAt?: string;
}

/**
 * One entry of a shop's standard-answer library (标准话术, C12). `intent` is an intent id, or an
 * intent id with a situation suffix ('stock.out', 'bargain.offer'), or a flow key ('welcome').
 * Every variant means the same; placeholders such as {item.title} are filled from data.
 */
export interface StandardAnswer {
  intent: string;
  variants: string[];
}

export type TurnAuthor = 'buyer' | 'bot' | 'agent';

export interface Turn {
  author: TurnAuthor;
  text: string;
  /** ISO time. */
  at: string;
  intent?: IntentId;
  confidence?: number;
}

export interface ConversationState {
  stage: Stage;
  /** Earlier turns, oldest first, without the message being answered. */
  turns: Turn[];
  botTurnsSinceHuman: number;
  /** Consecutive low-confidence buyer turns before this one. */
  misunderstandings: number;
  /** The item the buyer is looking at (the chat's item card), if any. */
  focusItemId?: string;
  /** Orders whose address/phone/notes were already confirmed with the buyer (C9). */
  verifiedOrderIds?: string[];
  /** What the buyer told us in earlier turns (issue 12): ellipsis resolves against it. */
  memory?: ConversationMemory;
}

/**
 * The conversation's context carried across turns (issue 12): the buyer's measurements, the size
 * and colour last named, the order in question and the open topic. The item under discussion is
 * ConversationState.focusItemId.
 */
export interface ConversationMemory {
  measurements?: Measurements;
  size?: string;
  colour?: string;
  /** An order number of this buyer's own that the conversation is about. */
  orderNo?: string;
  /** The last topical intent (the open question). */
  topic?: IntentId;
  /**
   * The item under discussion for which a matching item was already suggested (C6): one cross-sell
   * per item the buyer looks at, not one with every answer.
   */
  crossSoldFor?: string;
}

/** Languages a buyer writes (core/nlu/language.ts); zh and en are answered by the bot. */
export type BuyerLanguage = 'zh' | 'en' | 'es' | 'pt' | 'ru' | 'fr';

/** One question of the buyer's message (issue 12), in the order asked. */
export interface Question {
  intent: IntentId;
  confidence: number;
  entities: Entities;
  /** The words of this question. */
  text: string;
}

export interface NluResult {
  intent: IntentId;
  confidence: number;
  entities: Entities;
  secondary?: IntentId | null;
  /** The intent was decided by the earlier turns (an elliptic follow-up: 那XL呢, 黑色的呢). */
  followUp?: boolean;
}

export interface PlanInput {
  nlu: NluResult;
  text: string;
  conversation: ConversationState;
  shop: Shop;
  items: Item[];
  /** This buyer's orders only (D6). */
  orders: Order[];
  standardAnswers: StandardAnswer[];
  promotions: Promotion[];
  now: Date;
  isFirstMessage: boolean;
  /** The buyer's language (issue 12); replies are written in it when the bot speaks it. Default zh. */
  language?: BuyerLanguage;
  /** Every question of the message in order (issue 12); absent = the one question of `nlu`. */
  questions?: Question[];
  /**
   * The courier's normal longest gap between two scans (rules/*.yaml logistics.stale_scan_hours,
   * O7): a parcel without a new scan for longer is stuck. Absent = never judged stuck.
   */
  staleScanHours?: number;
  /**
   * O7: the disruptions that may explain a parcel's delay — the shop's 物流异常 entries and the
   * holiday calendar (rules/logistics-calendar.yaml) — and the days after a span's end during which
   * parcels still catch up. Absent: the tracking answer never names a cause.
   */
  disruptions?: readonly DisruptionSpan[];
  disruptionBacklogDays?: number;
  /**
   * Planning a suggestion for an agent (issue 12), not a bot reply: no welcome, no hand-over lines
   * ("我马上为您转接人工客服"), no offer of a person. `variant` rotates the wording.
   */
  forAgent?: { variant: number };
  /**
   * Money rules from the shop's merged profile (issue 15): the freight table (O6) and the
   * price-protection terms (S2), so the bot answers with the figure. Absent = hand over as before.
   */
  moneyRules?: MoneyRules;
  /**
   * The buyer's VIP tier in this shop (M2, issue 14) and the perks the shop lets the bot offer to
   * it (core/buyers/tiers.ts). Absent or null: no tier, nothing offered.
   */
  buyerTier?: { id: string; name: string; perks: { kind: string; text: string }[] } | null;
}

/** Money rules the bot answers with (issue 15), from the shop's merged profile. */
export interface MoneyRules {
  /** The shop's freight table (profile shipping.fee_table_example; a shop may override it). */
  shippingFeeTable?: ShippingFeeTable | undefined;
  /** The platform's price-protection terms (profile price_protection). */
  priceProtection?: Profile['price_protection'] | undefined;
}

/** Why the bot hands a conversation to a person (B3, B4, C17, C18). */
export const HANDOVER_REASONS = [
  'low_confidence',
  'repeated_misunderstanding',
  'human_requested',
  'complaint',
  'money_action',
  'order_action',
  'aftersales_case',
  'bot_alone_too_long',
  'missing_data',
  /** The reply guard (B4) blocked a planned message and no safe variant was left. */
  'guard_blocked',
  /** The pipeline failed on this message several times (a bug or an outage): a person answers. */
  'bot_failed',
  /** The buyer writes a language the bot does not answer (es, pt, ru, fr…): a person who reads it. */
  'foreign_language',
  /** A parcel with no new scan for longer than the courier's normal gap (O7). */
  'logistics_stuck',
] as const;
export type HandoverReason = (typeof HANDOVER_REASONS)[number];

export interface Recommendation {
  itemId: string;
  /** Why, for the agent's screen (Chinese). */
  reason: string;
}

export interface ReplyPlan {
  /** Short messages, one line each, sent in order (C4). */
  messages: string[];
  recommendations: Recommendation[];
  /** A question the bot asks back to learn the real need (C11). */
  question?: string;
  handover?: { reason: HandoverReason; reasonZh: string };
  stage: Stage;
  /** Consecutive low-confidence turns including this one (0 after an understood turn). */
  misunderstandings: number;
  signals: { interest: InterestSignal; bargainer: BargainerProfile };
  usedAnswer?: { intent: string; variantIndex: number };
  /** The order whose address, phone and notes this reply confirms (C9); remember it as verified. */
  verifiedOrderId?: string;
  /** The context to remember for the next turns (issue 12). */
  memory: ConversationMemory;
  /**
   * The item the reply is about when the buyer named it by its category or picked it from a list
   * the bot gave (C11); the conversation's item under discussion from now on.
   */
  focusItemId?: string;
  /** The language the reply is written in. */
  language: 'zh' | 'en';
  /** The intents answered, in the order asked (issue 12: every question answered). */
  answered: IntentId[];
}
