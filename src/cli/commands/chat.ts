// `dxe chat --shop <id>`: talk to the shop's bot as a buyer in the terminal. Every line goes the
// real way (store → NLU → plan → guard → store), and under each reply the plan is shown: intent,
// confidence, stage, recommendations, the question asked back, hand-over and interest signals.
// While `dxe serve` owns the embedded data folder, the chat goes through its local API.
import type { Command } from 'commander';
import { z } from 'zod';
import type { TerminalChatShop, TerminalChatTurn } from '../../app/inbound/terminal-chat.js';

const optsSchema = z.object({
  shop: z.string().min(1, '请用 --shop 指定店铺 id'),
  buyer: z.string().min(1).max(100).optional(),
  item: z.string().min(1).max(200).optional(),
});

interface ChatBackend {
  shop(): Promise<TerminalChatShop>;
  findItem(ref: string): Promise<{ id: string; title: string } | null>;
  send(input: { buyer: string; messageId: string; text: string; itemId?: string }): Promise<TerminalChatTurn>;
  close(): Promise<void>;
}

/**
 * The running server's local API when one owns the embedded data folder (issue 10, critical 2),
 * else the database opened here.
 */
async function openBackend(shopId: string): Promise<ChatBackend> {
  const { loadConfig } = await import('../../config.js');
  const config = loadConfig();
  const { localApiFor } = await import('../local-api.js');
  const api = await localApiFor(config);
  if (api) {
    return {
      shop: () => api.post('/api/v1/local/chat/shop', { shopId }),
      findItem: async (ref) => (await api.post<{ item: { id: string; title: string } | null }>('/api/v1/local/chat/item', { shopId, ref })).item,
      send: (input) => api.post('/api/v1/local/chat/send', { shopId, ...input }),
      close: async () => {},
    };
  }
  const { openConfiguredDatabase } = await import('../../app/runtime/open-runtime.js');
  const { createLocalBus } = await import('../../app/events/event-bus.js');
  const { terminalChatItem, terminalChatSend, terminalChatShop } = await import('../../app/inbound/terminal-chat.js');
  const database = await openConfiguredDatabase(config);
  const bus = createLocalBus();
  return {
    shop: () => terminalChatShop(database, shopId),
    findItem: (ref) => terminalChatItem(database, shopId, ref),
    send: (input) => terminalChatSend({ database, bus, now: new Date() }, { shopId, ...input }),
    close: async () => {
      await bus.close();
      await database.close();
    },
  };
}

async function chat(raw: unknown): Promise<void> {
  const opts = optsSchema.parse(raw);
  const { createInterface } = await import('node:readline');
  const { DxeError } = await import('../../core/errors.js');
  const { STAGE_LABELS_ZH } = await import('../../core/conversation/stages.js');
  const { INTENT_LABELS_ZH, isIntentId } = await import('../../core/intents.js');

  const backend = await openBackend(opts.shop);
  const out = (s: string) => process.stdout.write(`${s}\n`);
  const dim = (s: string) => (process.stdout.isTTY ? `\x1b[2m${s}\x1b[0m` : s);
  try {
    const shop = await backend.shop().catch((err: unknown) => {
      // Name the shop the user typed, and where to find the right id.
      if (err instanceof DxeError && err.code === 'NOT_FOUND') {
        throw new DxeError('NOT_FOUND', `找不到店铺：${opts.shop}（店铺 ID 见工作台“设置”页顶部、店铺选择框旁，可一键复制；演示店铺为 demo-tmall、demo-taobao）`);
      }
      throw err;
    });
    const buyer = opts.buyer ?? `cli_${Date.now().toString(36)}`;
    // An item card is named by its id, SKU (TS-001) or part of its title; a wrong one fails
    // before the welcome line, so nothing suggests the chat has started.
    const findItem = (ref: string) => backend.findItem(ref);
    let itemId: string | undefined;
    let itemTitle: string | undefined;
    if (opts.item) {
      const item = await findItem(opts.item);
      if (!item) throw new DxeError('NOT_FOUND', `找不到商品：${opts.item}（可用商品编码如 TS-001、商品 ID 或标题中的词）`);
      itemId = item.id;
      itemTitle = item.title;
    }
    out(
      `店铺 ${shop.name}（${shop.platform}），买家账号 ${buyer}。输入消息回车发送，/item <商品编码或标题> 切换咨询的商品，/quit 退出。`,
    );
    if (itemTitle) out(dim(`  当前商品：${itemTitle}`));
    const rl = createInterface({
      input: process.stdin,
      output: process.stdout,
      terminal: process.stdin.isTTY,
    });
    if (process.stdin.isTTY) rl.setPrompt('买家> ');
    rl.prompt();
    let n = 0;
    for await (const line of rl) {
      const text = line.trim();
      if (text === '/quit' || text === '/exit') break;
      if (!text) {
        rl.prompt();
        continue;
      }
      if (text.startsWith('/item ')) {
        const ref = text.slice(6).trim();
        const item = await findItem(ref);
        out(dim(item ? `  当前商品：${item.title}` : `  找不到商品：${ref}`));
        if (item) itemId = item.id;
        rl.prompt();
        continue;
      }
      n++;
      // The bot speaks under its own persona (issue 12), never an agent's name.
      const result = await backend.send({ buyer, messageId: `cli-${buyer}-${n}`, text, ...(itemId ? { itemId } : {}) });
      for (const m of result.replies) out(`${shop.botName}> ${m}`);
      if (result.replies.length === 0) out(dim('（机器人未回复：会话由人工处理中）'));
      const p = result.plan;
      if (p) {
        const label = isIntentId(p.intent) ? INTENT_LABELS_ZH[p.intent] : p.intent;
        const parts = [
          `意图 ${p.intent}/${label} ${p.confidence.toFixed(2)}`,
          `阶段 ${STAGE_LABELS_ZH[p.stage]}`,
          p.usedAnswer ? `话术 ${p.usedAnswer.intent}#${p.usedAnswer.variantIndex}` : '',
          p.blocked ? `拦截 ${p.blocked} 条` : '',
        ].filter(Boolean);
        out(dim(`  [${parts.join(' · ')}]`));
        for (const r of p.recommendations) {
          out(dim(`  推荐 ${result.itemTitles[r.itemId] ?? r.itemId}：${r.reason}`));
        }
        if (p.question) out(dim(`  反问 ${p.question}`));
        if (p.handover) out(dim(`  转人工 ${p.handover.reason}：${p.handover.reasonZh}`));
        if (p.signals.interest.reasonZh)
          out(dim(`  兴趣 ${p.signals.interest.score}：${p.signals.interest.reasonZh}`));
        if (p.signals.bargainer.kind !== 'none')
          out(dim(`  议价 ${p.signals.bargainer.kind}：${p.signals.bargainer.reasonZh}`));
      }
      rl.prompt();
    }
    rl.close();
  } finally {
    await backend.close();
  }
}

export function register(program: Command): void {
  program
    .command('chat')
    .description('以买家身份与店铺机器人对话 chat with the shop bot as a buyer')
    .requiredOption('--shop <id>', '店铺 id shop id (e.g. demo-tmall)')
    .option('--buyer <account>', '买家账号 buyer account (default: a new one)')
    .option('--item <ref>', '咨询的商品（商品卡片：商品编码如 TS-001、id 或标题）item card the buyer chats from')
    .action(async (opts: unknown) => chat(opts));
}
