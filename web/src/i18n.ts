// A small typed i18n module: zh-CN is the source of keys, English must translate every key
// (the compiler checks). `t('inbox.waiting', { n: 3 })` fills `{n}` placeholders.
import type { Channel } from '../../src/core/contract/channels.js';
import { INTENT_LABELS_ZH, type IntentId } from '../../src/core/intents.js';
import { STAGE_LABELS_ZH, type Stage } from '../../src/core/conversation/stages.js';
import type { Platform } from '../../src/core/platforms.js';
import { zh } from './i18n-zh.js';
import { en } from './i18n-en.js';

export type MessageKey = keyof typeof zh;
export type Locale = 'zh-CN' | 'en';

const DICTS: Record<Locale, Record<MessageKey, string>> = { 'zh-CN': zh, en };

let locale: Locale = readLocale();

function readLocale(): Locale {
  try {
    const saved = globalThis.localStorage?.getItem('dxe.locale');
    return saved === 'en' ? 'en' : 'zh-CN';
  } catch {
    return 'zh-CN';
  }
}

export function getLocale(): Locale {
  return locale;
}

export function setLocale(next: Locale): void {
  locale = next;
  try {
    globalThis.localStorage?.setItem('dxe.locale', next);
  } catch {
    /* private mode: keep it in memory */
  }
}

export function t(key: MessageKey, vars?: Record<string, string | number>): string {
  const text = DICTS[locale][key] ?? zh[key];
  if (!vars) return text;
  return text.replace(/\{(\w+)\}/g, (m, name: string) => (name in vars ? String(vars[name]) : m));
}

const PLATFORM_KEYS: Record<string, MessageKey> = {
  taobao: 'platform.taobao',
  tmall: 'platform.tmall',
  jd: 'platform.jd',
  pdd: 'platform.pdd',
  aliexpress: 'platform.aliexpress',
  widget: 'platform.widget',
  cli: 'platform.cli',
} satisfies Record<Platform | Exclude<Channel, 'bridge'>, MessageKey>;

export function platformLabel(platform: string): string {
  const key = PLATFORM_KEYS[platform];
  return key ? t(key) : platform;
}

/** Intent and stage names come from the domain's Chinese labels; English falls back to the id. */
export function intentLabel(intent: string | null | undefined): string {
  if (!intent) return t('common.none');
  const zhLabel = (INTENT_LABELS_ZH as Record<string, string>)[intent];
  if (locale === 'en') return intent.replace(/_/g, ' ');
  return zhLabel ?? intent;
}

/** The reply guard's rules by their Chinese names (docs/requirements.md D1–D11). */
const GUARD_RULES_ZH: Record<string, string> = {
  D1: '站外交易', D2: '联系方式', D3: '辱骂', D4: '发票', D5: '包邮', D6: '买家隐私', D7: '关闭订单', D8: '承诺', D9: '好评返现', D10: '服务用语', D11: '到货时间',
};

/** A guard finding's rule as people read it: its title (or the rule's Chinese name) with the id after. */
export function guardRuleLabel(rule: string, title?: string | null): string {
  const name = title || (locale !== 'en' ? GUARD_RULES_ZH[rule] : undefined);
  return name ? t('chat.ruleName', { title: name, rule }) : t('chat.rule', { rule });
}

/** One date format for the whole workbench: the app's language (not the browser's), Beijing time. */
export function formatDateTime(iso: string | number | Date | null | undefined, opts: { date?: boolean; time?: boolean } = {}): string {
  if (iso === null || iso === undefined || iso === '') return '';
  const d = iso instanceof Date ? iso : new Date(iso);
  if (Number.isNaN(d.getTime())) return '';
  const { date = true, time = true } = opts;
  return new Intl.DateTimeFormat(locale === 'en' ? 'en-GB' : 'zh-CN', {
    timeZone: 'Asia/Shanghai',
    hour12: false,
    ...(date ? { year: 'numeric', month: '2-digit', day: '2-digit' } : {}),
    ...(time ? { hour: '2-digit', minute: '2-digit', ...(date ? {} : { second: '2-digit' }) } : {}),
  }).format(d);
}

