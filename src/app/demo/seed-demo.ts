// `dxe demo`: the demo organisation — one Tmall and one Taobao shop, ~30 items with colours,
// sizes and stock, standard answers for every intent, ~50 orders in various states, buyers,
// a few waiting conversations, two agents, a supervisor and an admin (issue 2 §8).
// Deterministic (seeded) so screenshots and tests see the same shop; times are relative to `now`.
import { count, eq } from 'drizzle-orm';
import { defaultAnswers } from '../../core/bot/default-answers.js';
import type { Database } from '../../store/open-database.js';
import * as t from '../../store/schema/index.js';
import { prng } from '../../core/prng.js';
import { startOfBeijingDay } from '../../core/time/beijing-time.js';
import { historyPlan } from './history.js';
import { hashPassword } from '../auth/auth.js';
import { DEMO_CATALOGUE, SIZE_CHARTS } from './catalogue.js';
import { DEMO_BUYERS, DEMO_CHATS, demoShopSettings } from './people.js';

export const DEMO_PASSWORD = 'dxe-demo';
export const DEMO_LOGINS = { admin: 'admin', supervisor: 'supervisor', agents: ['agent1', 'agent2'] } as const;

export async function isEmpty(database: Database): Promise<boolean> {
  const [row] = await database.db.select({ n: count() }).from(t.organisations);
  return (row?.n ?? 0) === 0;
}

const HOUR = 3600_000;

const ELECTRONICS = new Set(['耳机', '充电宝', '数据线', '手机壳', '智能穿戴', '充电器']);
const isElectronics = (category: string) => ELECTRONICS.has(category);

const ORDER_STATES = [
  '等待买家付款',
  '买家已付款,等待卖家发货',
  '卖家已发货,等待买家确认',
  '交易成功',
  '交易关闭',
] as const;

export interface DemoResult {
  orgId: string;
  shops: { id: string; platform: string; name: string }[];
  logins: { login: string; role: string }[];
}

