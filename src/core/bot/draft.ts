// The reply being planned: handlers add standard answers, recommendations, a question or a
// hand-over to it; plan-reply turns it into a ReplyPlan.
import { pickAnswer, type TemplateVars } from './answers.js';
import { formatBeijing } from '../time/beijing-time.js';
import type { HandoverReason, Item, Order, PlanInput, Promotion, Recommendation } from './types.js';

export class Draft {
  readonly messages: string[] = [];
  readonly recommendations: Recommendation[] = [];
  /** The item a cross-sell was made for in this reply (C6; remembered so it is made once). */
  crossSoldFor: string | undefined = undefined;
  /** An item found from the words of the message (its category, a pick from a listed choice). */
  aboutItemId: string | undefined = undefined;
  question?: string;
  handover?: { reason: HandoverReason; reasonZh: string };
  usedAnswer?: { intent: string; variantIndex: number };
  /** Set when a planned answer could not be filled from data. */
  missing: string[] = [];

  constructor(
    /** The question being answered; plan-reply sets it to each question of the message in turn. */
    public input: PlanInput,
    /** Position in the conversation, for deterministic variant rotation (C12). */
    readonly turn: number,
  ) {}

  /** The language the reply is written in (issue 12). */
  get lang(): 'zh' | 'en' {
    return this.input.language === 'en' ? 'en' : 'zh';
  }

  /** A list joined as the reply's language writes it. */
  list(parts: readonly string[]): string {
    return parts.join(this.lang === 'en' ? ', ' : '、');
  }

  baseVars(): TemplateVars {
    const { shop } = this.input;
    const s = shop.settings;
    return {
      'shop.name': shop.name,
      'shop.agent': shop.agentName,
      'shop.bot': botName(shop),
      'shop.ship_cutoff': s.shipCutoff,
      'shop.couriers': this.list(s.couriers),
      'invoice.types': this.list(s.invoice.types),
      'invoice.when': s.invoice.when,
      'return.days': s.returnDays > 0 ? s.returnDays : undefined,
      'return.shipping': s.returnShippingNote,
    };
  }

  /** Add the standard answer `key`; false (and nothing added) when its data is missing. */
  say(key: string, vars: TemplateVars = {}, opts: { main?: boolean } = {}): boolean {
    const picked = pickAnswer(key, this.input.standardAnswers, { ...this.baseVars(), ...vars }, this.turn, this.lang);
    if (!picked) {
      this.missing.push(key);
      return false;
    }
    // Two questions of one message can need the same line (这款 + 还有L码吗 both ask for the item
    // link): the buyer hears it once.
    this.messages.push(...picked.messages.filter((m) => !this.messages.includes(m)));
    if (opts.main !== false && !this.usedAnswer && key !== 'welcome') {
      this.usedAnswer = { intent: picked.intent, variantIndex: picked.variantIndex };
    }
    return true;
  }

  /** Like say, and remember the answer as the question asked back (C11). */
  ask(key: string, vars: TemplateVars = {}): boolean {
    const before = this.messages.length;
    const ok = this.say(key, vars);
    const asked = this.messages.slice(before).join('');
    if (ok && asked) this.question = asked;
    return ok;
  }

  /** Hand over to a person; the buyer is told a colleague is coming unless told already. */
  handOver(reason: HandoverReason, reasonZh: string, line: string | null = 'handover'): void {
    if (this.handover) return;
    this.handover = { reason, reasonZh };
    // An agent's suggestion never says a colleague is coming: the agent is that colleague.
    if (line && !this.input.forAgent) this.say(line, {}, { main: false });
  }

  /** Was this item already offered in this conversation (by us or a colleague)? */
  mentioned(itemId: string): boolean {
    const item = this.input.items.find((i) => i.id === itemId);
    if (!item) return true;
    return (
      this.recommendations.some((r) => r.itemId === itemId) ||
      this.input.conversation.turns.some((t) => t.author !== 'buyer' && t.text.includes(item.title))
    );
  }

