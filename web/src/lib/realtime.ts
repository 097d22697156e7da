// The agents' WebSocket (docs/api-workbench.md, Realtime): frames carry a global sequence number;
// after a drop the client reconnects with back-off and sends `resume` with the last seq it saw,
// so no event is lost. Listeners get frames in order, each at most once. Each connection first
// gets a one-time ticket (POST /api/v1/ws/ticket with the bearer token): the session token never
// goes into a URL (issue 10).
import type { RealtimeFrame } from './types.js';

/** When a person last pressed a key, clicked or scrolled in this tab (C17: presence from activity). */
let lastInput = Date.now();
if (typeof window !== 'undefined') {
  for (const type of ['keydown', 'pointerdown', 'wheel', 'touchstart']) {
    window.addEventListener(type, () => (lastInput = Date.now()), { passive: true, capture: true });
  }
}

type Listener = (frame: RealtimeFrame) => void;
type StatusListener = (online: boolean) => void;

function parseFrame(raw: unknown): RealtimeFrame | null {
  if (typeof raw !== 'string') return null;
  let x: unknown;
  try {
    x = JSON.parse(raw);
  } catch {
    return null;
  }
  if (typeof x !== 'object' || x === null) return null;
  const o = x as Record<string, unknown>;
  if (typeof o.type !== 'string') return null;
  return {
    seq: typeof o.seq === 'number' ? o.seq : 0,
    type: o.type,
    shopId: typeof o.shopId === 'string' ? o.shopId : undefined,
    data: o.data,
  };
}

function readySeq(data: unknown): number {
  if (typeof data !== 'object' || data === null) return 0;
  const v = (data as { lastSeq?: unknown }).lastSeq;
  return typeof v === 'number' && Number.isInteger(v) && v > 0 ? v : 0;
}

export class Realtime {
  private ws: WebSocket | null = null;
  private lastSeq = 0;
  private attempts = 0;
  private stopped = false;
  private timer: ReturnType<typeof setTimeout> | null = null;
  private ping: ReturnType<typeof setInterval> | null = null;
  private lastPingAt = Date.now();
  private readonly listeners = new Set<Listener>();
  private readonly statusListeners = new Set<StatusListener>();
  online = false;
  /** Called when the server refuses the session (issue 15: a disabled agent). */
  onSessionEnded: (() => void) | null = null;

  constructor(private readonly token: string) {}

  start(): void {
    this.stopped = false;
    this.connect();
  }

  stop(): void {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    if (this.ping) clearInterval(this.ping);
    this.ws?.close();
    this.ws = null;
  }

  subscribe(listener: Listener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  onStatus(listener: StatusListener): () => void {
    this.statusListeners.add(listener);
    return () => this.statusListeners.delete(listener);
  }

  send(frame: Record<string, unknown>): void {
    if (this.ws?.readyState === WebSocket.OPEN) this.ws.send(JSON.stringify(frame));
  }

  private setOnline(online: boolean): void {
    if (this.online === online) return;
    this.online = online;
    this.statusListeners.forEach((l) => l(online));
  }

  private connect(): void {
    void this.ticket()
      .then((ticket) => {
        if (!this.stopped) this.open(ticket);
      })
      .catch(() => this.reconnectLater());
  }

  private async ticket(): Promise<string> {
    const res = await fetch('/api/v1/ws/ticket', { method: 'POST', headers: { authorization: `Bearer ${this.token}` } });
    // The session is gone (logged out elsewhere, or the account disabled): back to the login.
    if (res.status === 401) this.onSessionEnded?.();
    if (!res.ok) throw new Error(`ticket: HTTP ${res.status}`);
    const body = (await res.json()) as { ticket?: unknown };
    if (typeof body.ticket !== 'string') throw new Error('ticket: no ticket');
    return body.ticket;
  }

  private reconnectLater(): void {
    this.setOnline(false);
    if (this.stopped) return;
    const delay = Math.min(15_000, 500 * 2 ** this.attempts++) * (0.75 + Math.random() / 2);
    this.timer = setTimeout(() => this.connect(), delay);
  }

  private open(ticket: string): void {
    const proto = location.protocol === 'https:' ? 'wss:' : 'ws:';
    const ws = new WebSocket(`${proto}//${location.host}/api/v1/ws?ticket=${encodeURIComponent(ticket)}`);
    this.ws = ws;
    ws.onopen = () => {
      this.attempts = 0;
      this.setOnline(true);
      if (this.lastSeq > 0) this.send({ type: 'resume', afterSeq: this.lastSeq });
      // C17: the heartbeat says whether a person used the screen since the last one.
      this.ping = setInterval(() => {
        const active = lastInput > this.lastPingAt;
        this.lastPingAt = Date.now();
        this.send({ type: 'ping', active });
      }, 25_000);
    };
    ws.onmessage = (ev) => {
      const frame = parseFrame(ev.data);
      if (!frame) return;
      // The gateway's greeting names the sequence number it is at: the baseline to resume from
      // when the socket drops before this screen has seen any event.
      if (frame.type === 'ready' && this.lastSeq === 0) this.lastSeq = readySeq(frame.data);
      // The server's numbering restarted (or this screen was away too long): take its number as
      // the new baseline; the screens reload what they show.
      if (frame.type === 'resync') this.lastSeq = readySeq(frame.data);
      if (frame.seq > 0) {
        if (frame.seq <= this.lastSeq) return; // a resumed frame we already have
        this.lastSeq = frame.seq;
      }
      this.listeners.forEach((l) => l(frame));
    };
    ws.onclose = (ev) => {
      if (this.ping) clearInterval(this.ping);
      // 4401: the server ended this agent's session; reconnecting would only be refused.
      if (ev.code === 4401) {
        this.setOnline(false);
        this.onSessionEnded?.();
        return;
      }
      this.reconnectLater();
    };
    ws.onerror = () => ws.close();
  }
}
