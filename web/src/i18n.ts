// A small typed i18n module: zh-CN is the source of keys, English must translate every key
// (the compiler checks). `t('inbox.waiting', { n: 3 })` fills `{n}` placeholders.
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
} satisfies Record<Platform | 'widget', MessageKey>;

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

/** A standard-answer key: an intent, or `intent.situation` (stock.in, refund.progress…). */
export function answerKeyLabel(key: string): string {
  const dot = key.indexOf('.');
  if (dot < 0) return intentLabel(key);
  return `${intentLabel(key.slice(0, dot))}·${key.slice(dot + 1)}`;
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
