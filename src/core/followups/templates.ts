// Follow-up templates (F2): per flow and language, optionally per platform, courier, destination
// country and (for 催付, C8) the reason the buyer held back, or (for 评价邀请, R7) the buyer's
// review segment. The most specific match wins, a shop's
// own template over the default of rules/followups.yaml. Variables are filled from the order; a
// template whose variables the order cannot fill is not sent (the caller records why).
import type { FlowKey, TemplateReason } from './config.js';

// receiver, phone and address are the order's receiver, masked (C9 reads them back to the buyer,
// D6); buyerNote is the buyer's message on the order (个性化留言); cause and recovery name the
// disruption a delayed parcel's transit falls in (O7: 浙江暴雪天气, 预计12月12日起逐步恢复).
export const TEMPLATE_VARIABLES = ['buyer', 'shop', 'orderNo', 'item', 'courier', 'trackingNo', 'payDeadline', 'coupon', 'shipHours', 'receiver', 'phone', 'address', 'buyerNote', 'cause', 'recovery'] as const;
export type TemplateVariable = (typeof TEMPLATE_VARIABLES)[number];
export type TemplateVars = Partial<Record<TemplateVariable, string | null | undefined>>;

export interface Template {
  /** Set on a shop's own template; absent on a default. */
  id?: string;
  flow: FlowKey;
  lang: 'zh' | 'en';
  reason?: TemplateReason | null | undefined;
  platform?: string | null | undefined;
  courier?: string | null | undefined;
  country?: string | null | undefined;
  text: string;
}

export interface TemplateQuery {
  flow: FlowKey;
  lang: 'zh' | 'en';
  reason: TemplateReason | null;
  platform: string;
  courier: string | null;
  country: string | null;
}

const same = (a: string | null | undefined, b: string | null | undefined) =>
  !!a && !!b && a.trim().toLowerCase() === b.trim().toLowerCase();

/** How well a template fits (-1: it does not). */
export function templateScore(t: Template, q: TemplateQuery): number {
  if (t.flow !== q.flow || t.lang !== q.lang) return -1;
  let score = t.id ? 16 : 0;
  // R7: a review invitation's wording follows the buyer's segment strictly — a template without
  // one is the invitation (confirmed, not reviewed) and never goes to a buyer who has reviewed.
  const wanted = q.flow === 'review_invite' ? (q.reason ?? 'confirmed_not_reviewed') : q.reason;
  const offered = t.reason ?? (t.flow === 'review_invite' ? 'confirmed_not_reviewed' : null);
  if (offered) {
    if (offered !== wanted) return -1;
    if (t.reason) score += 8;
  }
  if (t.country) {
    if (!same(t.country, q.country)) return -1;
    score += 4;
  }
  if (t.courier) {
    if (!q.courier || !q.courier.includes(t.courier.trim())) return -1;
    score += 2;
  }
  if (t.platform) {
    if (!same(t.platform, q.platform)) return -1;
    score += 1;
  }
  return score;
}

/** The best template for the query among the shop's own and the defaults; null when none fits. */
export function pickTemplate(shopTemplates: readonly Template[], defaults: readonly Template[], q: TemplateQuery): Template | null {
  let best: Template | null = null;
  let bestScore = -1;
  for (const t of [...shopTemplates, ...defaults]) {
    const s = templateScore(t, q);
    if (s > bestScore) {
      best = t;
      bestScore = s;
    }
  }
  if (best || q.lang === 'zh') return best;
  // No English wording at all: the Chinese one rather than nothing.
  return pickTemplate(shopTemplates, defaults, { ...q, lang: 'zh' });
}

const VARIABLE = /\{(\w+)\}/g;

/** The variables a template uses. */
export function templateVariables(text: string): string[] {
  return [...new Set([...text.matchAll(VARIABLE)].map((m) => m[1]!))];
}

/** Unknown variable names in a template (refused on save). */
export function unknownVariables(text: string): string[] {
  return templateVariables(text).filter((v) => !(TEMPLATE_VARIABLES as readonly string[]).includes(v));
}

/** The text with its variables filled, and the ones the order could not fill. */
export function renderTemplate(text: string, vars: TemplateVars): { text: string; missing: string[] } {
  const missing: string[] = [];
  const out = text.replace(VARIABLE, (whole, name: string) => {
    const value = (vars as Record<string, string | null | undefined>)[name];
    if (value === undefined || value === null || value === '') {
      missing.push(name);
      return whole;
    }
    return value;
  });
  return { text: out, missing };
}

/** Sample values for checking a template on save (the guard reads the filled text, as sent). */
export const SAMPLE_VARS: Required<Record<TemplateVariable, string>> = {
  buyer: '买家',
  shop: '本店',
  orderNo: '3900012345678',
  item: '纯棉T恤',
  courier: '中通快递',
  trackingNo: '75312345678901',
  payDeadline: '2026-12-20',
  coupon: '满199减20',
  shipHours: '48',
  receiver: '周**',
  address: '浙江省杭州市****',
  phone: '138****5678',
  buyerNote: '请发顺丰',
  cause: '浙江暴雪天气',
  recovery: '预计12月12日起逐步恢复',
};
