// The chat: bot and human turns marked, live messages, take over / hand back / escalate (C18),
// the buyer-interest warning (C15), the reply box and the side panel. Buyer text is rendered as
// text (React escapes it); nothing from the data goes through dangerouslySetInnerHTML.
import { useCallback, useEffect, useRef, useState } from 'react';
import { Alert, App, Button, Input, Modal, Space, Spin, Tag, Typography } from 'antd';
import { get, post, errorText } from '../lib/api.js';
import { useApi } from '../lib/use-api.js';
import { useSession } from '../lib/session.js';
import type { ConversationDetail, Correction, GuardIntervention, Message } from '../lib/types.js';
import { formatDateTime, guardRuleLabel, intentLabel, releasedMark, stageLabel, t } from '../i18n.js';
import { PlatformBadge } from './platform-badge.js';
import { ReplyBox } from './reply-box.js';
import { SidePanel } from './side-panel.js';
import { IntentRelabel } from './intent-relabel.js';
import { LoadError } from './missing-route.js';
import { buyerName } from '../lib/queue.js';
import { useShortcut } from '../lib/shortcuts.js';

function conversationIdOf(data: unknown): string | null {
  if (typeof data !== 'object' || data === null) return null;
  const o = data as Record<string, unknown>;
  if (typeof o.conversationId === 'string') return o.conversationId;
  if (typeof o.message === 'object' && o.message !== null) return conversationIdOf(o.message);
  if (typeof o.conversation === 'object' && o.conversation !== null) {
    const c = o.conversation as Record<string, unknown>;
    if (typeof c.id === 'string') return c.id;
  }
  if (typeof o.id === 'string') return o.id;
  return null;
}

function mergeMessages(a: Message[], b: Message[]): Message[] {
  const bySeq = new Map<number, Message>();
  for (const m of [...a, ...b]) bySeq.set(m.seq, m);
  return [...bySeq.values()].sort((x, y) => x.seq - y.seq);
}

