// A believable past month for the demo dashboard (issue 15: "the demo dashboard is mostly zeros"):
// closed conversations on every day of the last 30, answered by the bot within seconds or handed
// to the shop's agent who answers within minutes, so first-response times, bot resolution,
// hand-over rate and the per-day chart have something true-to-life to show.
import { prng } from '../../core/prng.js';

export interface HistoryExchange {
  intent: string;
  buyer: string;
  bot: string;
  /** The agent's answer when the conversation was handed over. */
  agent: string;
}

export const HISTORY_EXCHANGES: readonly HistoryExchange[] = [
  { intent: 'size_fit', buyer: '身高165体重110斤穿什么码', bot: '亲，按您的身高体重建议选M码，喜欢宽松一点可以选L码哦', agent: '亲，我帮您对照了尺码表，M码刚好，您平时穿衣偏宽松的话选L码~' },
  { intent: 'ship_time', buyer: '今天下单什么时候发货', bot: '亲，下午4点前付款当天发货，之后的次日发出哦', agent: '亲，您的订单今天下午就能发出，发货后物流单号会同步给您~' },
  { intent: 'logistics', buyer: '我的快递到哪了', bot: '亲，您的包裹已到达转运中心，预计1-2天送达', agent: '亲，我帮您查了一下，包裹在转运中心，明天就能派送，请留意电话~' },
  { intent: 'bargain', buyer: '能便宜点吗', bot: '亲，已经是活动价了哦，现在领券满199减20更划算', agent: '亲，价格是统一的活动价，我帮您看看，现在下单还送运费险哦~' },
  { intent: 'stock', buyer: '白色L码还有货吗', bot: '亲，白色L码有现货，放心拍哦', agent: '亲，白色L码仓库还有现货，拍下当天就能发~' },
  { intent: 'invoice', buyer: '可以开发票吗', bot: '亲，可以开具电子发票，下单时填写抬头即可', agent: '亲，可以开的，您把抬头和税号发我，确认收货后给您开电子发票~' },
  { intent: 'return_exchange', buyer: '不合适可以换吗', bot: '亲，支持7天无理由退换，吊牌完好不影响二次销售即可', agent: '亲，可以换的，您在订单里申请换货，我这边优先给您处理~' },
  { intent: 'product_info', buyer: '这个是纯棉的吗', bot: '亲，这款是100%纯棉面料，透气亲肤', agent: '亲，是纯棉的，面料厚实不透，洗后也不容易变形~' },
  { intent: 'complaint', buyer: '收到的衣服有个线头，太失望了', bot: '非常抱歉给您带来不好的体验，马上为您转接人工客服处理', agent: '亲，真的很抱歉，我这边马上给您补偿，或者您申请换货我们承担运费~' },
  { intent: 'promotion', buyer: '现在有什么优惠活动', bot: '亲，店铺满199减20，新品第二件半价哦', agent: '亲，现在满199减20，另外收藏店铺还能领5元无门槛券~' },
];

export interface HistoryConversation {
  daysAgo: number;
  /** Seconds after midnight (Beijing) the buyer wrote. */
  secondOfDay: number;
  exchange: HistoryExchange;
  handedOver: boolean;
  /** Seconds until the first reply (bot: 1–4 s; agent: 10–180 s). */
  responseSeconds: number;
}

/** The same month every time the demo is seeded (deterministic). */
export function historyPlan(days = 30, seed = 20261206): HistoryConversation[] {
  const rand = prng(seed);
  const plan: HistoryConversation[] = [];
  for (let d = 1; d <= days; d++) {
    // Weekends a little busier, as shops see.
    const count = 5 + Math.floor(rand() * 5) + (d % 7 < 2 ? 2 : 0);
    for (let i = 0; i < count; i++) {
      const exchange = HISTORY_EXCHANGES[Math.floor(rand() * HISTORY_EXCHANGES.length)]!;
      const handedOver = exchange.intent === 'complaint' || rand() < 0.22;
      plan.push({
        daysAgo: d,
        secondOfDay: 9 * 3600 + Math.floor(rand() * 13 * 3600),
        exchange,
        handedOver,
        responseSeconds: handedOver ? 10 + Math.floor(rand() * 170) : 1 + Math.floor(rand() * 4),
      });
    }
  }
  return plan;
}
