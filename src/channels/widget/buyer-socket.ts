// The web-chat widget's buyer socket (a real channel): a visitor's messages go into the inbound
// use case (channel 'widget', buyer account `web:<visitor id>`), and every message of the
// visitor's conversation — the buyer's own, the bot's, an agent's — is pushed back to all of the
// visitor's open sockets, read from the store so nothing depends on the shape of bus events.
import { z } from 'zod';
import { latestVisitorConversation, visitorMessagesAfter } from '../../app/conversations/visitor.js';
import type { EventBus } from '../../app/events/event-bus.js';
import type { AppContext } from '../../app/runtime/context.js';
import { conversationOf } from '../../core/contract/events.js';
import { DxeError } from '../../core/errors.js';
import { storableText } from '../../core/storable-text.js';

export interface WidgetInbound {
  shopId: string;
  buyerAccount: string;
  /** Unique per shop: a resent frame (same clientId) is stored once. */
  channelMessageId: string;
  text: string;
  /** The item of the product page the buyer writes from (issue 12: the item under discussion). */
  itemId?: string;
}
/** Stores the buyer's message and lets the bot answer; returns the conversation it went into. */
export type InboundHandler = (input: WidgetInbound) => Promise<{ conversationId: string }>;

export interface Sock {
  readyState: number;
  send(data: string): void;
  close(code?: number, reason?: string): void;
  terminate(): void;
  ping(): void;
  on(event: 'message', cb: (data: unknown) => void): void;
  on(event: 'close' | 'pong', cb: () => void): void;
  on(event: 'error', cb: (err: Error) => void): void;
}

export const VISITOR_ID = /^[A-Za-z0-9_-]{8,64}$/;
export const MAX_TEXT_CHARS = 1000;
const HISTORY = 50;
const CLOSE_GRACE_MS = 500;
const HEARTBEAT_MS = 30_000;
/**
 * Buyer messages in RATE_WINDOW_MS: per visitor (over all of the visitor's sockets) and per client
 * address (over all visitors from it — generous, as buyers behind one NAT share an address).
 * Opening more sockets or inventing visitor ids therefore buys no extra messages (issue 10).
 */
export const RATE_MAX = 8;
export const ADDRESS_RATE_MAX = 40;
const RATE_WINDOW_MS = 10_000;
/** Open sockets per visitor (tabs) and per address. */
export const MAX_SOCKETS_PER_VISITOR = 8;
export const MAX_SOCKETS_PER_ADDRESS = 200;

const buyerFrame = z.discriminatedUnion('type', [
  z.object({ type: z.literal('ping') }),
  z.object({
    type: z.literal('message'),
    clientId: z.string().regex(/^[A-Za-z0-9_-]{1,64}$/),
    text: z.string(),
    /** The product page's item (the embedding page's data-item), when the widget sits on one. */
    item: z.string().min(1).max(128).optional(),
  }),
]);

export const channelMessageIdFor = (visitor: string, clientId: string) => `widget:${visitor}:${clientId}`;

interface Viewer {
  sock: Sock;
  alive: boolean;
  visitor: string;
  conversationId: string | null;
  lastSeq: number;
  chain: Promise<void>;
  address: string;
}

export interface WidgetHubDeps {
  database: AppContext['database'];
  bus: EventBus;
  inbound: InboundHandler;
  log: { error(obj: object, msg: string): void; warn(obj: object, msg: string): void };
  /** Buyer messages per client address per RATE_WINDOW_MS (default ADDRESS_RATE_MAX). */
  messagesPerAddress?: number;
}

export function frameText(raw: unknown): string | null {
  if (typeof raw === 'string') return raw;
  if (Buffer.isBuffer(raw)) return raw.toString('utf8');
  if (Array.isArray(raw) && raw.every((b) => Buffer.isBuffer(b))) return Buffer.concat(raw).toString('utf8');
  return null;
}

/** Sliding-window counters by key, forgetting keys whose window has passed. */
function windowCounter(windowMs: number) {
  const hits = new Map<string, number[]>();
  let sweptAt = 0;
  return {
    /** Counts a hit unless `key` already has `max` in the window; false when over. */
    take(key: string, max: number, now: number): boolean {
      if (now - sweptAt > windowMs) {
        sweptAt = now;
        for (const [k, list] of hits) if (!list.some((t) => now - t < windowMs)) hits.delete(k);
      }
      const list = (hits.get(key) ?? []).filter((t) => now - t < windowMs);
      if (list.length >= max) {
        hits.set(key, list);
        return false;
      }
      list.push(now);
      hits.set(key, list);
      return true;
    },
  };
}