export function ChatPanel({ conversationId, onChanged }: { conversationId: string; onChanged: () => void }) {
  const { realtime, agent } = useSession();
  const { message: toast } = App.useApp();
  const detail = useApi<ConversationDetail>(`/conversations/${encodeURIComponent(conversationId)}`);
  const [messages, setMessages] = useState<Message[]>([]);
  const [escalating, setEscalating] = useState(false);
  const [note, setNote] = useState('');
  const [othersTyping, setOthersTyping] = useState(false);
  // Issue 12: agents' relabels of buyer messages, by message id (from the detail, then live).
  const [corrections, setCorrections] = useState<Map<number, Correction>>(new Map());
  const bottom = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (detail.data) setMessages((m) => mergeMessages(m, detail.data?.messages ?? []));
    if (detail.data) setCorrections(new Map((detail.data.corrections ?? []).map((c) => [c.messageId, c])));
  }, [detail.data]);
  const relabelled = useCallback((c: Correction) => setCorrections((prev) => new Map(prev).set(c.messageId, c)), []);

  const lastSeq = messages.at(-1)?.seq ?? 0;
  const lastSeqRef = useRef(0);
  lastSeqRef.current = lastSeq;

  const fetchNew = useCallback(async () => {
    const res = await get<{ messages: Message[] }>(
      `/conversations/${encodeURIComponent(conversationId)}/messages?afterSeq=${lastSeqRef.current}`,
    ).catch(() => null);
    if (res?.messages.length) setMessages((m) => mergeMessages(m, res.messages));
  }, [conversationId]);

  const { reload } = detail;
  useEffect(
    () =>
      realtime.subscribe((f) => {
        if (f.type === 'resync') return reload();
        if (conversationIdOf(f.data) !== conversationId) return;
        if (f.type === 'message.created') void fetchNew();
        if (f.type === 'conversation.updated') reload();
        if (f.type === 'typing' && typeof f.data === 'object' && f.data !== null && (f.data as { agentId?: unknown }).agentId !== agent.id) {
          setOthersTyping(true);
        }
      }),
    [realtime, conversationId, fetchNew, reload, agent.id],
  );
  useEffect(() => {
    if (!othersTyping) return;
    const id = setTimeout(() => setOthersTyping(false), 3000);
    return () => clearTimeout(id);
  }, [othersTyping]);

  useEffect(() => {
    bottom.current?.scrollIntoView({ block: 'end' });
  }, [messages.length]);

  const act = async (action: 'take' | 'handback' | 'close' | 'escalate', body?: unknown, done?: string) => {
    try {
      await post(`/conversations/${encodeURIComponent(conversationId)}/${action}`, body);
      if (done) void toast.success(done);
      reload();
      onChanged();
    } catch (e) {
      void toast.error(errorText(e));
    }
  };

  // Issue 15: Alt+T takes over, Alt+H hands back, Alt+R goes to the reply box (lib/shortcuts.ts).
  const shortcutState = useRef({ canTake: false, canHandBack: false });
  useShortcut(['take', 'handback', 'reply'], (action) => {
    if (action === 'take' && shortcutState.current.canTake) void act('take', undefined, t('chat.taken'));
    else if (action === 'handback' && shortcutState.current.canHandBack) void act('handback', undefined, t('chat.handedBack'));
    else if (action === 'reply') document.querySelector<HTMLTextAreaElement>('[data-testid="reply-input"]')?.focus();
  });

  if (detail.loading && !detail.data) return <Spin style={{ margin: 48 }} />;
  if (detail.error) return detail.missing ? <Alert type="warning" showIcon message={t('chat.notFound')} style={{ margin: 24 }} /> : <LoadError error={detail.error} />;
  const data = detail.data;
  if (!data) return null;
  const c = data.conversation;
  const mine = c.status === 'assigned' && c.assigneeId === agent.id;
  shortcutState.current = { canTake: !mine && c.status !== 'closed', canHandBack: c.status !== 'bot' && c.status !== 'closed' };

  return (
    <div style={{ display: 'flex', height: '100%' }}>
      <div style={{ flex: 1, display: 'flex', flexDirection: 'column', minWidth: 0, background: '#fff' }}>
        {/* The header wraps instead of squeezing (1024 px, English): the buyer's name keeps its width,
            the shop name shortens with its full text on hover, the buttons go to a second row when needed. */}
        <div style={{ padding: '8px 12px', borderBottom: '1px solid #f0f0f0', display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: '4px 8px' }} data-testid="chat-header">
          <div style={{ display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: '4px 8px', flex: '1 1 260px', minWidth: 0 }}>
            <PlatformBadge platform={c.platform} />
            {(c.channel === 'widget' || c.channel === 'cli') && <PlatformBadge platform={c.channel} />}
            <Typography.Text strong ellipsis={{ tooltip: true }} style={{ maxWidth: 200, flexShrink: 0, whiteSpace: 'nowrap' }} data-testid="chat-buyer">
              {buyerName(c.buyer, (code) => t('inbox.webVisitor', { id: code }))}
            </Typography.Text>
            <Typography.Text type="secondary" ellipsis={{ tooltip: c.shopName }} style={{ maxWidth: 180, minWidth: 0, whiteSpace: 'nowrap' }} data-testid="chat-shop">
              {c.shopName}
            </Typography.Text>
            <Tag style={{ marginInlineEnd: 0 }}>{t('inbox.stage', { s: stageLabel(c.stage) })}</Tag>
            <Tag color="purple" style={{ marginInlineEnd: 0 }}>{t('inbox.intent', { s: intentLabel(c.lastIntent) })}</Tag>
          </div>
          <Space wrap size={6} style={{ marginLeft: 'auto' }} data-testid="chat-actions">
            {!mine && c.status !== 'closed' && (
              <Button type="primary" size="small" onClick={() => void act('take', undefined, t('chat.taken'))} data-testid="take">
                {t('chat.take')}
              </Button>
            )}
            {c.status !== 'bot' && c.status !== 'closed' && (
              <Button size="small" onClick={() => void act('handback', undefined, t('chat.handedBack'))} data-testid="handback">
                {t('chat.handback')}
              </Button>
            )}
            <Button size="small" danger onClick={() => setEscalating(true)} data-testid="escalate">
              {t('chat.escalate')}
            </Button>
            <Button size="small" onClick={() => void act('close', undefined, t('chat.closed'))}>
              {t('chat.close')}
            </Button>
          </Space>
        </div>
        {c.interest?.level && c.interest.level !== 'ok' && (
          <Alert type="warning" showIcon banner message={t('chat.interestWarn', { reason: c.interest.reasonZh ?? '' })} data-testid="interest-warning" />
        )}
        {c.escalation && <Alert type="error" showIcon banner message={`${t('chat.escalated')}：${c.escalation.note}`} data-testid="escalation" />}
        {(data.guardBlocks ?? []).length > 0 && (
          <Alert type="error" showIcon banner message={t('guard.dropped')} description={<Interventions list={data.guardBlocks ?? []} />} data-testid="guard-blocks" />
        )}
        <div style={{ flex: 1, overflowY: 'auto', padding: 12, background: '#fafafa' }} data-testid="messages">
          {messages.map((m) => (
            <Bubble key={m.seq} m={m} conversationId={conversationId} correction={corrections.get(m.id)} onRelabelled={relabelled} />
          ))}
          {othersTyping && <Typography.Text type="secondary" style={{ fontSize: 12 }}>{t('chat.othersTyping')}</Typography.Text>}
          <div ref={bottom} />
        </div>
        <ReplyBox
          conversationId={conversationId}
          shopId={c.shopId}
          shopName={c.shopName}
          suggestions={data.suggestions ?? []}
          onSent={(sent) => {
            setMessages((m) => mergeMessages(m, sent));
            onChanged();
          }}
        />
      </div>
      <SidePanel detail={data} onChanged={reload} messages={messages} corrections={corrections} onRelabelled={relabelled} />
      <Modal
        open={escalating}
        title={t('chat.escalate')}
        onCancel={() => setEscalating(false)}
        onOk={() => {
          setEscalating(false);
          void act('escalate', { note }, t('chat.escalated'));
        }}
      >
        <Input.TextArea rows={3} placeholder={t('chat.escalateNote')} value={note} onChange={(e) => setNote(e.target.value)} />
      </Modal>
    </div>
  );
}

