// 接待: the queue across the agent's shops, the chat and the side panel. The queue reloads on
// realtime events (throttled) and the waiting times tick every second.
import { useCallback, useDeferredValue, useEffect, useMemo, useRef, useState, useSyncExternalStore } from 'react';
import { Empty, Input, Segmented, Spin, Typography } from 'antd';
import { useApi, useNow } from '../lib/use-api.js';
import { navigate } from '../lib/router.js';
import { useSession } from '../lib/session.js';
import { compareInbox, matchesFilter } from '../lib/queue.js';
import { useShortcut } from '../lib/shortcuts.js';
import type { ConversationListQuery } from '../../../src/core/contract/conversations.js';
import type { ConversationSummary } from '../lib/types.js';
import { t } from '../i18n.js';
import { QueueList } from '../components/queue-list.js';
import { ChatPanel } from '../components/chat-panel.js';
import { LoadError, MissingRoute } from '../components/missing-route.js';

/** The queue's filters: GET /conversations?status=… without the closed chats. */
type StatusFilter = Exclude<ConversationListQuery['status'], 'closed' | undefined>;
const STATUSES: StatusFilter[] = ['open', 'queued', 'assigned', 'bot'];

export function InboxScreen({ path }: { path: string }) {
  const { realtime, attention } = useSession();
  const selectedId = path.startsWith('/inbox/') ? decodeURIComponent(path.slice('/inbox/'.length)) : null;
  const [status, setStatus] = useState<StatusFilter>('open');
  const [query, setQuery] = useState('');
  const deferredQuery = useDeferredValue(query);
  const queue = useApi<{ items: ConversationSummary[] }>(`/conversations?status=${status}`);
  const now = useNow(1000);

  // Reload the queue at most twice a second while events arrive.
  const pending = useRef<ReturnType<typeof setTimeout> | null>(null);
  const { reload } = queue;
  useEffect(
    () =>
      realtime.subscribe((f) => {
        if (!['message.created', 'conversation.updated', 'conversation.handover', 'deadline.warning', 'deadline.missed', 'resync'].includes(f.type)) return;
        if (pending.current) return;
        pending.current = setTimeout(() => {
          pending.current = null;
          reload();
        }, 500);
      }),
    [realtime, reload],
  );
  useEffect(() => () => {
    if (pending.current) clearTimeout(pending.current);
  }, []);

  const items = useMemo(() => {
    const all = queue.data?.items ?? [];
    return all.filter((c) => matchesFilter(c, deferredQuery)).sort(compareInbox);
  }, [queue.data, deferredQuery]);

  const select = useCallback((id: string) => navigate(`/inbox/${encodeURIComponent(id)}`), []);

  // Issue 15: the open chat's messages count as read; the others' unread counts show in the queue.
  useEffect(() => {
    attention.setOpen(selectedId);
    return () => attention.setOpen(null);
  }, [attention, selectedId]);
  const unreadVersion = useSyncExternalStore(
    (cb) => attention.subscribe(cb),
    () => attention.total(),
  );
  useShortcut(['next', 'prev'], (action) => {
    if (items.length === 0) return;
    const at = selectedId ? items.findIndex((c) => c.id === selectedId) : -1;
    const next = action === 'next' ? (at + 1) % items.length : at <= 0 ? items.length - 1 : at - 1;
    select(items[next]!.id);
  });

  return (
    <div style={{ display: 'flex', height: '100%' }}>
      <div style={{ width: 340, display: 'flex', flexDirection: 'column', background: '#fff', borderRight: '1px solid #e8e8e8' }}>
        <div style={{ padding: 10, borderBottom: '1px solid #f0f0f0' }}>
          <div style={{ display: 'flex', justifyContent: 'space-between', marginBottom: 8 }}>
            <Typography.Text strong>{t('inbox.queue')}</Typography.Text>
            <Typography.Text type="secondary" data-testid="queue-count">
              {t('inbox.count', { n: items.length })}
            </Typography.Text>
          </div>
          <Segmented<StatusFilter>
            size="small"
            block
            value={status}
            onChange={setStatus}
            options={STATUSES.map((s) => ({ value: s, label: t(`inbox.status.${s}`) }))}
          />
          <Input.Search
            size="small"
            allowClear
            placeholder={t('inbox.filter')}
            style={{ marginTop: 8 }}
            value={query}
            onChange={(e) => setQuery(e.target.value)}
            data-testid="queue-filter"
          />
        </div>
        {queue.loading && !queue.data ? (
          <Spin style={{ margin: 32 }} />
        ) : queue.missing ? (
          <MissingRoute path="/api/v1/conversations" />
        ) : queue.error ? (
          <LoadError error={queue.error} />
        ) : items.length === 0 ? (
          <Empty style={{ marginTop: 48 }} description={t('inbox.empty')} />
        ) : (
          <QueueList items={items} selectedId={selectedId} now={now} onSelect={select} unread={attention} unreadVersion={unreadVersion} />
        )}
      </div>
      <div style={{ flex: 1, minWidth: 0 }}>
        {selectedId ? (
          <ChatPanel key={selectedId} conversationId={selectedId} onChanged={reload} />
        ) : (
          <Empty style={{ marginTop: 120 }} description={t('inbox.pick')} />
        )}
      </div>
    </div>
  );
}
