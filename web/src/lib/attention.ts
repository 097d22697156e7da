// Workbench basics (issue 15): what calls an agent's attention. Unread buyer messages per
// conversation (counted from the realtime events while the chat is not open, kept for the tab's
// session), their total in the tab title, and — when the agent opted in — a sound and a browser
// notification when a buyer starts waiting for a person (a hand-over).
import type { RealtimeFrame as RealtimeServerFrame } from './types.js';

type Listener = () => void;

const UNREAD_KEY = 'dxe.unread';
const ALERTS_KEY = 'dxe.alerts';

function readUnread(): Record<string, number> {
  try {
    const raw = globalThis.sessionStorage?.getItem(UNREAD_KEY);
    const parsed: unknown = raw ? JSON.parse(raw) : {};
    return parsed && typeof parsed === 'object' && !Array.isArray(parsed) ? (parsed as Record<string, number>) : {};
  } catch {
    return {};
  }
}

export class Attention {
  private unread: Record<string, number> = readUnread();
  private openId: string | null = null;
  private readonly listeners = new Set<Listener>();
  alertsOn: boolean;

  constructor(private readonly title = '店小二') {
    let on = false;
    try {
      on = globalThis.localStorage?.getItem(ALERTS_KEY) === 'on';
    } catch {
      on = false;
    }
    this.alertsOn = on;
  }

  subscribe(l: Listener): () => void {
    this.listeners.add(l);
    return () => this.listeners.delete(l);
  }

  private changed(): void {
    try {
      globalThis.sessionStorage?.setItem(UNREAD_KEY, JSON.stringify(this.unread));
    } catch {
      /* private mode: memory only */
    }
    this.updateTitle();
    this.listeners.forEach((l) => l());
  }

  count(id: string): number {
    return this.unread[id] ?? 0;
  }

  total(): number {
    return Object.values(this.unread).reduce((a, b) => a + b, 0);
  }

  /** The chat on screen: its messages are read as they arrive. */
  setOpen(id: string | null): void {
    this.openId = id;
    if (id && this.unread[id]) {
      delete this.unread[id];
      this.changed();
    }
  }

  updateTitle(): void {
    if (typeof document === 'undefined') return;
    const n = this.total();
    document.title = n > 0 ? `(${n}) ${this.title}` : this.title;
  }

  /** Feeds one realtime frame. */
  onFrame(f: RealtimeServerFrame): void {
    if (f.type === 'message.created') {
      const d = f.data as { conversationId?: string; message?: { direction?: string } };
      if (!d.conversationId || d.message?.direction !== 'in') return;
      const visible = d.conversationId === this.openId && typeof document !== 'undefined' && document.visibilityState === 'visible';
      if (visible) return;
      this.unread[d.conversationId] = (this.unread[d.conversationId] ?? 0) + 1;
      this.changed();
    } else if (f.type === 'conversation.handover') {
      const d = f.data as { conversationId?: string; reasonZh?: string };
      if (this.alertsOn && d.conversationId) this.alert(d.reasonZh ?? '', d.conversationId);
    }
  }

  /** Opt in or out of the sound and browser notification; asking the browser's permission on the way in. */
  async setAlerts(on: boolean): Promise<boolean> {
    this.alertsOn = on;
    try {
      globalThis.localStorage?.setItem(ALERTS_KEY, on ? 'on' : 'off');
    } catch {
      /* memory only */
    }
    if (on && typeof Notification !== 'undefined' && Notification.permission === 'default') {
      await Notification.requestPermission().catch(() => 'denied');
    }
    this.listeners.forEach((l) => l());
    return on;
  }

  /** Fired alerts (the browser test reads this; nothing else does). */
  fired = 0;

  private alert(reason: string, conversationId: string): void {
    this.fired += 1;
    beep();
    if (typeof Notification !== 'undefined' && Notification.permission === 'granted') {
      try {
        const n = new Notification('店小二：有买家等待人工接待', { body: reason, tag: `dxe-${conversationId}` });
        n.onclick = () => {
          globalThis.focus?.();
          location.assign(`/inbox/${encodeURIComponent(conversationId)}`);
        };
      } catch {
        /* notifications unavailable in this context */
      }
    }
  }
}

let audio: AudioContext | null = null;
/** A short two-tone chime made with WebAudio (no sound file to ship). */
function beep(): void {
  try {
    const Ctx = globalThis.AudioContext;
    if (!Ctx) return;
    audio ??= new Ctx();
    const at = audio.currentTime;
    for (const [i, freq] of [880, 1320].entries()) {
      const osc = audio.createOscillator();
      const gain = audio.createGain();
      osc.frequency.value = freq;
      gain.gain.setValueAtTime(0.15, at + i * 0.15);
      gain.gain.exponentialRampToValueAtTime(0.001, at + i * 0.15 + 0.14);
      osc.connect(gain).connect(audio.destination);
      osc.start(at + i * 0.15);
      osc.stop(at + i * 0.15 + 0.15);
    }
  } catch {
    /* no audio device */
  }
}
