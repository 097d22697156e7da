// A real WebSocket client for tests (the `ws` package, which @fastify/websocket depends on), with
// a frame inbox and helpers to wait for frames.
import { createRequire } from 'node:module';

interface RawSocket {
  readyState: number;
  send(data: string | Buffer): void;
  close(code?: number): void;
  terminate(): void;
  on(event: 'message', cb: (data: Buffer) => void): void;
  on(event: 'open' | 'close', cb: (...args: unknown[]) => void): void;
  on(event: 'error', cb: (err: Error) => void): void;
  on(event: 'unexpected-response', cb: (req: unknown, res: { statusCode: number }) => void): void;
}
type SocketCtor = new (url: string) => RawSocket;

const require = createRequire(import.meta.url);
const WebSocketImpl: SocketCtor = require('ws');

export interface Frame {
  type: string;
  seq?: number;
  shopId?: string;
  // Tests read server frames freely (f.data.message.text); the server side is typed.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  data?: any;
  [k: string]: unknown;
}

/** How long a wait for a frame may take by default (see TestSocket.waitFor). */
const WAIT_MS = 30_000;

export class TestSocket {
  readonly frames: Frame[] = [];
  closed = false;
  closeCode: number | undefined;
  private constructor(readonly raw: RawSocket) {
    raw.on('message', (d) => this.frames.push(JSON.parse(d.toString('utf8')) as Frame));
    raw.on('close', (code) => {
      this.closed = true;
      this.closeCode = typeof code === 'number' ? code : undefined;
    });
  }

  static open(url: string): Promise<TestSocket> {
    return new Promise((resolve, reject) => {
      const raw = new WebSocketImpl(url);
      const s = new TestSocket(raw);
      raw.on('open', () => resolve(s));
      raw.on('error', reject);
      raw.on('unexpected-response', (_req, res) => reject(new Error(`HTTP ${res.statusCode}`)));
    });
  }

  send(frame: unknown): void {
    this.raw.send(typeof frame === 'string' ? frame : JSON.stringify(frame));
  }

  /**
   * Waits until `pred` holds for the frames received so far. The default limit is room, not a
   * race: a frame that never comes still fails the test, but a loaded 2-core CI machine (two test
   * files, a PostgreSQL and a browser beside each other) can take seconds to deliver one.
   */
  async waitFor(pred: (frames: Frame[]) => boolean, ms = WAIT_MS): Promise<Frame[]> {
    const until = Date.now() + ms;
    while (!pred(this.frames)) {
      if (Date.now() > until) throw new Error(`timed out; frames: ${JSON.stringify(this.frames).slice(0, 800)}`);
      await new Promise((r) => setTimeout(r, 10));
    }
    return this.frames;
  }

  async next(type: string, ms = WAIT_MS): Promise<Frame> {
    const start = this.frames.length;
    await this.waitFor((f) => f.slice(start).some((x) => x.type === type), ms);
    return this.frames.slice(start).find((x) => x.type === type)!;
  }

  /** The first frame of a type, whether it has already arrived or not. */
  async first(type: string, ms = WAIT_MS): Promise<Frame> {
    await this.waitFor((f) => f.some((x) => x.type === type), ms);
    return this.frames.find((x) => x.type === type)!;
  }

  ofType(type: string): Frame[] {
    return this.frames.filter((f) => f.type === type);
  }

  close(): Promise<void> {
    if (this.closed) return Promise.resolve();
    return new Promise((resolve) => {
      this.raw.on('close', () => resolve());
      this.raw.close();
    });
  }
}

export const pause = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * Opens the agents' socket the way the workbench does: a one-time ticket from
 * POST /api/v1/ws/ticket (bearer token), then GET /api/v1/ws?ticket=… (issue 10).
 */
export async function openAgentSocket(wsBase: string, token: string): Promise<TestSocket> {
  const httpBase = wsBase.replace(/^ws/, 'http');
  const res = await fetch(`${httpBase}/api/v1/ws/ticket`, { method: 'POST', headers: { authorization: `Bearer ${token}` } });
  if (res.status !== 201) throw new Error(`HTTP ${res.status} for a ticket`);
  const { ticket } = (await res.json()) as { ticket: string };
  return TestSocket.open(`${wsBase}/api/v1/ws?ticket=${encodeURIComponent(ticket)}`);
}
