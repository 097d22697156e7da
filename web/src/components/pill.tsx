// A light label for rows rendered in bulk (the queue): a plain span, no per-instance style hooks.
import type { ReactNode } from 'react';

const TONES = {
  default: ['#f5f5f5', '#595959'],
  blue: ['#e6f4ff', '#0958d9'],
  purple: ['#f9f0ff', '#531dab'],
  gold: ['#fffbe6', '#d48806'],
  volcano: ['#fff2e8', '#d4380d'],
  red: ['#fff1f0', '#cf1322'],
} as const;

export type Tone = keyof typeof TONES;

export function Pill({ tone = 'default', solid, children }: { tone?: Tone; solid?: string; children: ReactNode }) {
  const [bg, fg] = TONES[tone];
  return (
    <span
      style={{
        display: 'inline-block',
        padding: '0 6px',
        marginInlineEnd: 4,
        borderRadius: 4,
        fontSize: 12,
        lineHeight: '18px',
        background: solid ?? bg,
        color: solid ? '#fff' : fg,
      }}
    >
      {children}
    </span>
  );
}
