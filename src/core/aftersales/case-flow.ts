// A case's machines and the choices it offers (A2–A4, A6, A9, A10). A case has an application
// machine — the platform's refund machine for refund-only and return cases, the service machine
// for exchange and repair — and, for goods that come back, a flow (parcel expected → received →
// inspected → refund / resend / repair) from the profile. Every choice the board offers is
// computed here with the money and the deadline it implies, from the profile's figures.
import { eventsFrom, isFinal, transition, type Machine, type TransitionResult } from '../fsm.js';
import { machineFrom, normalizeStateName } from '../rules/machines.js';
import type { EventEffectProfile, FlowProfile, FlowStepProfile, Profile } from '../rules/schema.js';
import { dissatisfactionSteps, warrantyGuidanceZh, type Dissatisfaction } from './buyer-guidance.js';
import { invoiceAction } from './refund-playbook.js';
import { formatBeijing } from '../time/beijing-time.js';

export const CASE_KINDS = ['refund_only', 'return', 'exchange', 'repair'] as const;
export type CaseKind = (typeof CASE_KINDS)[number];

type AftersalesProfile = Pick<Profile, 'refunds' | 'aftersales'>;

/** The application machine of a case type. */
export function applicationMachine(profile: AftersalesProfile, type: CaseKind): Machine<unknown> {
  return type === 'exchange' || type === 'repair'
    ? machineFrom(profile.aftersales.service_machine, {}, '售后申请状态机')
    : machineFrom(profile.refunds.machine, {}, '退款状态机');
}

/** The goods-coming-back flow of a case type (none for a refund without return). */
export function flowOf(profile: Pick<Profile, 'aftersales'>, type: CaseKind): FlowProfile | null {
  return type === 'refund_only' ? null : profile.aftersales.flows[type];
}

export function flowMachine(flow: FlowProfile, type: CaseKind): Machine<unknown> {
  return machineFrom(flow.machine, {}, `${type} 流程`);
}

export function applicationTransition(profile: AftersalesProfile, type: CaseKind, state: string, event: string): TransitionResult {
  return transition(applicationMachine(profile, type), normalizeStateName(state), event.trim(), undefined);
}

export function isApplicationFinal(profile: AftersalesProfile, type: CaseKind, state: string): boolean {
  return isFinal(applicationMachine(profile, type), normalizeStateName(state));
}

/** Whether the flow's steps may be taken now: the application is in one of its active states. */
export function flowActive(flow: FlowProfile, applicationState: string): boolean {
  return flow.active_states.includes(normalizeStateName(applicationState));
}

/**
 * The steps to show for a case: the way from the flow's start to where the case stands (the flow
 * is a tree, so there is one), then the usual way on (each state's first listed move) to the end.
 * The branches not taken are left out, so a step indicator never shows 检验不通过 as passed on a
 * case whose inspection passed (QA: the indicator listed every state in a line).
 */
export function flowPath(flow: FlowProfile, current: string | null): string[] {
  const { initial, transitions } = flow.machine;
  const target = current ?? initial;
  const back = new Map<string, string>();
  const queue = [initial];
  const seen = new Set(queue);
  while (queue.length > 0) {
    const s = queue.shift()!;
    if (s === target) break;
    for (const t of transitions) {
      if (t.from !== s || seen.has(t.to)) continue;
      seen.add(t.to);
      back.set(t.to, s);
      queue.push(t.to);
    }
  }
  if (!seen.has(target)) return [initial];
  const path = [target];
  while (path[0] !== initial) path.unshift(back.get(path[0]!)!);
  for (let s = target; ; ) {
    const next = transitions.find((t) => t.from === s && !path.includes(t.to));
    if (!next) break;
    path.push(next.to);
    s = next.to;
  }
  return path;
}

/** Application events a flow step takes itself; while the flow is active they go through the flow. */
function flowDrivenEvents(flow: FlowProfile): Set<string> {
  return new Set(Object.values(flow.steps).flatMap((s) => (s.app_event ? [s.app_event] : [])));
}