export function createWidgetHub(deps: WidgetHubDeps) {
  const byConversation = new Map<string, Set<Viewer>>();
  const rates = windowCounter(RATE_WINDOW_MS);
  const socketsByAddress = new Map<string, number>();

  const write = (v: Viewer, frame: object) => {
    if (v.sock.readyState === 1) v.sock.send(JSON.stringify(frame));
  };
  const fail = (v: Viewer, code: string, message: string) => write(v, { type: 'error', code, message });

  const watch = (v: Viewer, conversationId: string) => {
    if (v.conversationId === conversationId) return;
    if (v.conversationId) byConversation.get(v.conversationId)?.delete(v);
    v.conversationId = conversationId;
    v.lastSeq = 0;
    let set = byConversation.get(conversationId);
    if (!set) byConversation.set(conversationId, (set = new Set()));
    set.add(v);
  };

  /** Sends the conversation's messages this socket has not had yet (serialised per socket). */
  const sync = (v: Viewer, limit = 200): Promise<void> => {
    v.chain = v.chain.then(async () => {
      const id = v.conversationId;
      if (!id) return;
      const rows = await visitorMessagesAfter(deps.database, id, v.lastSeq, { history: HISTORY, limit });
      for (const m of rows) {
        if (m.seq <= v.lastSeq) continue;
        v.lastSeq = m.seq;
        const prefix = `widget:${v.visitor}:`;
        const clientId = m.channelMessageId?.startsWith(prefix) ? m.channelMessageId.slice(prefix.length) : undefined;
        write(v, {
          type: 'message', id: m.id, seq: m.seq, text: m.text, authorKind: m.authorKind,
          at: m.at, ...(clientId ? { clientId } : {}),
        });
      }
    }).catch((err: unknown) => deps.log.error({ err }, 'widget sync failed'));
    return v.chain;
  };

  const offBus = deps.bus.subscribe((event) => {
    const conversationId = conversationOf(event);
    if (!conversationId) return;
    const viewers = byConversation.get(conversationId);
    if (!viewers?.size) return;
    for (const v of viewers) {
      if (event.type === 'typing') write(v, { type: 'typing' });
      else if (event.type === 'message.created') void sync(v);
    }
  });

  /** `receivedAt`: when the frame arrived — limits count arrivals, however slowly they are handled. */
  async function onMessage(v: Viewer, shopId: string, raw: unknown, receivedAt = Date.now()) {
    const text = frameText(raw);
    let json: unknown;
    try {
      json = text === null ? undefined : JSON.parse(text);
    } catch {
      json = undefined;
    }
    if (json === undefined) return fail(v, 'MALFORMED_JSON', '消息格式有误，请刷新页面后重试');
    const parsed = buyerFrame.safeParse(json);
    if (!parsed.success) return fail(v, 'VALIDATION_FAILED', '不支持的消息类型');
    const f = parsed.data;
    if (f.type === 'ping') return write(v, { type: 'pong' });
    // A pasted NUL or a broken emoji half (lone surrogate) cannot be stored and means nothing to
    // a person: dropped/mended here, so the buyer's message itself is never lost over it.
    const body = storableText(f.text).trim();
    if (!body) return fail(v, 'VALIDATION_FAILED', '消息内容不能为空');
    if ([...body].length > MAX_TEXT_CHARS) return fail(v, 'PAYLOAD_TOO_LARGE', `消息过长，请控制在 ${MAX_TEXT_CHARS} 字以内`);
    const now = receivedAt;
    if (!rates.take(`v:${shopId}:${v.visitor}`, RATE_MAX, now) || !rates.take(`a:${v.address}`, deps.messagesPerAddress ?? ADDRESS_RATE_MAX, now)) {
      return fail(v, 'RATE_LIMITED', '发送太频繁啦，请稍后再试');
    }
    try {
      const { conversationId } = await deps.inbound({
        shopId, buyerAccount: `web:${v.visitor}`, channelMessageId: channelMessageIdFor(v.visitor, f.clientId), text: body,
        ...(f.item ? { itemId: f.item } : {}),
      });
      // Other tabs of the same visitor follow the conversation too.
      const mine = [...viewersOf(shopId, v.visitor)];
      for (const other of mine) watch(other, conversationId);
      write(v, { type: 'ack', clientId: f.clientId });
      await Promise.all(mine.map((other) => sync(other)));
    } catch (err) {
      if (err instanceof DxeError && err.code !== 'INTERNAL') {
        deps.log.warn({ code: err.code }, 'widget inbound refused');
        return fail(v, err.code, err.message);
      }
      deps.log.error({ err }, 'widget inbound failed');
      fail(v, 'INTERNAL', '消息发送失败，请稍后重试');
    }
  }

  const visitors = new Map<string, Set<Viewer>>();
  const viewersOf = (shopId: string, visitor: string) => visitors.get(`${shopId}:${visitor}`) ?? new Set<Viewer>();

  // Phones that went to sleep or lost the network leave sockets that never close: ping them and
  // drop the ones that did not answer the previous ping.
  const heartbeat = setInterval(() => {
    for (const set of visitors.values()) {
      for (const v of set) {
        if (!v.alive) v.sock.terminate();
        else {
          v.alive = false;
          v.sock.ping();
        }
      }
    }
  }, HEARTBEAT_MS);
  heartbeat.unref();

  return {
    /** Serves one buyer socket; the shop has been checked by the caller. */
    async attach(sock: Sock, shop: { id: string; name: string }, visitor: string, early: unknown[] = [], address = 'unknown'): Promise<void> {
      const key = `${shop.id}:${visitor}`;
      const openFromAddress = socketsByAddress.get(address) ?? 0;
      if ((visitors.get(key)?.size ?? 0) >= MAX_SOCKETS_PER_VISITOR || openFromAddress >= MAX_SOCKETS_PER_ADDRESS) {
        sock.send(JSON.stringify({ type: 'error', code: 'RATE_LIMITED', message: '打开的客服窗口过多，请关闭多余的页面后重试' }));
        sock.close(4429, 'RATE_LIMITED');
        return;
      }
      socketsByAddress.set(address, openFromAddress + 1);
      const v: Viewer = { sock, alive: true, visitor, conversationId: null, lastSeq: 0, chain: Promise.resolve(), address };
      let mine = visitors.get(key);
      if (!mine) visitors.set(key, (mine = new Set()));
      mine.add(v);
      // Frames may arrive while history loads; handle them in order afterwards.
      let ready: Promise<void> = Promise.resolve();
      sock.on('message', (raw) => {
        v.alive = true;
        const at = Date.now();
        ready = ready.then(() => onMessage(v, shop.id, raw, at));
      });
      sock.on('pong', () => {
        v.alive = true;
      });
      sock.on('close', () => {
        const left = (socketsByAddress.get(address) ?? 1) - 1;
        if (left > 0) socketsByAddress.set(address, left);
        else socketsByAddress.delete(address);
        mine.delete(v);
        if (mine.size === 0) visitors.delete(key);
        if (v.conversationId) byConversation.get(v.conversationId)?.delete(v);
      });
      sock.on('error', () => undefined);
      ready = (async () => {
        write(v, { type: 'ready', shopName: shop.name, visitor });
        const existing = await latestVisitorConversation(deps.database, shop.id, visitor);
        if (existing) {
          watch(v, existing);
          await sync(v);
        }
        for (const raw of early) await onMessage(v, shop.id, raw);
      })().catch((err: unknown) => deps.log.error({ err }, 'widget history failed'));
    },
    /**
     * Says goodbye to every buyer socket (1001: the widget reconnects to another process) and
     * cuts the ones that do not finish the close handshake quickly, so a shutdown never waits on
     * a browser.
     */
    close() {
      clearInterval(heartbeat);
      offBus();
      for (const set of visitors.values()) {
        for (const v of set) {
          v.sock.close(1001, 'server restarting');
          setTimeout(() => v.sock.terminate(), CLOSE_GRACE_MS).unref();
        }
      }
      byConversation.clear();
      visitors.clear();
    },
  };
}
