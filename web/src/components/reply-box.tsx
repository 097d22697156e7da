// The reply box. While the agent types, the draft is checked with POST /guard/check (debounced
// 150 ms; stale answers ignored). Violations are underlined in the preview and listed with rule,
// points and a one-click rewrite; a blocked draft cannot be sent (D). Suggested replies and the
// shop's standard answers fill the box; long drafts show how they will be split (C4). C14: the
// model phrases of good service (GET /guard/phrases) are offered by category in a picker, and next
// to a blaming or contemptuous phrase (D10, D3) as its polite form, replacing just that stretch.
import { useEffect, useRef, useState } from 'react';
import { Alert, App, Button, Dropdown, Input, Space, Tag, Typography } from 'antd';
import { ApiError, post, errorText } from '../lib/api.js';
import { useApi } from '../lib/use-api.js';
import { isSupervisor, useSession } from '../lib/session.js';
import { splitReply } from '../../../src/core/contract/split-reply.js';
import { segmentsOf } from '../lib/segments.js';
import { fillKnown, openPlaceholders } from '../lib/placeholders.js';
import type { GuardVerdict, Message } from '../lib/types.js';
import { answerKeyLabel, guardRuleLabel, t, type MessageKey } from '../i18n.js';
import type { StandardAnswerView as StandardAnswer } from '../lib/types.js';
import type { ServicePhrasesView } from '../../../src/core/contract/messages.js';

type PhraseGroup = ServicePhrasesView['groups'][number];

/** C14: the phrase categories offered as the polite form of a rule's finding. */
const POLITE_CATEGORIES: Record<string, string[]> = { D10: ['i_not_you', 'buyer_view'], D3: ['empathy', 'valued'] };

/** Up to `n` polite phrases for a finding of `rule` (none for other rules). */
export function politeOptions(groups: readonly PhraseGroup[], rule: string, n = 3): string[] {
  const cats = POLITE_CATEGORIES[rule];
  if (!cats) return [];
  return cats.flatMap((c) => groups.find((g) => g.category === c)?.phrases ?? []).slice(0, n);
}

const CATEGORY_KEYS: Record<string, MessageKey> = {
  empathy: 'phrases.cat.empathy',
  valued: 'phrases.cat.valued',
  i_not_you: 'phrases.cat.i_not_you',
  buyer_view: 'phrases.cat.buyer_view',
};

/** The category's name in the screen's language (the library's own title when it has no key). */
function categoryTitle(g: PhraseGroup): string {
  const key = CATEGORY_KEYS[g.category];
  return key ? t(key) : g.title;
}

/** A phrase added to the draft, after what is already typed. */
function withPhrase(draft: string, phrase: string): string {
  const d = draft.trimEnd();
  if (!d) return phrase;
  return /[。！？!?，,~]$/.test(d) ? `${d}${phrase}` : `${d}，${phrase}`;
}

interface Props {
  conversationId: string;
  shopId: string;
  shopName?: string;
  suggestions: string[];
  onSent: (messages: Message[]) => void;
}

function isVerdict(x: unknown): x is GuardVerdict {
  return typeof x === 'object' && x !== null && 'verdict' in x && Array.isArray((x as { violations?: unknown }).violations);
}