export interface CaseFacts {
  type: CaseKind;
  state: string;
  flowStep: string | null;
  /** The case amount in fen. */
  amountFen: number;
  /**
   * O2: the case's currency (the order's). Not CNY: `amountFen` holds the amount in that
   * currency's minor units, shown with its code and never added to yuan figures.
   */
  currency?: string | undefined;
  /** Compensation the case's reason costs if it stands (A5), in minor units of `currency` (fen for CNY). */
  compensationFen: number;
  /** When the buyer may call the platform in (A6), ISO; null when not running. */
  interventionAt: string | null;
  now: string;
  /** Whether the goods are branded (A10: official service first); null before the inspection says. */
  branded: boolean | null;
}

export interface Choice {
  /** 'application' moves the platform/service application; 'flow' a step of the goods flow. */
  machine: 'application' | 'flow';
  event: string;
  labelZh: string;
  actor: EventEffectProfile['actor'];
  /** What to record with the step (parcel, inspection, shipment). */
  record: NonNullable<FlowStepProfile['record']> | null;
  money: { kind: EventEffectProfile['money']; fen: number; textZh: string };
  deadline: { kind: EventEffectProfile['deadline']; at: string | null; textZh: string } | null;
  /** A3: the invoice action that goes with this outcome. */
  invoiceZh: string | null;
  /** A9/A10: guidance to read before taking the step. */
  guidanceZh: string[];
  /** The application event the step also takes, when any. */
  appEvent: string | null;
  next: string;
}

const yuanText = (fen: number) => `¥${(fen / 100).toFixed(2)}`;
/** What may still be refunded on an order, in minor units of its currency (O2; fen for CNY). */
export function refundableMinor(order: { paidFen: number; totalFen: number; refundFen: number; paidMinor: number | null; totalMinor: number | null; refundMinor: number | null }): number {
  const paid = (order.paidMinor ?? order.paidFen) || (order.totalMinor ?? order.totalFen);
  return paid - (order.refundMinor ?? order.refundFen);
}

/** An amount in minor units of its currency: ¥ for CNY, else the ISO code (USD 25.99). */
export const moneyText = (minor: number, currency = 'CNY') => (currency === 'CNY' ? yuanText(minor) : `${currency} ${(minor / 100).toFixed(2)}`);

function effectOf(profile: Pick<Profile, 'aftersales'>, event: string): EventEffectProfile {
  return profile.aftersales.event_effects[event] ?? { label_zh: event, actor: 'seller', money: 'none', deadline: 'none' };
}

/**
 * What a timeline row's event means, in the words the seller saw on its button (the profile's
 * event effects); the application itself is 'apply'. An event no profile names shows as itself.
 */
export function eventLabelZh(profile: Pick<Profile, 'aftersales'>, type: CaseKind, event: string): string {
  if (event === 'apply') return '买家提交售后申请';
  const e = profile.aftersales.event_effects[event];
  return e ? (e.label_zh_by_type?.[type] ?? e.label_zh) : event;
}

function moneyOf(kind: EventEffectProfile['money'], f: CaseFacts): Choice['money'] {
  switch (kind) {
    case 'refund_now':
      return { kind, fen: f.amountFen, textZh: `退款 ${moneyText(f.amountFen, f.currency)}` };
    case 'refund_after_return':
      return { kind, fen: f.amountFen, textZh: `收到退货并核实后退款 ${moneyText(f.amountFen, f.currency)}` };
    case 'at_risk': {
      // Compensation is in the case's currency too (O2: a foreign case's is figured on its own
      // amount, never in yuan), so the two add up.
      const minor = f.amountFen + f.compensationFen;
      const comp = f.compensationFen > 0 ? `（含退款原因触发的赔付 ${moneyText(f.compensationFen, f.currency)}）` : '';
      return { kind, fen: minor, textZh: `若平台判买家胜，需退款并承担 ${moneyText(minor, f.currency)}${comp}` };
    }
    default:
      return { kind, fen: 0, textZh: '此操作本身不涉及金额' };
  }
}

function deadlineOf(profile: Pick<Profile, 'aftersales'>, kind: EventEffectProfile['deadline'], f: CaseFacts): Choice['deadline'] {
  if (kind === 'intervention') {
    const hours = profile.aftersales.intervention_after_hours;
    const at = f.interventionAt;
    return {
      kind,
      at,
      textZh: at ? `未达成一致：买家可在 ${formatBeijing(at)}（北京时间）起申请平台介入（申请后 ${hours} 小时）` : `未达成一致：买家可在申请 ${hours} 小时后申请平台介入`,
    };
  }
  if (kind === 'buyer_return') {
    const days = profile.aftersales.time_limits.buyer_return_days;
    if (days === null) return { kind, at: null, textZh: '买家寄回时限：店铺未设置（规则覆盖 aftersales.time_limits.buyer_return_days）' };
    const at = new Date(Date.parse(f.now) + days * 86_400_000).toISOString();
    return { kind, at, textZh: `买家需在 ${days} 天内寄回（至 ${formatBeijing(at)}，北京时间）` };
  }
  return null;
}

