// A public reply drafted from a review's causes (R5, R8): an apology and what the shop does about
// each cause for a complaint, thanks for praise. Written to pass the reply guard as it stands: no
// contact outside the platform, no money promised in public (refunds are arranged in the chat,
// never in exchange for a changed review — R7, D9). The agent edits it before it is sent.
import type { CauseId } from './analysis-lexicon.js';

const ZH: Record<CauseId, string> = {
  quality: '您反馈的质量问题我们非常重视，已交给品控同事逐批检查。',
  size: '尺码不合适给您添麻烦了，我们会把尺码表标注得更清楚。',
  color: '实物颜色和图片有差异，我们会重新拍摄校色，让图片更贴近实物。',
  logistics: '物流让您久等了，我们已向快递公司反馈运输问题。',
  service: '客服的回复没能让您满意，我们已经在改进服务。',
  description: '商品与描述不符的地方我们已核实，并会修正商品页面。',
  price: '价格调整让您不满意，我们理解您的心情。',
  packaging: '包装没有保护好商品，我们会升级包装。',
};

const EN: Record<CauseId, string> = {
  quality: 'We take the quality issue seriously and have passed it to our quality team.',
  size: 'Sorry the size did not fit; we will make the size chart clearer.',
  color: 'We will retake the photos so the colour matches the item.',
  logistics: 'Sorry for the long wait; we have raised the delivery problem with the carrier.',
  service: 'We are sorry our replies fell short and are improving our service.',
  description: 'We have checked the listing and will correct the description.',
  price: 'We understand your concern about the price.',
  packaging: 'We will improve our packaging.',
};

export function draftReviewReply(input: { sentiment: 'positive' | 'negative' | null; causes: readonly string[]; platform?: string | null }): string {
  const causes = input.causes.filter((c): c is CauseId => c in ZH);
  if (input.platform === 'aliexpress') {
    if (input.sentiment !== 'negative' && causes.length === 0) return 'Thank you for your kind review! We look forward to serving you again.';
    const head = input.sentiment === 'negative' ? 'We are sorry for the poor experience.' : 'Thank you for your review and your suggestion.';
    return [head, ...causes.map((c) => EN[c]), 'Please message us on the platform any time, we will take care of it.'].join(' ');
  }
  if (input.sentiment !== 'negative' && causes.length === 0) return '亲，感谢您的认可与支持！期待您的再次光临～';
  const head = input.sentiment === 'negative' ? '亲，非常抱歉给您带来不好的购物体验。' : '亲，感谢您的认可，也谢谢您提出的建议。';
  const tail = input.sentiment === 'negative' ? '如有需要请随时通过平台消息联系我们，我们会认真处理。' : '我们会继续改进，期待您的再次光临～';
  return [head, ...causes.map((c) => ZH[c]), tail].join('');
}