const AUTHOR_STYLE: Record<Message['authorKind'], { bg: string; label: 'chat.buyer' | 'chat.bot' | 'chat.agent' | 'chat.system' }> = {
  buyer: { bg: '#fff', label: 'chat.buyer' },
  bot: { bg: '#f0f5ff', label: 'chat.bot' },
  agent: { bg: '#fff1e8', label: 'chat.agent' },
  system: { bg: '#f5f5f5', label: 'chat.system' },
};

/**
 * Why the guard replaced or dropped a bot message (issue 11): the rule by its Chinese name with
 * the id after it, the points, the original text; a 疑似 finding is marked as such with its reason.
 */
function Interventions({ list }: { list: GuardIntervention[] }) {
  return (
    <div style={{ fontSize: 12, margin: '2px 0 4px', padding: '4px 8px', background: '#fff1f0', border: '1px dashed #ffa39e', borderRadius: 4 }} data-testid="guard-intervention">
      {list.map((g, i) => (
        <div key={i}>
          <div>{g.action === 'replaced' ? t('guard.replaced') : t('guard.dropped')}</div>
          {g.violations.map((v, j) => (
            <div key={j} data-testid={v.suspected ? 'guard-intervention-suspected' : 'guard-intervention-rule'}>
              {v.suspected && <Tag color="purple">{t('guard.suspected')}</Tag>}
              <Tag color={v.severity === 'block' ? 'red' : 'orange'}>{t('chat.ruleName', { title: v.title, rule: v.rule })}</Tag>
              <Tag>{v.points > 0 ? t('chat.points', { n: v.points }) : t('chat.noPoints')}</Tag>
              {v.suspected && v.reason ? t('guard.suspectedReason', { s: v.reason }) : null}
            </div>
          ))}
          <div style={{ color: '#8c8c8c', textDecoration: 'line-through' }} data-testid="guard-original">{t('guard.original', { s: g.original })}</div>
        </div>
      ))}
    </div>
  );
}

function Bubble({
  m,
  conversationId,
  correction,
  onRelabelled,
}: {
  m: Message;
  conversationId: string;
  correction?: Correction;
  onRelabelled: (c: Correction) => void;
}) {
  const out = m.direction === 'out';
  const style = AUTHOR_STYLE[m.authorKind] ?? AUTHOR_STYLE.system;
  const released = releasedMark(m.guardVerdict);
  return (
    <div style={{ display: 'flex', justifyContent: out ? 'flex-end' : 'flex-start', marginBottom: 10 }} data-testid={`msg-${m.authorKind}`}>
      <div style={{ maxWidth: '70%' }}>
        <div style={{ fontSize: 12, color: '#999', textAlign: out ? 'right' : 'left' }}>
          <Tag bordered={false} color={m.authorKind === 'bot' ? 'geekblue' : m.authorKind === 'agent' ? 'orange' : 'default'}>
            {t(style.label)}
          </Tag>
          {formatDateTime(m.createdAt, { date: false })}
          {m.authorKind === 'buyer' && (m.intent || correction) && (
            <span>
              {' · '}
              <IntentRelabel m={m} correction={correction} conversationId={conversationId} onRelabelled={onRelabelled} />
            </span>
          )}
          {released && <Tag color="gold" style={{ marginLeft: 4 }} data-testid="guard-released">{released}</Tag>}
        </div>
        {(m.guardVerdict?.interventions ?? []).length > 0 && <Interventions list={m.guardVerdict?.interventions ?? []} />}
        {m.guardVerdict?.verdict === 'warn' && (
          // A sent message the guard only warned about: 疑似 findings marked as such, with their reason.
          <div style={{ fontSize: 12, textAlign: out ? 'right' : 'left' }} data-testid="guard-warned">
            {(m.guardVerdict.violations ?? []).map((v, i) => (
              <span key={i}>
                {v.suspected && <Tag color="purple">{t('guard.suspected')}</Tag>}
                <Tag color="orange">{guardRuleLabel(v.rule, v.title)}</Tag>
                {v.suspected && v.reason ? <span style={{ color: '#8c8c8c' }}>{v.reason}</span> : null}
              </span>
            ))}
          </div>
        )}
        <div
          className="dxe-bubble"
          data-testid="bubble-text"
          style={{ background: style.bg, border: '1px solid #eee', borderRadius: 6, padding: '6px 10px', whiteSpace: 'pre-wrap', wordBreak: 'break-word' }}
        >
          {m.text}
        </div>
        {m.glossZh && (
          // Issue 12: a Chinese gist of a foreign-language buyer message, marked as made by the machine.
          <div style={{ fontSize: 12, color: '#595959', marginTop: 2 }} data-testid="gloss" title={t('chat.glossHint')}>
            <Tag color="cyan" bordered={false}>{t('chat.gloss')}</Tag>
            {m.glossZh}
          </div>
        )}
      </div>
    </div>
  );
}
