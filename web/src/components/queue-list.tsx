// The conversation queue: a windowed list (only visible rows render) so 2,000 open conversations
// scroll smoothly. Each row: platform badge, buyer, waiting time counting up, stage, last intent,
// bot/human; rows near the first-reply target are highlighted (C2).
import { memo, useRef, useState, type UIEvent } from 'react';
import type { ConversationSummary } from '../lib/types.js';
import { buyerName, stageIntentPills, waitingSeconds, waitsForHuman } from '../lib/queue.js';
import { duration, intentLabel, stageLabel, t } from '../i18n.js';
import { PlatformBadge } from './platform-badge.js';
import { Pill } from './pill.js';

const ROW = 78;
// Plain CSS ellipsis: antd's measuring ellipsis costs a layout per row while scrolling fast.
const ONE_LINE = { overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap' } as const;
const OVERSCAN = 6;

interface Props {
  items: ConversationSummary[];
  selectedId: string | null;
  now: number;
  onSelect: (id: string) => void;
  /** Issue 15: unread buyer messages per conversation (and a version that changes with them). */
  unread?: { count(id: string): number };
  unreadVersion?: number;
}

export function QueueList({ items, selectedId, now, onSelect, unread }: Props) {
  const ref = useRef<HTMLDivElement>(null);
  const [scrollTop, setScrollTop] = useState(0);
  const height = ref.current?.clientHeight ?? 900;
  const first = Math.max(0, Math.floor(scrollTop / ROW) - OVERSCAN);
  const last = Math.min(items.length, Math.ceil((scrollTop + height) / ROW) + OVERSCAN);
  const onScroll = (e: UIEvent<HTMLDivElement>) => setScrollTop(e.currentTarget.scrollTop);

  return (
    <div ref={ref} onScroll={onScroll} style={{ flex: 1, overflowY: 'auto', position: 'relative', contain: 'strict' }} data-testid="queue">
      <div style={{ height: items.length * ROW, position: 'relative' }}>
        {items.slice(first, last).map((c, i) => (
          <div key={c.id} style={{ position: 'absolute', top: (first + i) * ROW, left: 0, right: 0, height: ROW, contain: 'strict' }}>
            <QueueRow c={c} selected={c.id === selectedId} waiting={waitingSeconds(c, now)} onSelect={onSelect} unread={unread?.count(c.id) ?? 0} />
          </div>
        ))}
      </div>
    </div>
  );
}

function overTarget(c: ConversationSummary, waiting: number | null): boolean {
  return waiting !== null && typeof c.firstReplyTargetSeconds === 'number' && waiting >= c.firstReplyTargetSeconds;
}

const QueueRow = memo(function QueueRow({
  c,
  selected,
  waiting,
  onSelect,
  unread,
}: {
  c: ConversationSummary;
  selected: boolean;
  waiting: number | null;
  onSelect: (id: string) => void;
  unread: number;
}) {
  const human = c.status === 'assigned' || c.status === 'queued';
  const askedHuman = waitsForHuman(c);
  const pills = stageIntentPills(stageLabel(c.stage), intentLabel(c.lastIntent));
  const background = selected ? '#fff1e8' : c.nearTarget ? '#fff7e6' : '#fff';
  return (
    <div
      role="button"
      tabIndex={0}
      onClick={() => onSelect(c.id)}
      onKeyDown={(e) => e.key === 'Enter' && onSelect(c.id)}
      data-testid="queue-row"
      data-near-target={c.nearTarget ? 'true' : 'false'}
      data-waiting-human={askedHuman ? 'true' : 'false'}
      data-conversation-id={c.id}
      style={{
        height: ROW - 1,
        padding: '6px 10px',
        cursor: 'pointer',
        background,
        borderBottom: '1px solid #f0f0f0',
        borderLeft: c.nearTarget || askedHuman ? '3px solid #fa541c' : selected ? '3px solid #ff5000' : '3px solid transparent',
        overflow: 'hidden',
      }}
    >
      <div style={{ display: 'flex', alignItems: 'center', gap: 4 }}>
        <PlatformBadge platform={c.platform} />
        {(c.channel === 'widget' || c.channel === 'cli') && <PlatformBadge platform={c.channel} />}
        <strong style={{ ...ONE_LINE, flex: 1 }} data-testid="queue-buyer">
          {buyerName(c.buyer, (code) => t('inbox.webVisitor', { id: code }))}
        </strong>
        {unread > 0 && (
          <span data-testid="queue-unread" title={t('inbox.unread', { n: unread })}
            style={{ background: '#ff4d4f', color: '#fff', borderRadius: 9, fontSize: 11, lineHeight: '16px', minWidth: 16, padding: '0 5px', textAlign: 'center' }}>
            {unread > 99 ? '99+' : unread}
          </span>
        )}
        {waiting !== null && (
          <span style={{ fontSize: 12, color: c.nearTarget ? '#ff4d4f' : '#999', whiteSpace: 'nowrap' }} data-testid="queue-waiting">
            {t('inbox.waiting', { t: duration(waiting) })}
          </span>
        )}
      </div>
      <div style={{ ...ONE_LINE, fontSize: 12, color: '#999' }}>{c.lastText ?? ''}</div>
      <div style={{ ...ONE_LINE, fontSize: 12, marginTop: 2 }}>
        {askedHuman ? <Pill tone="red">{t('inbox.waitingHuman')}</Pill> : <Pill tone={human ? 'blue' : 'default'}>{human ? t('inbox.human') : t('inbox.bot')}</Pill>}
        <Pill>{pills.stage}</Pill>
        {pills.intent && <Pill tone="purple">{pills.intent}</Pill>}
        {c.nearTarget && (
          <Pill tone={overTarget(c, waiting) ? 'red' : 'volcano'}>{t(overTarget(c, waiting) ? 'inbox.overTarget' : 'inbox.nearTarget')}</Pill>
        )}
        {c.escalation && <Pill tone="red">{t('chat.escalated')}</Pill>}
        {(c.awaitingFirstResponse ?? (c.waitingSince && !c.firstResponseAt)) && <Pill tone="gold">{t('inbox.newBuyer')}</Pill>}
        {c.interest?.level && c.interest.level !== 'ok' && (
          <Pill tone="red">{t(c.interest.level === 'lost' ? 'inbox.interest.lost' : 'inbox.interest.falling')}</Pill>
        )}
        {c.shopName && <span style={{ color: '#999' }}>{c.shopName}</span>}
      </div>
    </div>
  );
});
