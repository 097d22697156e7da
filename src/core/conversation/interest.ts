// Buyer-interest signals (C15, seed 000): replies getting shorter, gaps getting longer and
// repeated 哦/嗯 mean the buyer is losing interest; the agent should change topic or angle.

export interface TimedTurn {
  author: 'buyer' | 'bot' | 'agent';
  text: string;
  /** ISO time. */
  at: string;
}

export type InterestReason = 'shorter_replies' | 'longer_gaps' | 'filler_replies';

export interface InterestSignal {
  /** 0 (gone) … 1 (engaged). */
  score: number;
  losing: boolean;
  reasons: InterestReason[];
  /** What the agent sees, in Chinese; empty when nothing stands out. */
  reasonZh: string;
  /** A suggestion for the agent, in Chinese; empty when not losing. */
  adviceZh: string;
}

const REASON_ZH: Record<InterestReason, string> = {
  shorter_replies: '买家回复越来越短',
  longer_gaps: '买家回复间隔越来越长',
  filler_replies: '买家多次只回"哦/嗯"',
};

/** Messages that carry no content: 哦, 嗯嗯, 噢, 好吧, ok… (punctuation and emoticons ignored). */
const FILLER = /^(哦+|噢+|喔+|嗯+|恩+|额+|呃+|好吧|行吧|是吗|这样啊|ok|OK|Ok)$/u;

export function isFiller(text: string): boolean {
  const bare = text.replace(/\[[^\]]*\]/g, '').replace(/[\s\p{P}\p{S}~～]/gu, '');
  return bare.length > 0 && FILLER.test(bare);
}

function contentLength(text: string): number {
  return text.replace(/\s/g, '').length;
}

/** True when each value is no larger than the one before and the last is clearly smaller. */
function shrinking(values: number[], factor: number): boolean {
  if (values.length < 3) return false;
  for (let i = 1; i < values.length; i++) if ((values[i] ?? 0) > (values[i - 1] ?? 0)) return false;
  return (values[values.length - 1] ?? 0) <= (values[0] ?? 0) * factor;
}

/**
 * Interest over the buyer's last turns. `turns` includes the message being answered, oldest
 * first. Only the last five buyer turns count: an early lively chat does not hide a fading one.
 */
export function assessInterest(turns: TimedTurn[]): InterestSignal {
  const buyer = turns.filter((t) => t.author === 'buyer').slice(-5);
  const reasons: InterestReason[] = [];

  const lengths = buyer.map((t) => contentLength(t.text));
  if (shrinking(lengths, 0.5)) reasons.push('shorter_replies');

  // Gap = time from the previous turn by anyone (our reply) to the buyer's answer.
  const gaps: number[] = [];
  for (const t of buyer) {
    const idx = turns.indexOf(t);
    const prev = idx > 0 ? turns[idx - 1] : undefined;
    if (prev && prev.author !== 'buyer') gaps.push(Date.parse(t.at) - Date.parse(prev.at));
  }
  const lastGaps = gaps.slice(-3);
  if (lastGaps.length === 3 && lastGaps.every((g, i) => i === 0 || g > (lastGaps[i - 1] ?? 0))) {
    const first = lastGaps[0] ?? 0;
    const last = lastGaps[2] ?? 0;
    if (last >= 60_000 && last >= first * 2) reasons.push('longer_gaps');
  }

  const recent = buyer.slice(-3);
  const fillers = recent.filter((t) => isFiller(t.text)).length;
  if (fillers >= 2) reasons.push('filler_replies');

  const weight: Record<InterestReason, number> = {
    shorter_replies: 0.3,
    longer_gaps: 0.3,
    filler_replies: 0.4,
  };
  const score = Math.max(0, Math.round((1 - reasons.reduce((s, r) => s + weight[r], 0)) * 100) / 100);
  const losing = reasons.includes('filler_replies') || reasons.length >= 2;
  return {
    score,
    losing,
    reasons,
    reasonZh: reasons.map((r) => REASON_ZH[r]).join('；'),
    adviceZh: losing ? '买家兴趣在下降，建议换个话题或角度：介绍搭配、当前优惠，或问问买家最在意什么' : '',
  };
}
