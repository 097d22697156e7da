// Text is checked where it is written, not only where it is sent (issue 11): a standard answer or
// an offer text the bot will send later passes the same reply guard on save. A blocking finding
// refuses the whole save (TEXT_BLOCKED) with the rule's Chinese name, its points and the guard's
// suggested rewrite; a warning (including a 疑似 finding with its reason) saves and is returned.
// The context is the shop's own: its 包邮 promise (D5) and the buyer's own orders (D6), as when
// the bot sends the text.
import { DxeError } from '../../core/errors.js';
import { guardContext, guardReply, ruleTitle } from '../conversations/guard-reply.js';
import type { ShopContext } from '../shops/shop-context.js';

/** One text to check and where it is written (shown in the error: 标准话术「物流查询」第 2 种说法). */
export interface WrittenText {
  where: string;
  text: string;
}

/** A finding on a saved text, as the settings screens show it. */
export interface TextFinding {
  where: string;
  rule: string;
  /** The rule's Chinese name. */
  title: string;
  severity: 'block' | 'warn';
  points: number;
  message: string;
  rewrite: string;
  suspected?: boolean;
  reason?: string;
}

/**
 * A standard answer's placeholders ({size.small}, {coupon.text}) are filled from shop data when
 * the bot sends it, and the filled text is checked again then. On save they stand for a neutral
 * word, so `{size.small}` is not read as a link (D1) and a shipped answer saves back unchanged.
 */
const neutralPlaceholders = (text: string) => text.replace(/\{[A-Za-z_][\w.]*\}/g, '某');

const pointsText = (points: number) => (points > 0 ? `扣 ${points} 分` : '平台未列具体扣分');

/** Throws TEXT_BLOCKED on the first blocking finding; returns the warnings otherwise. */
export function guardWrittenTexts(shop: Pick<ShopContext, 'profile' | 'settings' | 'shop'>, texts: readonly WrittenText[]): TextFinding[] {
  const ctx = guardContext({ freeShipping: shop.settings.freeShipping, previousOutgoing: [], askerIsBuyer: true, shopName: shop.shop.name });
  const findings: TextFinding[] = [];
  for (const { where, text } of texts) {
    const verdict = guardReply(shop.profile, neutralPlaceholders(text), ctx);
    for (const v of verdict.violations) {
      findings.push({
        where,
        rule: v.rule,
        title: ruleTitle(shop.profile, v.rule),
        severity: v.severity,
        points: v.points,
        message: v.message,
        rewrite: v.rewrite,
        ...(v.suspected ? { suspected: true } : {}),
        ...(v.reason ? { reason: v.reason } : {}),
      });
    }
  }
  const blocked = findings.filter((f) => f.severity === 'block');
  const first = blocked[0];
  if (first) {
    const rewrite = first.rewrite ? `建议改为：“${first.rewrite}”` : '请删去违规内容后再保存。';
    throw new DxeError(
      'TEXT_BLOCKED',
      `${first.where}违反平台规则「${first.title}」（${first.rule}，${pointsText(first.points)}），未保存。${rewrite}`,
      { findings: blocked },
    );
  }
  return findings;
}