function guidanceOf(step: FlowStepProfile | undefined, f: CaseFacts, cause: Dissatisfaction): string[] {
  const out: string[] = [];
  for (const g of step?.guidance ?? []) {
    if (g === 'A10') out.push(...(f.branded === null ? warrantyGuidanceZh(true).map((s) => `（品牌商品）${s}`) : warrantyGuidanceZh(f.branded)));
    if (g === 'A9') out.push(...dissatisfactionSteps(cause));
  }
  return out;
}

function choice(profile: Pick<Profile, 'aftersales'>, machine: Choice['machine'], event: string, next: string, f: CaseFacts, step?: FlowStepProfile, cause: Dissatisfaction = 'unclear'): Choice {
  const e = effectOf(profile, event);
  return {
    machine,
    event,
    labelZh: e.label_zh_by_type?.[f.type] ?? e.label_zh,
    actor: e.actor,
    record: step?.record ?? null,
    money: moneyOf(e.money, f),
    deadline: deadlineOf(profile, e.deadline, f),
    invoiceZh: step?.invoice ? `发票：${invoiceAction(profile, step.invoice)}` : null,
    guidanceZh: guidanceOf(step, f, cause),
    appEvent: step?.app_event ?? null,
    next,
  };
}

/**
 * Every move a case allows now, each with its money and deadline: the application's events
 * (minus those the active flow takes itself) and the flow's next steps (only while the
 * application is in one of the flow's active states, and only those whose application event
 * the application allows).
 */
export function caseChoices(profile: AftersalesProfile, f: CaseFacts, cause: Dissatisfaction = 'unclear'): Choice[] {
  const app = applicationMachine(profile, f.type);
  const state = normalizeStateName(f.state);
  if (isFinal(app, state)) return [];
  const flow = flowOf(profile, f.type);
  const active = flow !== null && flowActive(flow, state);
  const hidden = active && flow ? flowDrivenEvents(flow) : new Set<string>();
  const out: Choice[] = [];
  for (const event of eventsFrom(app, state)) {
    if (hidden.has(event) || event === 'complete') continue;
    const r = transition(app, state, event, undefined);
    if (r.ok) out.push(choice(profile, 'application', event, r.next, f));
  }
  if (flow && active && f.flowStep !== null) {
    const fm = flowMachine(flow, f.type);
    for (const event of eventsFrom(fm, f.flowStep)) {
      const r = transition(fm, f.flowStep, event, undefined);
      if (!r.ok) continue;
      const step = flow.steps[event];
      if (step?.app_event && !transition(app, state, step.app_event, undefined).ok) continue;
      out.push(choice(profile, 'flow', event, r.next, f, step, cause));
    }
  }
  return out;
}

/** The flow's guidance for where the case stands (A9 after a failed inspection, A10 for repairs). */
export function stepGuidance(profile: Pick<Profile, 'aftersales'>, type: CaseKind, flowStep: string | null, branded: boolean | null, cause: Dissatisfaction): string[] {
  const flow = flowOf(profile, type);
  if (!flow || flowStep === null) return [];
  const f = { branded } as CaseFacts;
  const entered = flow.machine.transitions.find((t) => t.to === flowStep);
  return entered ? guidanceOf(flow.steps[entered.event], f, cause) : guidanceOf(flow.steps.parcel_received, f, cause);
}

export const TIME_LIMIT_KINDS = ['seller_response', 'auto_agree', 'buyer_return'] as const;
export type TimeLimitKind = (typeof TIME_LIMIT_KINDS)[number];

export interface TimeLimit {
  kind: TimeLimitKind;
  labelZh: string;
  /** Due time, ISO; null when the shop has not set the limit (no seed gives it). */
  at: string | null;
  /** What the case costs if the limit passes (fen), when it costs anything. */
  exposureFen: number;
  textZh: string;
}