export async function seedDemo(database: Database, now: Date): Promise<DemoResult> {
  const { db } = database;
  const rand = prng(20261123);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)]!;

  return db.transaction(async (tx) => {
    const [org] = await tx.insert(t.organisations).values({ name: '店小二演示公司' }).returning();
    const orgId = org!.id;
    const shopRows = await tx
      .insert(t.shops)
      .values([
        { id: 'demo-tmall', orgId, platform: 'tmall', name: '小二服饰旗舰店', settings: demoShopSettings('小美') },
        { id: 'demo-taobao', orgId, platform: 'taobao', name: '小二数码小店', settings: demoShopSettings('阿杰') },
      ])
      .returning();
    const [tmall, taobao] = shopRows as [typeof t.shops.$inferSelect, typeof t.shops.$inferSelect];

    const passwordHash = await hashPassword(DEMO_PASSWORD);
    const agentRows = await tx
      .insert(t.agents)
      .values([
        { orgId, login: DEMO_LOGINS.admin, displayName: '店长 王老板', role: 'admin', agentNo: '001', passwordHash },
        { orgId, login: DEMO_LOGINS.supervisor, displayName: '客服主管 李姐', role: 'supervisor', agentNo: '002', passwordHash },
        { orgId, login: 'agent1', displayName: '客服 小美', role: 'agent', agentNo: '8', passwordHash },
        { orgId, login: 'agent2', displayName: '客服 阿杰', role: 'agent', agentNo: '9', passwordHash },
      ])
      .returning();
    const agent1 = agentRows[2]!;
    const agent2 = agentRows[3]!;
    await tx.insert(t.agentShops).values([
      { agentId: agent1.id, shopId: tmall.id },
      { agentId: agent2.id, shopId: taobao.id },
      { agentId: agent2.id, shopId: tmall.id },
    ]);

    // Catalogue: clothing in the Tmall shop, electronics in the Taobao shop.
    const itemIdsBySku = new Map<string, string>();
    for (const demo of DEMO_CATALOGUE) {
      const shop = isElectronics(demo.category) ? taobao : tmall;
      const [item] = await tx
        .insert(t.items)
        .values({
          shopId: shop.id,
          sku: demo.sku,
          title: demo.title,
          category: demo.category,
          priceFen: demo.price * 100,
          attributes: demo.attributes,
          sizeChart: demo.sizeChart ? [...SIZE_CHARTS[demo.sizeChart]] : [],
        })
        .returning({ id: t.items.id });
      itemIdsBySku.set(demo.sku, item!.id);
      const variants = demo.colours.flatMap((colour) =>
        demo.sizes.map((size) => ({
          itemId: item!.id,
          colour,
          size,
          stock: demo.soldOut?.includes(`${colour}/${size}`) ? 0 : 3 + Math.floor(rand() * 60),
        })),
      );
      await tx.insert(t.itemVariants).values(variants);
    }
    for (const demo of DEMO_CATALOGUE) {
      if (!demo.similar?.length) continue;
      const similarIds = demo.similar.map((s) => itemIdsBySku.get(s)!).filter(Boolean);
      await tx
        .update(t.items)
        .set({ similarItemIds: similarIds })
        .where(eq(t.items.id, itemIdsBySku.get(demo.sku)!));
    }

    for (const shop of [tmall, taobao]) {
      await tx.insert(t.standardAnswers).values(
        defaultAnswers().map((a) => ({ shopId: shop.id, intent: a.intent, variants: a.variants })),
      );
      await tx.insert(t.promotions).values([
        { shopId: shop.id, kind: 'coupon', text: '店铺满199减20优惠券', value: { thresholdYuan: 199, offYuan: 20, botMayOffer: true } },
        { shopId: shop.id, kind: 'gift', text: '下单送同款收纳袋一个', value: { botMayOffer: true } },
        { shopId: shop.id, kind: 'freight', text: '偏远地区运费立减5元', value: { botMayOffer: true } },
      ]);
    }

    // Buyers and their orders.
    const buyerRows = [];
    for (const [i, b] of DEMO_BUYERS.entries()) {
      const shop = i % 3 === 2 ? taobao : tmall;
      const [row] = await tx
        .insert(t.buyers)
        .values({ shopId: shop.id, platformAccount: b.account, nickname: b.nickname, phone: b.phone, address: b.address, city: b.city, tags: b.tags })
        .returning();
      buyerRows.push(row!);
    }

    let orderNo = 4_021_337_000_000_000_000n;
    for (let i = 0; i < 50; i++) {
      const buyer = buyerRows[i % buyerRows.length]!;
      const shopId = buyer.shopId;
      const shopItems = DEMO_CATALOGUE.filter((d) => isElectronics(d.category) === (shopId === taobao.id));
      const demoItem = pick(shopItems);
      const qty = 1 + Math.floor(rand() * 2);
      const totalFen = demoItem.price * 100 * qty;
      const state = i < 4 ? ORDER_STATES[1] : ORDER_STATES[Math.floor(rand() * ORDER_STATES.length)]!;
      // The first four paid-unshipped orders sit at 20 h, 60 h, 70 h and 80 h after payment so the
      // demo shows ship-by deadlines safe, near and missed (O3, N1).
      const paidHoursAgo = i < 4 ? [20, 60, 70, 80][i]! : 4 + Math.floor(rand() * 500);
      const orderedAt = new Date(now.getTime() - (paidHoursAgo + 1) * HOUR);
      const paid = state !== '等待买家付款';
      const shipped = state === '卖家已发货,等待买家确认' || state === '交易成功';
      orderNo += 7919n;
      const [order] = await tx
        .insert(t.orders)
        .values({
          shopId,
          platformOrderNo: orderNo.toString(),
          buyerId: buyer.id,
          buyerAccount: buyer.platformAccount,
          state,
          totalFen,
          paidFen: paid ? totalFen : 0,
          orderedAt,
          paidAt: paid ? new Date(orderedAt.getTime() + 5 * 60_000) : null,
          shippedAt: shipped ? new Date(orderedAt.getTime() + 20 * HOUR) : null,
          completedAt: state === '交易成功' ? new Date(orderedAt.getTime() + 120 * HOUR) : null,
          closedAt: state === '交易关闭' ? new Date(orderedAt.getTime() + 30 * HOUR) : null,
          receiverName: buyer.nickname,
          receiverPhone: buyer.phone,
          receiverAddress: buyer.address,
          region: buyer.city,
          courier: shipped ? pick(['中通快递', '圆通速递', '顺丰速运']) : null,
          trackingNo: shipped ? `YT${(7_800_000_000_000n + BigInt(i) * 131n).toString()}` : null,
          source: 'demo',
        })
        .returning();
      const colour = demoItem.colours[0]!;
      const size = demoItem.sizes[Math.min(1, demoItem.sizes.length - 1)]!;
      await tx.insert(t.orderLines).values({
        orderId: order!.id,
        itemId: itemIdsBySku.get(demoItem.sku)!,
        sku: demoItem.sku,
        title: demoItem.title,
        colour,
        size,
        qty,
        priceFen: demoItem.price * 100,
      });
      await tx.insert(t.orderEvents).values({
        orderId: order!.id,
        at: orderedAt,
        fromState: null,
        toState: state,
        event: 'demo_seed',
        actorKind: 'system',
      });
      if (shipped) {
        await tx.insert(t.logisticsEvents).values([
          { orderId: order!.id, at: new Date(orderedAt.getTime() + 20 * HOUR), status: 'collected', text: '快递员已揽件' },
          { orderId: order!.id, at: new Date(orderedAt.getTime() + 34 * HOUR), status: 'in_transit', text: '快件已到达【杭州转运中心】' },
        ]);
      }
      if (state === '交易成功' && i % 4 === 0) {
        await tx.insert(t.aftersalesCases).values({
          shopId,
          orderId: order!.id,
          type: i % 8 === 0 ? 'return' : 'refund_only',
          state: '退款申请等待卖家确认中',
          reason: i % 8 === 0 ? '尺码不合适' : '收到商品破损',
          amountFen: totalFen,
          openedAt: new Date(now.getTime() - (10 + (i % 50)) * HOUR),
        });
      }
    }

    // A few buyers already waiting in the inbox.
    for (const [i, chat] of DEMO_CHATS.entries()) {
      const buyer = buyerRows[i]!;
      const startedAt = new Date(now.getTime() - chat.minutesAgo * 60_000);
      const [conv] = await tx
        .insert(t.conversations)
        .values({
          shopId: buyer.shopId,
          buyerId: buyer.id,
          channel: 'bridge',
          stage: chat.stage,
          status: chat.status,
          lastIntent: chat.intent,
          lastSeq: chat.lines.length,
          firstBuyerMessageAt: startedAt,
          lastBuyerMessageAt: startedAt,
          lastMessageAt: startedAt,
          createdAt: startedAt,
        })
        .returning();
      await tx.insert(t.messages).values(
        chat.lines.map((line, n) => ({
          shopId: buyer.shopId,
          conversationId: conv!.id,
          seq: n + 1,
          direction: line.author === 'buyer' ? ('in' as const) : ('out' as const),
          authorKind: line.author,
          text: line.text,
          channelMessageId: line.author === 'buyer' ? `demo-${i}-${n}` : null,
          intent: line.author === 'buyer' ? chat.intent : null,
          createdAt: new Date(startedAt.getTime() + n * 20_000),
        })),
      );
    }

    // A past month of closed conversations, so the dashboard shows a believable month (issue 15).
    const history = historyPlan();
    const agentFor = (shopId: string) => (shopId === tmall.id ? agent1 : agent2);
    for (const [i, h] of history.entries()) {
      const buyer = buyerRows[i % buyerRows.length]!;
      const startedAt = new Date(startOfBeijingDay(now, -h.daysAgo).getTime() + h.secondOfDay * 1000);
      const repliedAt = new Date(startedAt.getTime() + h.responseSeconds * 1000);
      const agent = agentFor(buyer.shopId);
      const lines: { author: 'buyer' | 'bot' | 'agent'; text: string; at: Date }[] = [{ author: 'buyer', text: h.exchange.buyer, at: startedAt }];
      if (h.handedOver) lines.push({ author: 'agent', text: h.exchange.agent, at: repliedAt });
      else lines.push({ author: 'bot', text: h.exchange.bot, at: repliedAt });
      const closedAt = new Date(repliedAt.getTime() + 10 * 60_000);
      const [conv] = await tx
        .insert(t.conversations)
        .values({
          shopId: buyer.shopId,
          buyerId: buyer.id,
          channel: 'bridge',
          stage: 'farewell',
          status: 'closed',
          assigneeId: h.handedOver ? agent.id : null,
          handoverReason: h.handedOver ? (h.exchange.intent === 'complaint' ? 'complaint' : 'human_requested') : null,
          lastIntent: h.exchange.intent,
          lastSeq: lines.length,
          firstBuyerMessageAt: startedAt,
          firstResponseAt: repliedAt,
          lastBuyerMessageAt: startedAt,
          lastMessageAt: repliedAt,
          createdAt: startedAt,
          closedAt,
        })
        .returning();
      await tx.insert(t.messages).values(
        lines.map((line, n) => ({
          shopId: buyer.shopId,
          conversationId: conv!.id,
          seq: n + 1,
          direction: line.author === 'buyer' ? ('in' as const) : ('out' as const),
          authorKind: line.author,
          authorId: line.author === 'agent' ? agent.id : null,
          text: line.text,
          channelMessageId: line.author === 'buyer' ? `demo-h${i}` : null,
          intent: line.author === 'buyer' ? h.exchange.intent : null,
          createdAt: line.at,
        })),
      );
    }

    return {
      orgId,
      shops: [tmall, taobao].map((s) => ({ id: s.id, platform: s.platform, name: s.name })),
      logins: agentRows.map((a) => ({ login: a.login, role: a.role })),
    };
  });
}

