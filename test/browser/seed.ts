// Demo-like data for the browser tests and the benchmark: one Tmall and one Taobao shop, an
// admin, a supervisor and two agents (password dxe-demo), buyers waiting in the queue (one with
// HTML/script in their text), a bot conversation, a finished week of conversations, orders and a
// case for the dashboard. Times are relative to `now`.
import type { Database } from '../../src/store/open-database.js';
import * as t from '../../src/store/schema/index.js';
import { hashPassword } from '../../src/app/auth/auth.js';
import { defaultAnswers } from '../../src/core/bot/default-answers.js';

export const XSS_TEXT = '<script>window.__xss=1</script><img src=x onerror="window.__xss=2">请问发什么快递';

export interface WorkbenchData {
  orgId: string;
  tmallId: string;
  taobaoId: string;
  agentIds: Record<string, string>;
  waitingId: string;
  xssId: string;
}

type Msg = { kind: 'buyer' | 'bot' | 'agent'; text: string; at: Date; intent?: string; agent?: string; rules?: string[] };

export async function insertWorkbenchData(database: Database, now: Date, extraOpen = 0): Promise<WorkbenchData> {
  const { db } = database;
  const ago = (s: number) => new Date(now.getTime() - s * 1000);
  const [org] = await db.insert(t.organisations).values({ name: '店小二演示公司' }).returning();
  const orgId = org!.id;
  const [tmall, taobao] = await db.insert(t.shops).values([
    { orgId, platform: 'tmall', name: '小二服饰旗舰店', settings: { freeShipping: true } },
    { orgId, platform: 'taobao', name: '小二数码小店', settings: {} },
  ]).returning();
  const passwordHash = await hashPassword('dxe-demo');
  const agentRows = await db.insert(t.agents).values([
    { orgId, login: 'admin', displayName: '店长 王老板', role: 'admin', agentNo: '001', passwordHash },
    { orgId, login: 'supervisor', displayName: '客服主管 李姐', role: 'supervisor', agentNo: '002', passwordHash },
    { orgId, login: 'agent1', displayName: '客服 小美', role: 'agent', agentNo: '8', passwordHash, presence: 'online', lastSeenAt: ago(3600) },
    { orgId, login: 'agent2', displayName: '客服 阿杰', role: 'agent', agentNo: '9', passwordHash, presence: 'online', lastSeenAt: ago(600) },
  ]).returning();
  const agentIds = Object.fromEntries(agentRows.map((a) => [a.login, a.id]));
  await db.insert(t.agentShops).values([
    { agentId: agentIds.agent1!, shopId: tmall!.id },
    { agentId: agentIds.agent2!, shopId: tmall!.id },
    { agentId: agentIds.agent2!, shopId: taobao!.id },
  ]);
  for (const shop of [tmall!, taobao!]) {
    await db.insert(t.standardAnswers).values(defaultAnswers().map((a) => ({ shopId: shop.id, intent: a.intent, variants: a.variants })));
    await db.insert(t.promotions).values([
      { shopId: shop.id, kind: 'coupon', text: '店铺满199减20优惠券', value: { botMayOffer: true } },
      { shopId: shop.id, kind: 'gift', text: '下单送同款收纳袋一个', value: { botMayOffer: true } },
    ]);
  }
  const [hoodie] = await db.insert(t.items).values({ shopId: tmall!.id, sku: 'WY-2026', title: '加绒连帽卫衣', category: '卫衣', priceFen: 15900 }).returning();
  await db.insert(t.itemVariants).values(['S', 'M', 'L', 'XL'].flatMap((size) => ['黑色', '燕麦色'].map((colour) => ({ itemId: hoodie!.id, colour, size, stock: size === 'XL' && colour === '黑色' ? 0 : 12 }))));

  let n = 0;
  const buyer = async (shopId: string, nickname: string) => {
    n++;
    const [b] = await db.insert(t.buyers).values({ shopId, platformAccount: `tb_${1000 + n}`, nickname, phone: `1381234${String(5600 + n).slice(-4)}`, address: '浙江省杭州市西湖区文三路100号', city: '杭州', tags: n % 2 ? ['老客户'] : [] }).returning();
    return b!;
  };
  const conversation = async (shopId: string, buyerId: string, status: 'bot' | 'queued' | 'assigned' | 'closed', msgs: Msg[], extra: Partial<typeof t.conversations.$inferInsert> = {}) => {
    const first = msgs.find((m) => m.kind === 'buyer');
    const reply = msgs.find((m) => m.kind !== 'buyer' && first && m.at >= first.at);
    const lastBuyer = [...msgs].reverse().find((m) => m.kind === 'buyer');
    const [c] = await db.insert(t.conversations).values({
      shopId, buyerId, channel: 'bridge', status, stage: 'inquire', lastIntent: lastBuyer?.intent ?? null, lastSeq: msgs.length,
      firstBuyerMessageAt: first?.at ?? null, firstResponseAt: reply?.at ?? null, lastBuyerMessageAt: lastBuyer?.at ?? null,
      lastMessageAt: msgs.at(-1)?.at ?? null, createdAt: msgs[0]?.at ?? now, closedAt: status === 'closed' ? msgs.at(-1)?.at ?? now : null, ...extra,
    }).returning();
    if (msgs.length) {
      await db.insert(t.messages).values(msgs.map((m, i) => ({
        shopId, conversationId: c!.id, seq: i + 1, direction: m.kind === 'buyer' ? ('in' as const) : ('out' as const), authorKind: m.kind,
        authorId: m.kind === 'agent' ? (m.agent ?? agentIds.agent1!) : null, text: m.text, intent: m.intent ?? null, createdAt: m.at, sentAt: m.at,
        guardVerdict: m.rules ? { verdict: 'warn', violations: m.rules.map((rule) => ({ rule, severity: 'warn', points: 0, span: [0, 1], message: rule, rewrite: m.text })), promises: [] } : null,
      })));
    }
    return c!;
  };

  // Waiting now.
  const b1 = await buyer(tmall!.id, '爱穿搭的小雨');
  const waiting = await conversation(tmall!.id, b1.id, 'queued', [
    { kind: 'buyer', text: '在吗？这件卫衣有L码吗，我身高165体重110斤', at: ago(8), intent: 'size_fit' },
  ], { handoverReason: 'human' });
  const b2 = await buyer(tmall!.id, '<b>粗体买家</b>');
  const xss = await conversation(tmall!.id, b2.id, 'queued', [
    { kind: 'buyer', text: XSS_TEXT, at: ago(95), intent: 'courier' },
  ], { handoverReason: 'human' });
  const b3 = await buyer(taobao!.id, '数码控阿强');
  await conversation(taobao!.id, b3.id, 'bot', [
    { kind: 'buyer', text: '充电宝能带上飞机吗', at: ago(300), intent: 'product_info' },
    { kind: 'bot', text: '亲，这款是10000毫安，可以随身带上飞机的哦 ^_^', at: ago(297) },
  ]);
  const b4 = await buyer(tmall!.id, '小林同学');
  await conversation(tmall!.id, b4.id, 'assigned', [
    { kind: 'buyer', text: '衣服收到了，颜色和图片不太一样', at: ago(1800), intent: 'color_appearance' },
    { kind: 'agent', text: '亲，非常抱歉给您带来不便，麻烦您拍张照片给我看看好吗？', at: ago(1750) },
    { kind: 'buyer', text: '哦', at: ago(600), intent: 'other' },
  ], { assigneeId: agentIds.agent1!, interest: { level: 'falling', reasonZh: '买家多次只回"哦/嗯"' } });
  for (let i = 0; i < extraOpen; i++) {
    const b = await buyer(i % 2 ? tmall!.id : taobao!.id, `买家${i}`);
    await conversation(b.shopId, b.id, 'queued', [{ kind: 'buyer', text: `第${i}位买家：这个还有货吗？`, at: ago(10 + i), intent: 'stock' }]);
  }

  // A finished week for the dashboard.
  for (let d = 1; d <= 6; d++) {
    for (let k = 0; k < 3; k++) {
      const shop = k === 2 ? taobao! : tmall!;
      const b = await buyer(shop.id, `老买家${d}-${k}`);
      const start = ago(d * 86400 + k * 3600);
      const human = k === 1;
      const reply = new Date(start.getTime() + (human ? 20_000 + d * 3000 : 4000));
      const answer = k === 0 ? '亲，48小时内发货哦' : human && d % 2 ? '亲，72小时内发货的呢' : '亲，今天16点前下单当天发货';
      await conversation(shop.id, b.id, 'closed', [
        { kind: 'buyer', text: '什么时候发货？', at: start, intent: 'ship_time' },
        { kind: human ? 'agent' : 'bot', text: answer, at: reply, agent: d % 2 ? agentIds.agent1 : agentIds.agent2, rules: human ? (d % 3 === 0 ? ['D10', 'D11'] : ['D11']) : undefined },
      ], human ? { assigneeId: d % 2 ? agentIds.agent1! : agentIds.agent2!, handoverReason: 'human' } : {});
      if ((d + k) % 2 === 0) {
        const [o] = await db.insert(t.orders).values({
          shopId: shop.id, platformOrderNo: `40213370${d}${k}0000`, buyerId: b.id, state: '交易成功', totalFen: 15900, paidFen: 15900 + d * 1000,
          refundFen: d === 4 ? 15900 : 0, orderedAt: new Date(start.getTime() + 600_000), paidAt: new Date(start.getTime() + 900_000),
        }).returning();
        if (d === 4 || d === 2) {
          await db.insert(t.aftersalesCases).values({ shopId: shop.id, orderId: o!.id, type: 'refund_only', state: '退款申请等待卖家确认中', reason: '尺码不合适', amountFen: 15900, openedAt: ago(d * 3600 * 10), platformDecided: d === 2 });
        }
      }
    }
  }
  // An order for the waiting buyer, for the side panel.
  await db.insert(t.orders).values({ shopId: tmall!.id, platformOrderNo: '4021337999900001', buyerId: b1.id, state: '买家已付款,等待卖家发货', totalFen: 15900, paidFen: 15900, orderedAt: ago(7200), paidAt: ago(7100), receiverPhone: '13812345678', receiverAddress: '浙江省杭州市西湖区文三路100号' });

  return { orgId, tmallId: tmall!.id, taobaoId: taobao!.id, agentIds, waitingId: waiting.id, xssId: xss.id };
}

