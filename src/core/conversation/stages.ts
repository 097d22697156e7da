// Conversation stage (C1). One stored value per conversation, read two ways: as the seven-step
// pre-sales flow (招呼 询问 推荐 议价 核实 道别 跟进) and as the service flow
// (欢迎语 → 对话 → 议价 → 支付 → 物流 → 售后 → 欢送). Transitions are data, evaluated by one function.
import type { IntentId } from '../intents.js';

export const STAGES = [
  'greet',
  'inquire',
  'recommend',
  'bargain',
  'payment',
  'verify',
  'logistics',
  'aftersales',
  'farewell',
  'follow_up',
] as const;
export type Stage = (typeof STAGES)[number];

export const STAGE_LABELS_ZH: Record<Stage, string> = {
  greet: '招呼',
  inquire: '询问',
  recommend: '推荐',
  bargain: '议价',
  payment: '支付',
  verify: '核实',
  logistics: '物流',
  aftersales: '售后',
  farewell: '道别',
  follow_up: '跟进',
};

export type ServicePhase =
  'welcome' | 'dialogue' | 'bargain' | 'payment' | 'logistics' | 'aftersales' | 'farewell';

export const SERVICE_PHASE_LABELS_ZH: Record<ServicePhase, string> = {
  welcome: '欢迎语',
  dialogue: '对话',
  bargain: '议价',
  payment: '支付',
  logistics: '物流',
  aftersales: '售后',
  farewell: '欢送',
};

const PHASE_OF: Record<Stage, ServicePhase> = {
  greet: 'welcome',
  inquire: 'dialogue',
  recommend: 'dialogue',
  bargain: 'bargain',
  payment: 'payment',
  verify: 'payment',
  logistics: 'logistics',
  aftersales: 'aftersales',
  farewell: 'farewell',
  follow_up: 'farewell',
};

/** The service-flow phase (欢迎语 … 欢送) a stage belongs to. */
export function servicePhaseOf(stage: Stage): ServicePhase {
  return PHASE_OF[stage];
}

export function isStage(value: unknown): value is Stage {
  return typeof value === 'string' && (STAGES as readonly string[]).includes(value);
}

export type StageEvent =
  | { kind: 'intent'; intent: IntentId; recommended?: boolean }
  | { kind: 'order_created' }
  | { kind: 'order_paid' }
  | { kind: 'order_verified' }
  | { kind: 'order_shipped' }
  | { kind: 'order_signed' }
  | { kind: 'refund_opened' }
  | { kind: 'follow_up_due' };

/** Where each intent takes the conversation; null = the intent does not move the stage. */
const INTENT_TARGET: Record<IntentId, Stage | null> = {
  greeting: null,
  stock: 'inquire',
  size_fit: 'inquire',
  product_info: 'inquire',
  color_appearance: 'inquire',
  recommend: 'recommend',
  bargain: 'bargain',
  promotion: 'bargain',
  shipping_fee: 'inquire',
  ship_time: null,
  courier: null,
  logistics: 'logistics',
  payment: 'payment',
  order_change: 'verify',
  invoice: null,
  return_exchange: 'aftersales',
  refund: 'aftersales',
  quality_issue: 'aftersales',
  warranty_repair: 'aftersales',
  price_protection: 'aftersales',
  authenticity: 'inquire',
  complaint: 'aftersales',
  review: 'aftersales',
  thanks_bye: 'farewell',
  human: null,
  other: null,
};

const EVENT_TARGET: Record<Exclude<StageEvent['kind'], 'intent'>, Stage> = {
  order_created: 'payment',
  order_paid: 'verify',
  order_verified: 'verify',
  order_shipped: 'logistics',
  order_signed: 'aftersales',
  refund_opened: 'aftersales',
  follow_up_due: 'follow_up',
};

/** Pre-sales stages: a pre-sales question asked during after-sales does not pull the stage back. */
const PRESALES: ReadonlySet<Stage> = new Set(['greet', 'inquire', 'recommend', 'bargain']);

/**
 * The next stage after an event. A greeting only moves a fresh conversation; an inquiry answered
 * with a recommendation moves to 推荐; a pre-sales question while an order is in payment,
 * logistics or after-sales keeps that stage; a farewell may be followed by a new question.
 */
export function nextStage(current: Stage, event: StageEvent): Stage {
  if (event.kind !== 'intent') return EVENT_TARGET[event.kind];
  if (event.intent === 'greeting') return current === 'follow_up' ? 'greet' : current;
  let target = INTENT_TARGET[event.intent];
  if (target === 'inquire' && event.recommended) target = 'recommend';
  if (target === null) return current === 'greet' || current === 'farewell' ? 'inquire' : current;
  const reopened = current === 'farewell' || current === 'follow_up';
  if (PRESALES.has(target) && !PRESALES.has(current) && !reopened) return current;
  return target;
}
