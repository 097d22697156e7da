// Bargainer classification (C7, seed 004): A. 爱贪小便宜型 — can afford it, bargaining is a
// habit; B. 心理需要慰藉 — needs the feeling of having won. The price never moves for either;
// the kind only changes how the bot answers (A: hold and move on; B: give a small "win" from the
// shop's own offers, such as a gift).

export type BargainerKind = 'none' | 'habitual' | 'wants_win';

export interface BargainerProfile {
  kind: BargainerKind;
  /** Bargaining turns so far, including the current one. */
  bargainTurns: number;
  reasonZh: string;
}

interface IntentTurn {
  author: 'buyer' | 'bot' | 'agent';
  text: string;
  intent?: string;
}

/** Wording of someone asking for a token of goodwill rather than a real discount. */
const WANTS_WIN =
  /(意思一下|送点|送个|给点|表示一下|面子|老顾客|老客户|回头客|买过好几次|常来|诚心|就差|抹个零|抹零|凑个整|零头|交个朋友|下次还来|心意|小礼物|赠品)/u;
/** Wording of a reflexive bargainer: the lowest price, comparisons, many asks. */
const HABITUAL =
  /(最低|底价|多少能卖|便宜点|便宜些|少点|少一点|打个折|打折|别家|人家|隔壁|别的店|批发价|包邮吧|再便宜)/u;

const HABITUAL_ALL = new RegExp(HABITUAL.source, 'gu');

/**
 * Classify from the buyer's turns (current one included) that the NLU labelled `bargain`.
 * One bargaining turn says little; the profile forms from the second one.
 */
export function classifyBargainer(turns: IntentTurn[]): BargainerProfile {
  const bargains = turns.filter((t) => t.author === 'buyer' && t.intent === 'bargain');
  const n = bargains.length;
  if (n === 0) return { kind: 'none', bargainTurns: 0, reasonZh: '' };
  const winHits = bargains.filter((t) => WANTS_WIN.test(t.text)).length;
  // Every habitual phrase counts: "最低多少，别家便宜点" is two signs in one turn.
  const habitHits = bargains.reduce((sum, t) => sum + (t.text.match(HABITUAL_ALL) ?? []).length, 0);
  if (winHits > 0 && winHits >= habitHits) {
    return {
      kind: 'wants_win',
      bargainTurns: n,
      reasonZh: '买家想要"占到便宜"的感觉：可用店铺允许的小赠品或运费优惠成交，价格不变',
    };
  }
  if (n >= 2 || habitHits >= 2) {
    return {
      kind: 'habitual',
      bargainTurns: n,
      reasonZh: `买家已议价${n}次，习惯性砍价：说明价格统一、品质有保证，转向店铺现有活动`,
    };
  }
  return { kind: 'none', bargainTurns: n, reasonZh: '买家首次议价' };
}