const LOGISTICS_ZH: Record<string, string> = {
  created: '已下单', shipped: '已发货', collected: '已揽收', picked_up: '已揽收', in_transit: '运输中', arrived: '到达网点',
  delivering: '派送中', out_for_delivery: '派送中', delivered: '已送达', signed: '已签收', exception: '异常', returned: '已退回', closed: '已关闭',
};

/** A parcel-tracking status key (collected, in_transit…) as people read it. */
export function logisticsStatusLabel(status: string): string {
  if (locale === 'en') return status.replace(/_/g, ' ');
  return LOGISTICS_ZH[status] ?? status;
}

const ENUM_ZH: Record<string, string> = {
  ceil_to_whole_kg: '向上取整到 1 公斤', ceil_to_half_kg: '向上取整到 0.5 公斤', cash: '现金', tmall_points: '天猫积分', none: '不赔付',
};

/** A rule-form option value (ceil_to_whole_kg, tmall_points…) in words; the key itself stays the stored value. */
export function ruleOptionLabel(value: string): string {
  if (locale === 'en') return value.replace(/_/g, ' ');
  return ENUM_ZH[value] ?? value;
}

/**
 * The mark on a sent message whose verdict is 'block': a blocked reply is never stored as sent
 * unless a supervisor or admin overrode it (D), so it reads 主管放行 with the rules it broke —
 * never 已拦截, which would say it did not go out.
 */
export function releasedMark(v: { verdict: string; violations: { rule: string; title?: string | null; severity?: string }[] } | null | undefined): string | null {
  if (v?.verdict !== 'block') return null;
  const rules = [...new Set(v.violations.filter((x) => x.severity !== 'warn').map((x) => guardRuleLabel(x.rule, x.title)))];
  return rules.length ? t('chat.released', { rules: rules.join('、') }) : t('chat.releasedPlain');
}

/** Answer keys that are not intents (the bot's own moves), in Chinese (issue 15: no internal keys on screen). */
const ANSWER_HEADS_ZH: Record<string, string> = {
  clarify: '请买家说明',
  handover: '转人工',
  verify: '核对订单',
  welcome: '欢迎语',
  interest: '挽回兴趣',
  aftersales: '售后',
};

/** The situation part of `intent.situation`, in Chinese. */
const SITUATIONS_ZH: Record<string, string> = {
  address: '改地址', advice: '尺码建议', amount: '金额', angle: '换个角度', ask: '询问', ask_height: '问身高', ask_item: '问是哪款',
  ask_order: '问订单号', ask_weight: '问体重', asked_other: '问其他尺码', attr: '商品属性', between: '介于两个尺码', bought: '已购买',
  by_category: '按品类', cancel_paid: '已付款取消', cancel_unpaid: '未付款取消', colours: '可选颜色', coupon: '优惠券', cross: '搭配推荐',
  expired: '已过期', fallback: '无人可接时', final: '最终让步', free: '包邮', freight: '运费优惠', general: '一般介绍', gift: '赠品',
  guide: '付款指引', hold: '坚持价格', in: '有货', in_transit: '运输中', invite: '邀请评价', item_out: '商品缺货', items: '商品明细',
  language: '外语买家', list: '列表', low: '库存紧张', need: '需要说明', no_events: '暂无物流', no_reward: '不可好评返现', none: '暂无',
  not_bought: '未购买', note: '备注', offer: '主动提出', ok: '可以', order_today: '今天下单', order_tomorrow: '明天下单', other: '其他',
  outside: '超出尺码表', paid: '不包邮', pick: '帮选', price_change: '改价后付款', privacy: '隐私保护', progress: '退款进度',
  received: '已收到退货', region: '地区运费', region_total: '地区运费合计', remote: '偏远地区', restock: '补货', shipped: '已发货',
  similar: '相似款', size_out: '尺码缺货', stuck: '物流停滞', today: '今天发货', tomorrow: '明天发货', tracking: '物流跟踪',
  unfillable: '无法履约', unpaid_nudge: '催付', unshipped: '未发货', variant_out: '颜色尺码缺货', window: '售后期内',
};

