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

  private alert(reason: string, conversationId: string): void {
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

let chime: HTMLAudioElement | null = null;
/**
 * A short two-tone chime (880 Hz then 1320 Hz), made here as an 8 kHz 8-bit WAV so there is no
 * sound file to ship, played through an <audio> element.
 */
function beep(): void {
  try {
    if (typeof Audio === 'undefined') return;
    chime ??= new Audio(chimeWav());
    chime.currentTime = 0;
    void chime.play()?.catch(() => undefined); // autoplay refused before any click: the notification still shows
  } catch {
    /* no audio device */
  }
}

function chimeWav(): string {
  const rate = 8000;
  const tone = (freq: number, secs: number) => Array.from({ length: Math.round(rate * secs) }, (_, i) => {
    const fade = 1 - i / (rate * secs);
    return Math.round(128 + 40 * fade * Math.sin((2 * Math.PI * freq * i) / rate));
  });
  const samples = [...tone(880, 0.15), ...tone(1320, 0.15)];
  const bytes = new Uint8Array(44 + samples.length);
  const view = new DataView(bytes.buffer);
  const text = (at: number, str: string) => [...str].forEach((ch, k) => view.setUint8(at + k, ch.charCodeAt(0)));
  text(0, 'RIFF');
  view.setUint32(4, 36 + samples.length, true);
  text(8, 'WAVEfmt ');
  view.setUint32(16, 16, true);
  view.setUint16(20, 1, true); // PCM
  view.setUint16(22, 1, true); // mono
  view.setUint32(24, rate, true);
  view.setUint32(28, rate, true); // byte rate
  view.setUint16(32, 1, true); // block align
  view.setUint16(34, 8, true); // bits per sample
  text(36, 'data');
  view.setUint32(40, samples.length, true);
  samples.forEach((v, k) => view.setUint8(44 + k, v));
  let bin = '';
  bytes.forEach((b) => (bin += String.fromCharCode(b)));
  return `data:audio/wav;base64,${btoa(bin)}`;
}