/** Refund types move money; exchange and repair do not. */
const moneyAt = (type: CaseKind, amountFen: number) => (type === 'exchange' || type === 'repair' ? 0 : amountFen);

/**
 * Refund time limits beyond A6's 72 h, while the application waits for the seller: the seller's
 * response window (on AliExpress the dispute's) and the platform's auto-agree. The seeds give no
 * figures for them, so they are shop settings (profile aftersales.time_limits, marked there);
 * unset limits say so. `since` is when the application last entered its initial state.
 */
export function caseTimeLimits(profile: AftersalesProfile, f: Pick<CaseFacts, 'type' | 'state' | 'amountFen' | 'currency'> & { appliedAt: string }): TimeLimit[] {
  const app = applicationMachine(profile, f.type);
  if (normalizeStateName(f.state) !== app.def.initial) return [];
  const limits = profile.aftersales.time_limits;
  const at = (hours: number | null) => (hours === null ? null : new Date(Date.parse(f.appliedAt) + hours * 3_600_000).toISOString());
  const respond = at(limits.seller_response_hours);
  const agree = at(limits.auto_agree_hours);
  const money = moneyAt(f.type, f.amountFen);
  return [
    {
      kind: 'seller_response',
      labelZh: '卖家处理时限',
      at: respond,
      exposureFen: respond ? money : 0,
      textZh: respond
        ? `请在 ${formatBeijing(respond)}（北京时间）前处理该申请；逾期未处理，平台可能按买家的申请处理${money > 0 ? `（涉及 ${moneyText(money, f.currency)}）` : ''}`
        : '卖家处理时限：店铺未设置（规则覆盖 aftersales.time_limits.seller_response_hours）',
    },
    {
      kind: 'auto_agree',
      labelZh: '超时自动同意',
      at: agree,
      exposureFen: agree ? money : 0,
      textZh: agree
        ? `若到 ${formatBeijing(agree)}（北京时间）仍未处理，平台将自动同意${money > 0 ? `，退款 ${moneyText(money, f.currency)}` : '该申请'}`
        : '超时自动同意：店铺未设置（规则覆盖 aftersales.time_limits.auto_agree_hours）',
    },
  ];
}

/**
 * The buyer's return-shipping window, from when the seller agreed to take the goods back (an
 * event whose effect starts `buyer_return`). Null when the shop has not set it. Costs the seller
 * nothing: a buyer who misses it may see the application closed.
 */
export function buyerReturnLimit(profile: AftersalesProfile, agreedAt: string): TimeLimit {
  const days = profile.aftersales.time_limits.buyer_return_days;
  const at = days === null ? null : new Date(Date.parse(agreedAt) + days * 86_400_000).toISOString();
  return {
    kind: 'buyer_return',
    labelZh: '买家退货时限',
    at,
    exposureFen: 0,
    textZh: at
      ? `买家需在 ${formatBeijing(at)}（北京时间）前寄回；逾期未寄回，可申请关闭该售后`
      : '买家退货时限：店铺未设置（规则覆盖 aftersales.time_limits.buyer_return_days）',
  };
}

/** Whether an event starts the buyer's return window (its effect says so in the profile). */
export function startsBuyerReturn(profile: Pick<Profile, 'aftersales'>, event: string): boolean {
  return profile.aftersales.event_effects[event]?.deadline === 'buyer_return';
}

/** What the platform does for the seller when its auto-agree time limit passes, by case type. */
const AUTO_AGREE_EVENTS: Record<CaseKind, readonly string[]> = {
  refund_only: ['seller_agree_refund'],
  return: ['seller_agree_return'],
  exchange: ['seller_agree'],
  repair: ['seller_agree'],
};

/**
 * Issue 15: the application event the platform takes when the seller let the auto-agree limit
 * pass — the seller's own agreement for the case type (a refund-only case is refunded, a return
 * waits for the buyer's parcel, an exchange or repair for the goods), if the application's
 * machine allows it from `state`; null otherwise (the case has already moved on).
 */
export function autoAgreeEvent(profile: AftersalesProfile, type: CaseKind, state: string): string | null {
  const app = applicationMachine(profile, type);
  const s = normalizeStateName(state);
  if (s !== app.def.initial) return null;
  return AUTO_AGREE_EVENTS[type].find((e) => transition(app, s, e, undefined).ok) ?? null;
}