  /**
   * Recommend the first candidate not offered before, with a line the buyer reads (C5, C6).
   * `main`: the recommendation is the answer itself (the buyer asked for one).
   */
  recommend(
    candidates: Recommendation[],
    line: 'recommend.similar' | 'recommend.cross' | 'recommend.pick',
    opts: { main?: boolean } = {},
  ): boolean {
    const rec = candidates.find((c) => !this.mentioned(c.itemId));
    const item = rec && this.input.items.find((i) => i.id === rec.itemId);
    if (!rec || !item) return false;
    // Worn items "搭配好看/好穿"; other goods "一起用更方便/好用" (a cable is not worn).
    // A shop that wrote its own line for the plain key (and none for goods) keeps its wording.
    const own = (k: string) => this.input.standardAnswers.some((a) => a.intent === k);
    const goods = `${line}_goods`;
    const key = isWorn(item) || (own(line) && !own(goods)) ? line : goods;
    if (!this.say(key, itemVars(item, 'rec'), { main: opts.main ?? false })) return false;
    this.recommendations.push(rec);
    return true;
  }
}

/**
 * The bot's persona name (issue 12): the shop's setting, else "<shop>智能助手"; never the agents'
 * name (a setting equal to it gets "智能助手" added).
 */
export function botName(shop: { name: string; agentName: string; botName?: string }): string {
  const set = shop.botName?.trim();
  const name = set || "智能助手";
  return name === shop.agentName ? `${name}（智能助手）` : name;
}

/** Clothing, shoes and the like: a size chart or sizes to choose. */
function isWorn(item: Item): boolean {
  return (item.sizeChart?.length ?? 0) > 0 || item.variants.some((v) => v.size.trim() !== '');
}

export function itemVars(item: Item, prefix: 'item' | 'rec' = 'item'): TemplateVars {
  return { [`${prefix}.title`]: item.title, [`${prefix}.price`]: formatYuan(item.price) };
}

export function formatYuan(n: number): string {
  return Number.isInteger(n) ? String(n) : n.toFixed(2);
}

/** Promotions the bot may offer now (C7: from the shop's settings only). */
export function offerablePromotions(promotions: Promotion[], now: Date): Promotion[] {
  const t = now.getTime();
  return promotions.filter(
    (p) =>
      p.botMayOffer &&
      (!p.validFrom || Date.parse(p.validFrom) <= t) &&
      (!p.validTo || Date.parse(p.validTo) >= t),
  );
}

export type OrderLookup =
  { kind: 'found'; order: Order } | { kind: 'foreign'; orderNo: string } | { kind: 'none' };

/**
 * The order the buyer means. A number the buyer typed must be one of this buyer's own orders:
 * another account's order is never discussed (D6). Without a number, the newest order that
 * `prefer` accepts, else the newest open one.
 */
export function lookupOrder(input: PlanInput, prefer?: (o: Order) => boolean): OrderLookup {
  const remembered = input.conversation.memory?.orderNo;
  const nos = input.nlu.entities.orderNos.length > 0 ? input.nlu.entities.orderNos : remembered ? [remembered] : [];
  if (nos.length > 0) {
    for (const no of nos) {
      const order = input.orders.find((o) => o.platformOrderNo === no || o.id === no);
      if (order) return { kind: 'found', order };
    }
    return { kind: 'foreign', orderNo: nos[0] ?? '' };
  }
  const newest = [...input.orders].sort((a, b) => Date.parse(b.createdAt) - Date.parse(a.createdAt));
  const open = newest.filter((o) => o.state !== 'closed');
  const order = (prefer ? open.find(prefer) : undefined) ?? open[0];
  return order ? { kind: 'found', order } : { kind: 'none' };
}

export function orderVars(order: Order): TemplateVars {
  const events = [...order.logistics].sort((a, b) => Date.parse(a.at) - Date.parse(b.at));
  const latest = events[events.length - 1];
  return {
    'order.no': order.platformOrderNo,
    'order.tracking_no': order.trackingNo,
    'order.courier': order.courier,
    'order.latest_event': latest?.text,
    'order.latest_at': latest ? formatBeijing(latest.at) : undefined,
    'order.receiver': order.address?.receiver,
    'order.phone': order.address?.phone,
    'order.address': order.address?.text,
    'order.note': order.buyerNote?.trim() || undefined,
    'order.refund_state': order.refundState,
  };
}