/** One line per rule and message: a rule that fires on two stretches is listed once. */
function uniqueByRule(vs: GuardVerdict['violations']): GuardVerdict['violations'] {
  const seen = new Set<string>();
  return vs.filter((v) => {
    const key = `${v.rule}|${v.message}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

export function ReplyBox({ conversationId, shopId, shopName, suggestions, onSent }: Props) {
  const { agent, realtime } = useSession();
  const typedAt = useRef(0);
  const { message: toast } = App.useApp();
  const [draft, setDraft] = useState('');
  const [checked, setChecked] = useState<{ text: string; verdict: GuardVerdict } | null>(null);
  const [sending, setSending] = useState(false);
  const [overrideReason, setOverrideReason] = useState('');
  const ticket = useRef(0);
  const answers = useApi<{ items: StandardAnswer[] }>(`/shops/${encodeURIComponent(shopId)}/standard-answers`);
  const phrases = useApi<ServicePhrasesView>('/guard/phrases');
  const phraseGroups = phrases.data?.groups ?? [];

  const check = async (text: string): Promise<GuardVerdict | null> => {
    const mine = ++ticket.current;
    try {
      const verdict = await post<GuardVerdict>('/guard/check', { text, shopId, conversationId });
      if (mine === ticket.current) setChecked({ text, verdict });
      return verdict;
    } catch {
      return null;
    }
  };

  useEffect(() => {
    if (!draft.trim()) {
      ticket.current++;
      setChecked(null);
      return;
    }
    const id = setTimeout(() => void check(draft), 150);
    return () => clearTimeout(id);
  }, [draft]);

  const known: Record<string, string> = { 'shop.agent': agent.displayName, ...(shopName ? { 'shop.name': shopName } : {}) };
  const applyAnswer = (text: string) => setDraft(fillKnown(text, known));
  const unfilled = openPlaceholders(draft);
  const current = checked && checked.text === draft ? checked.verdict : null;
  const blocked = current?.verdict === 'block';
  const mayOverride = isSupervisor(agent);

  const send = async (withOverride = false) => {
    const text = draft.trim();
    if (!text || sending || unfilled.length > 0) return;
    const verdict = current ?? (await check(draft));
    if (verdict?.verdict === 'block' && !withOverride) return;
    setSending(true);
    try {
      const body = withOverride ? { text, override: { reason: overrideReason } } : { text };
      const res = await post<{ messages: Message[] }>(`/conversations/${encodeURIComponent(conversationId)}/messages`, body);
      onSent(res.messages ?? []);
      setDraft('');
      setOverrideReason('');
      void toast.success(t('chat.sent'));
    } catch (e) {
      if (e instanceof ApiError && e.code === 'REPLY_BLOCKED' && isVerdict(e.details)) setChecked({ text: draft, verdict: e.details });
      void toast.error(errorText(e));
    } finally {
      setSending(false);
    }
  };

  const parts = splitReply(draft);
  const quickItems = (answers.data?.items ?? []).flatMap((a) =>
    a.variants.slice(0, 2).map((v, i) => ({ key: `${a.intent}-${i}`, label: `【${answerKeyLabel(a.intent)}】${v.slice(0, 30)}`, text: v })),
  );

  return (
    <div style={{ borderTop: '1px solid #f0f0f0', padding: 10, background: '#fff' }} data-testid="reply-box">
      {suggestions.length > 0 && (
        <div style={{ marginBottom: 6 }}>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>{t('chat.suggestions')}：</Typography.Text>
          {suggestions.slice(0, 4).map((s, i) => (
            <Tag key={i} color="blue" style={{ cursor: 'pointer', maxWidth: 260, overflow: 'hidden', textOverflow: 'ellipsis', verticalAlign: 'bottom' }} onClick={() => applyAnswer(s)} data-testid="suggestion">
              {s}
            </Tag>
          ))}
        </div>
      )}
      <Input.TextArea
        value={draft}
        onChange={(e) => {
          setDraft(e.target.value);
          // Tell other screens (and the supervisor) someone is answering, at most every 1.5 s.
          if (Date.now() - typedAt.current > 1500) {
            typedAt.current = Date.now();
            realtime.send({ type: 'typing', conversationId });
          }
        }}
        onKeyDown={(e) => {
          if (e.key === 'Enter' && !e.shiftKey && !e.nativeEvent.isComposing) {
            e.preventDefault();
            void send();
          }
        }}
        autoSize={{ minRows: 2, maxRows: 6 }}
        placeholder={t('chat.placeholder')}
        status={blocked ? 'error' : current?.verdict === 'warn' ? 'warning' : undefined}
        data-testid="reply-input"
      />
      {current && current.violations.length > 0 && (
        <div style={{ marginTop: 6 }} data-testid="guard-result" data-verdict={current.verdict}>
          <div style={{ padding: '4px 8px', background: '#fafafa', border: '1px dashed #eee', whiteSpace: 'pre-wrap' }} data-testid="guard-preview">
            {segmentsOf(draft, current.violations.map((v) => v.span)).map((s, i) =>
              s.flagged ? (
                <span key={i} data-testid="guard-underline" style={{ textDecoration: 'underline wavy #f5222d', textUnderlineOffset: 3, background: '#fff1f0' }}>
                  {s.text}
                </span>
              ) : (
                <span key={i}>{s.text}</span>
              ),
            )}
          </div>
          <Alert
            style={{ marginTop: 6 }}
            type={blocked ? 'error' : 'warning'}
            showIcon
            message={blocked ? t('chat.blocked') : t('chat.warned')}
            description={
              <ul style={{ margin: 0, paddingLeft: 18 }}>
                {uniqueByRule(current.violations).map((v, i) => (
                  <li key={i} data-testid="guard-violation">
                    {v.suspected && <Tag color="purple" data-testid="guard-suspected">{t('guard.suspected')}</Tag>}
                    <Tag color={v.severity === 'block' ? 'red' : 'orange'}>
                      {guardRuleLabel(v.rule, v.title)}
                    </Tag>
                    <Tag>{v.points > 0 ? t('chat.points', { n: v.points }) : t('chat.noPoints')}</Tag>
                    {v.suspected && v.reason ? t('guard.suspectedReason', { s: v.reason }) : v.message}
                    {politeOptions(phraseGroups, v.rule).length > 0 && (
                      <div style={{ marginTop: 4 }} data-testid="polite-forms">
                        <Typography.Text type="secondary" style={{ fontSize: 12 }}>{t('phrases.politeHint')}</Typography.Text>
                        {politeOptions(phraseGroups, v.rule).map((p) => (
                          <Tag
                            key={p}
                            color="green"
                            style={{ cursor: 'pointer', whiteSpace: 'normal', marginTop: 2 }}
                            title={t('phrases.useThis')}
                            onClick={() => {
                              const [s0, e0] = v.span;
                              // Replace the blaming stretch only; what follows it stays.
                              setDraft(e0 > s0 && e0 <= draft.length ? draft.slice(0, s0) + p + draft.slice(e0) : withPhrase(draft, p));
                            }}
                            data-testid="polite-form"
                          >
                            {p}
                          </Tag>
                        ))}
                      </div>
                    )}
                  </li>
                ))}
              </ul>
            }
            action={
              current.violations[0]?.rewrite ? (
                <Button size="small" type="primary" onClick={() => setDraft(current.violations[0]?.rewrite ?? draft)} data-testid="guard-rewrite">
                  {t('chat.rewrite')}
                </Button>
              ) : undefined
            }
          />
        </div>
      )}
      <div style={{ display: 'flex', alignItems: 'center', marginTop: 6, gap: 8 }}>
        <Dropdown
          menu={{ items: quickItems.map((q) => ({ key: q.key, label: q.label })), onClick: (e) => applyAnswer(quickItems.find((q) => q.key === e.key)?.text ?? draft), style: { maxHeight: 320, overflowY: 'auto' } }}
          disabled={quickItems.length === 0}
        >
          <Button size="small">{t('chat.quickReplies')}</Button>
        </Dropdown>
        <Dropdown
          menu={{
            items: phraseGroups.map((g) => ({
              type: 'group' as const,
              key: g.category,
              label: categoryTitle(g),
              children: g.phrases.map((p, i) => ({ key: `${g.category}:${i}`, label: <span data-testid="phrase-item">{p}</span> })),
            })),
            onClick: (e) => {
              const [cat, i] = e.key.split(':');
              const p = phraseGroups.find((g) => g.category === cat)?.phrases[Number(i)];
              if (p) setDraft(withPhrase(draft, p));
            },
            style: { maxHeight: 360, overflowY: 'auto', maxWidth: 420 },
          }}
          disabled={phraseGroups.length === 0}
        >
          <Button size="small" data-testid="phrase-picker">{t('phrases.picker')}</Button>
        </Dropdown>
        <Typography.Text type="secondary" style={{ fontSize: 12 }} data-testid="guard-status">
          {!draft.trim() ? '' : !current ? t('chat.checking') : current.verdict === 'pass' ? `✓ ${t('chat.passed')}` : ''}
        </Typography.Text>
        {parts.length > 1 && <Tag color="cyan">{t('chat.split', { n: parts.length })}</Tag>}
        {unfilled.length > 0 && <Tag color="orange" data-testid="unfilled">{t('chat.fillPlaceholders', { list: unfilled.join(' ') })}</Tag>}
        <Space style={{ marginLeft: 'auto' }}>
          {blocked && mayOverride && (
            <>
              <Input size="small" placeholder={t('chat.overrideReason')} value={overrideReason} onChange={(e) => setOverrideReason(e.target.value)} style={{ width: 200 }} />
              <Button size="small" danger disabled={!overrideReason.trim()} onClick={() => void send(true)}>
                {t('chat.override')}
              </Button>
            </>
          )}
          <Button type="primary" onClick={() => void send()} disabled={!draft.trim() || blocked || sending || unfilled.length > 0} loading={sending} data-testid="send">
            {t('chat.send')}
          </Button>
        </Space>
      </div>
    </div>
  );
}
