// Keyboard shortcuts for the common actions (issue 15). The shell turns a key into an action and
// announces it on the window; the screen that can do it (the inbox, the open chat) listens.
// Alt+letter works while typing in the reply box (e.code, so a Mac's Option characters match).
import { useEffect, useRef } from 'react';
import type { MessageKey } from '../i18n.js';

export type ShortcutAction = 'next' | 'prev' | 'take' | 'handback' | 'reply' | 'help';

export const SHORTCUTS: { keys: string; action: ShortcutAction; label: MessageKey }[] = [
  { keys: 'Alt + N', action: 'next', label: 'keys.next' },
  { keys: 'Alt + P', action: 'prev', label: 'keys.prev' },
  { keys: 'Alt + T', action: 'take', label: 'keys.take' },
  { keys: 'Alt + H', action: 'handback', label: 'keys.handback' },
  { keys: 'Alt + R', action: 'reply', label: 'keys.reply' },
  { keys: 'Enter', action: 'reply', label: 'keys.send' },
  { keys: '?', action: 'help', label: 'keys.help' },
];

const CODES: Record<string, ShortcutAction> = { KeyN: 'next', KeyP: 'prev', KeyT: 'take', KeyH: 'handback', KeyR: 'reply' };

function typing(target: EventTarget | null): boolean {
  const el = target as HTMLElement | null;
  if (!el) return false;
  return el.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(el.tagName);
}

/** The action a key press asks for, or null. */
export function shortcutOf(e: Pick<KeyboardEvent, 'altKey' | 'ctrlKey' | 'metaKey' | 'code' | 'key' | 'target'>): ShortcutAction | null {
  if (e.altKey && !e.ctrlKey && !e.metaKey) return CODES[e.code] ?? null;
  if (!e.altKey && !e.ctrlKey && !e.metaKey && e.key === '?' && !typing(e.target)) return 'help';
  return null;
}

const EVENT = 'dxe:shortcut';

export function announceShortcut(action: ShortcutAction): void {
  window.dispatchEvent(new CustomEvent<ShortcutAction>(EVENT, { detail: action }));
}

/** Runs `handler` for the listed actions while the component is on screen. */
export function useShortcut(actions: readonly ShortcutAction[], handler: (action: ShortcutAction) => void): void {
  const ref = useRef(handler);
  ref.current = handler;
  const key = actions.join(',');
  useEffect(() => {
    const wanted = new Set(key.split(','));
    const on = (e: Event) => {
      const action = (e as CustomEvent<ShortcutAction>).detail;
      if (wanted.has(action)) ref.current(action);
    };
    window.addEventListener(EVENT, on);
    return () => window.removeEventListener(EVENT, on);
  }, [key]);
}
