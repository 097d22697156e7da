// Realtime gateway for agents' screens: `POST /api/v1/ws/ticket` (bearer token) gives a one-time
// ticket good for 30 s, then `GET /api/v1/ws?ticket=…` opens the socket (issue 10, Major 4). Bus events reach only the
// connections whose principal may see the event's shop; every event carries its global sequence
// number, and a reconnecting screen sends `{type:'resume', afterSeq}` to get what it missed, each
// event once. One bus subscription per process feeds every connection of that process.
import type { FastifyPluginAsync } from 'fastify';
import type { Principal } from '../../app/auth/auth.js';
import { noteActivity } from '../../app/auth/presence.js';
import { announceTyping } from '../../app/conversations/typing.js';
import { issueWsTicket } from '../../app/auth/ws-tickets.js';
import { bearerToken } from '../auth.js';
import { realtimeLogFor, type SequencedEvent } from '../../app/events/realtime-log.js';
import { realtimeClientFrame } from '../../core/contract/events.js';
import { DxeError } from '../../core/errors.js';

/** The part of a `ws` socket the gateway uses. */
export interface Sock {
  readyState: number;
  send(data: string): void;
  close(code?: number, reason?: string): void;
  terminate(): void;
  ping(): void;
  on(event: 'message', cb: (data: unknown, isBinary: boolean) => void): void;
  on(event: 'close' | 'pong', cb: () => void): void;
  on(event: 'error', cb: (err: Error) => void): void;
}

const OPEN = 1;
const HEARTBEAT_MS = 30_000;
const START_HOLD_MS = 1500;
/** At most one typing event per conversation and agent in this interval. */
const TYPING_INTERVAL_MS = 1500;
/** Sequence numbers remembered per connection to drop a replayed event already sent live. */
const SENT_MEMORY = 20_000;


export function frameText(raw: unknown): string | null {
  if (typeof raw === 'string') return raw;
  if (Buffer.isBuffer(raw)) return raw.toString('utf8');
  if (Array.isArray(raw) && raw.every((b) => Buffer.isBuffer(b))) return Buffer.concat(raw).toString('utf8');
  if (raw instanceof ArrayBuffer) return Buffer.from(raw).toString('utf8');
  return null;
}

class AgentConnection {
  private readonly sent = new Set<number>();
  private sentFloor = 0;
  /**
   * A new connection holds live events until its first frame (normally `resume`) or
   * START_HOLD_MS, so the missed events can go out before newer live ones.
   */
  private replaying = true;
  started = false;
  private held: SequencedEvent[] = [];
  alive = true;
  private readonly typedAt = new Map<string, number>();
  private readonly shopOf = new Map<string, string>();

  constructor(readonly sock: Sock, readonly principal: Principal) {}

  sees(e: SequencedEvent): boolean {
    if (!this.principal.shopIds.includes(e.shopId)) return false;
    if (e.type === 'typing' && e.data.agentId && e.data.agentId === this.principal.agentId) return false;
    // A8 alerts are for supervisors and admins (issue 15).
    if (e.type === 'rates.alert' && this.principal.role !== 'supervisor' && this.principal.role !== 'admin') return false;
    return true;
  }

  deliver(e: SequencedEvent): void {
    // Issue 15: a disabled agent's screens lose their realtime connection at once.
    if (e.type === 'agent.presence' && e.data.sessionsEnded && e.data.agentId === this.principal.agentId) {
      this.sock.close(4401, 'session ended');
      return;
    }
    if (!this.sees(e)) return;
    if (this.replaying) this.held.push(e);
    else this.send(e);
  }

  private send(e: SequencedEvent): void {
    if (this.sent.has(e.seq) || e.seq <= this.sentFloor) return;
    this.sent.add(e.seq);
    if (this.sent.size > SENT_MEMORY) {
      const drop = [...this.sent].sort((a, b) => a - b).slice(0, SENT_MEMORY / 2);
      for (const s of drop) this.sent.delete(s);
      this.sentFloor = drop[drop.length - 1] ?? this.sentFloor;
    }
    this.write(e);
  }

  write(frame: object): void {
    if (this.sock.readyState === OPEN) this.sock.send(JSON.stringify(frame));
  }

  /**
   * Sends the missed events and the live ones held meanwhile as one run in sequence order, so a
   * client that drops frames with seq ≤ the last it saw loses nothing.
   */
  async resume(afterSeq: number, after: (seq: number) => ReturnType<ReturnType<typeof realtimeLogFor>['after']>) {
    this.replaying = true;
    try {
      const missed = await after(afterSeq);
      if (!missed.complete) {
        this.write({ type: 'resync', data: { lastSeq: missed.lastSeq, message: '离线时间过长，部分消息需要刷新后查看' } });
      }
      const replay = missed.events.filter((e) => e.type !== 'typing' && this.sees(e));
      const run = [...replay, ...this.held.splice(0)].sort((a, b) => a.seq - b.seq);
      for (const e of run) if (e.seq > afterSeq) this.send(e);
      this.write({ type: 'resumed', data: { afterSeq, replayed: replay.length, lastSeq: missed.lastSeq } });
    } finally {
      this.release();
    }
  }

  /** The bus's numbering started again: forget what was sent and tell the screen to reload. */
  restart(): void {
    this.sent.clear();
    this.sentFloor = 0;
    this.write({ type: 'resync', data: { lastSeq: 0, message: '实时连接已重置，正在刷新' } });
  }