/** Many buyers waiting at once (a promotion rush, C2), inserted in batches for benchmarks. */
export async function insertOpenConversations(database: Database, shopIds: readonly string[], count: number, now: Date): Promise<void> {
  const { db } = database;
  const intents = ['stock', 'size_fit', 'shipping_fee', 'ship_time', 'bargain', 'promotion', 'logistics'];
  const questions = ['这个还有货吗？', '我165cm 100斤穿什么码', '包邮吗亲', '今天能发货吗', '能便宜点吗', '有优惠券吗', '我的快递到哪了'];
  for (let start = 0; start < count; start += 500) {
    const n = Math.min(500, count - start);
    const idx = Array.from({ length: n }, (_, k) => start + k);
    const buyers = await db.insert(t.buyers).values(idx.map((i) => ({ shopId: shopIds[i % shopIds.length]!, platformAccount: `rush_${i}`, nickname: `大促买家${i}` }))).returning({ id: t.buyers.id, shopId: t.buyers.shopId });
    const at = (i: number) => new Date(now.getTime() - (5 + (i % 900)) * 1000);
    const convs = await db.insert(t.conversations).values(buyers.map((b, k) => ({
      shopId: b.shopId, buyerId: b.id, channel: 'bridge', status: 'queued' as const, stage: 'inquire', lastIntent: intents[(start + k) % intents.length]!,
      lastSeq: 1, firstBuyerMessageAt: at(start + k), lastBuyerMessageAt: at(start + k), lastMessageAt: at(start + k), createdAt: at(start + k),
    }))).returning({ id: t.conversations.id, shopId: t.conversations.shopId });
    await db.insert(t.messages).values(convs.map((c, k) => ({
      shopId: c.shopId, conversationId: c.id, seq: 1, direction: 'in' as const, authorKind: 'buyer' as const,
      text: `${questions[(start + k) % questions.length]}（${start + k}号）`, intent: intents[(start + k) % intents.length]!, createdAt: at(start + k),
    })));
  }
}