/** A standard-answer key: an intent, or `intent.situation` (stock.in, refund.progress…), in words. */
export function answerKeyLabel(key: string): string {
  const dot = key.indexOf('.');
  const head = dot < 0 ? key : key.slice(0, dot);
  const headLabel = locale !== 'en' && ANSWER_HEADS_ZH[head] ? ANSWER_HEADS_ZH[head] : intentLabel(head);
  if (dot < 0) return headLabel;
  const situation = key.slice(dot + 1);
  const situationLabel = locale === 'en' ? situation.replace(/_/g, ' ') : SITUATIONS_ZH[situation] ?? situation;
  return `${headLabel}·${situationLabel}`;
}

export function stageLabel(stage: string | null | undefined): string {
  if (!stage) return t('common.none');
  if (locale === 'en') return stage.replace(/_/g, ' ');
  return (STAGE_LABELS_ZH as Record<string, string>)[stage] ?? stage;
}

export type { IntentId, Stage };

/** Money is integer fen on the wire; shown as ¥12.34. */
export function yuan(fen: number | null | undefined): string {
  if (fen === null || fen === undefined || Number.isNaN(fen)) return '—';
  return `¥${(fen / 100).toFixed(2)}`;
}

/**
 * Issue 15: an amount in minor units of its currency, with the currency shown (¥12.34, US$12.34).
 * Amounts are never converted: a USD order is shown in USD.
 */
export function money(minor: number | null | undefined, currency = 'CNY'): string {
  if (minor === null || minor === undefined || Number.isNaN(minor)) return '—';
  if (currency === 'CNY') return yuan(minor);
  try {
    const fmt = new Intl.NumberFormat(locale === 'en' ? 'en-US' : 'zh-CN', { style: 'currency', currency, currencyDisplay: 'symbol' });
    const digits = fmt.resolvedOptions().maximumFractionDigits ?? 2;
    const text = fmt.format(minor / 10 ** digits);
    // zh-CN writes US$; make sure the code is visible for any currency whose symbol is ambiguous.
    return /[A-Z]{2,3}/.test(text) ? text : `${currency} ${text}`;
  } catch {
    return `${currency} ${(minor / 100).toFixed(2)}`;
  }
}

const ORDER_PHASE_KEYS = {
  unpaid: 'orders.phase.unpaid',
  paid: 'orders.phase.paid',
  shipped: 'orders.phase.shipped',
  signed: 'orders.phase.signed',
  succeeded: 'orders.phase.succeeded',
  closed: 'orders.phase.closed',
} as const satisfies Record<string, MessageKey>;

/** An order's state: the platform's own (Chinese) name, or in English the phase it is in. */
export function orderStateLabel(state: string, phase: string | null | undefined): string {
  if (locale !== 'en') return state;
  const key = phase ? (ORDER_PHASE_KEYS as Record<string, MessageKey>)[phase] : undefined;
  return key ? t(key) : t('orders.phase.unknown');
}

/** A deadline's name: the server's Chinese label, or in English the kind's translation. */
export function deadlineLabel(kind: string, labelZh: string | null | undefined): string {
  if (locale !== 'en') return labelZh ?? kind;
  const key = `deadline.kind.${kind}`;
  return key in zh ? t(key as MessageKey) : kind.replace(/_/g, ' ');
}

/** Seconds as 12秒 / 3分05秒 / 2小时10分 / 3天4小时. */
export function duration(seconds: number | null | undefined): string {
  if (seconds === null || seconds === undefined || !Number.isFinite(seconds)) return '—';
  const s = Math.max(0, Math.round(seconds));
  if (s < 60) return t('time.s', { s });
  if (s < 3600) return t('time.ms', { m: Math.floor(s / 60), s: String(s % 60).padStart(2, '0') });
  if (s < 86400) return t('time.hm', { h: Math.floor(s / 3600), m: Math.floor((s % 3600) / 60) });
  return t('time.dh', { d: Math.floor(s / 86400), h: Math.floor((s % 86400) / 3600) });
}

export function percent(x: number | null | undefined): string {
  if (x === null || x === undefined || !Number.isFinite(x)) return '—';
  return `${(x * 100).toFixed(1)}%`;
}