  /** Live delivery from now on (held events first, in order). */
  release(): void {
    this.replaying = false;
    for (const e of this.held.splice(0).sort((a, b) => a.seq - b.seq)) this.send(e);
  }

  /** Typing is throttled; the conversation must be one the agent may see. */
  mayType(conversationId: string, now: number): boolean {
    const last = this.typedAt.get(conversationId) ?? 0;
    if (now - last < TYPING_INTERVAL_MS) return false;
    this.typedAt.set(conversationId, now);
    return true;
  }
  cachedShop(conversationId: string) {
    return this.shopOf.get(conversationId);
  }
  rememberShop(conversationId: string, shopId: string) {
    if (this.shopOf.size > 500) this.shopOf.clear();
    this.shopOf.set(conversationId, shopId);
  }
}

const wsRoutes: FastifyPluginAsync = async (app) => {
  const log = realtimeLogFor(app.ctx.bus);
  const connections = new Set<AgentConnection>();
  const off = log.subscribe((e) => {
    for (const c of connections) c.deliver(e);
  });
  const offReset = log.onReset?.(() => {
    for (const c of connections) c.restart();
  });
  const heartbeat = setInterval(() => {
    for (const c of connections) {
      if (!c.alive) {
        c.sock.terminate();
        continue;
      }
      c.alive = false;
      c.sock.ping();
    }
  }, HEARTBEAT_MS);
  heartbeat.unref();
  // Before the server stops listening: a screen that does not finish the close handshake
  // quickly is cut, so a shutdown never waits on a browser.
  app.addHook('preClose', async () => {
    clearInterval(heartbeat);
    off();
    offReset?.();
    for (const c of connections) {
      c.sock.close(1001, 'server shutting down');
      setTimeout(() => c.sock.terminate(), 500).unref();
    }
  });

  const error = (conn: AgentConnection, code: string, message: string) =>
    conn.write({ type: 'error', data: { code, message } });

  app.post('/api/v1/ws/ticket', { preHandler: app.authenticate }, async (request, reply) => {
    const token = bearerToken(request);
    if (!token) throw new DxeError('UNAUTHENTICATED');
    return reply.status(201).send(await issueWsTicket(app.ctx.database, token, app.ctx.now()));
  });

  app.get('/api/v1/ws', { websocket: true, preValidation: app.authenticateTicket }, (socket: Sock, request) => {
    const principal = request.principal;
    if (!principal) {
      socket.close(4401, 'unauthenticated');
      return;
    }
    const conn = new AgentConnection(socket, principal);
    connections.add(conn);
    socket.on('pong', () => {
      conn.alive = true;
    });
    socket.on('close', () => connections.delete(conn));
    socket.on('error', () => connections.delete(conn));
    void log.lastSeq().then((seq) => conn.write({ type: 'ready', data: { lastSeq: seq, shopIds: principal.shopIds } }));

    const startTimer = setTimeout(() => {
      if (conn.started) return;
      conn.started = true;
      conn.release();
    }, START_HOLD_MS);
    socket.on('close', () => clearTimeout(startTimer));
    socket.on('message', (raw) => {
      conn.alive = true;
      const first = !conn.started;
      conn.started = true;
      clearTimeout(startTimer);
      const text = frameText(raw);
      let json: unknown;
      try {
        json = text === null ? undefined : JSON.parse(text);
      } catch {
        json = undefined;
      }
      const frame = json === undefined ? null : realtimeClientFrame.safeParse(json);
      if (first && !(frame?.success && frame.data.type === 'resume')) conn.release();
      if (!frame) return error(conn, 'MALFORMED_JSON', '消息不是有效的 JSON');
      if (!frame.success) return error(conn, 'VALIDATION_FAILED', '不支持的消息类型或格式');
      const f = frame.data;
      // C17: a heartbeat is a sign of the screen; `active` and typing are a person acting.
      if (principal.kind === 'agent' && principal.agentId && (f.type === 'ping' || f.type === 'typing')) {
        const active = f.type === 'typing' || f.active === true;
        void noteActivity({ database: app.ctx.database, bus: app.ctx.bus, now: app.ctx.now() }, principal.agentId, active).catch((err: unknown) =>
          request.log.error({ err }, 'noting activity failed'));
      }
      if (f.type === 'ping') return conn.write({ type: 'pong', data: { at: app.ctx.now().toISOString() } });
      if (f.type === 'resume') {
        void conn.resume(f.afterSeq, (s) => log.after(s)).catch((err: unknown) => {
          request.log.error({ err }, 'resume failed');
          error(conn, 'INTERNAL', '补发消息失败，请刷新页面');
        });
        return;
      }
      void (async () => {
        if (!conn.mayType(f.conversationId, Date.now())) return;
        try {
          const shopId = await announceTyping(app.ctx, principal, f.conversationId, conn.cachedShop(f.conversationId));
          conn.rememberShop(f.conversationId, shopId);
        } catch (err) {
          if (err instanceof DxeError && err.code === 'NOT_FOUND') return error(conn, 'NOT_FOUND', '找不到该会话');
          throw err;
        }
      })().catch((err: unknown) => request.log.error({ err }, 'typing failed'));
    });
  });
};
export default wsRoutes;
