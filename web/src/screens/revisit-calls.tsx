// 跟进 → 回访电话 and 回访邮件 (F4 老客回访 by phone and mail, seed 000). Agents work the call
// tasks: the buyer, their latest orders and VIP tier, the call script, the number masked with
// 查看号码 (audited on the server, for the roles that place calls), and the outcome with a note
// (未接通 is tried again later; 改约 asks for the time). The admin sets the shop's SMTP server; the
// password is written, never shown.
import { useState } from 'react';
import { Alert, Button, Card, Input, InputNumber, Modal, Radio, Select, Space, Switch, Table, Tag, Typography, message } from 'antd';
import type { CallOutcomeReply, CallTaskView, MailSettingsView, RevisitCallsView } from '../../../src/core/contract/revisits.js';
import { errorText, post, put } from '../lib/api.js';
import { useApi } from '../lib/use-api.js';
import { useSession } from '../lib/session.js';
import { formatDateTime, t, type MessageKey } from '../i18n.js';
import { LoadError } from '../components/missing-route.js';

const CALL_OUTCOMES = ['reached', 'unreached', 'refused', 'rescheduled'] as const;
type Outcome = (typeof CALL_OUTCOMES)[number];

export function RevisitCalls({ shopId }: { shopId: string }) {
  const [state, setState] = useState<'open' | 'done' | 'given_up' | 'all'>('open');
  const base = `/shops/${encodeURIComponent(shopId)}/revisit-calls`;
  const list = useApi<RevisitCallsView>(`${base}?state=${state}`);
  const [numbers, setNumbers] = useState<Record<string, string>>({});
  const [recording, setRecording] = useState<CallTaskView | null>(null);

  const { agent } = useSession();
  const lead = agent.role === 'admin' || agent.role === 'supervisor';
  const reveal = async (call: CallTaskView) => {
    try {
      const { phone } = await post<{ phone: string }>(`${base}/${encodeURIComponent(call.id)}/reveal`);
      setNumbers((n) => ({ ...n, [call.id]: phone }));
      list.reload(); // 查看号码 took the task (接手)
    } catch (e) {
      void message.error(errorText(e));
      list.reload();
    }
  };
  // 接手 a task before calling, or let it go (one's own; a lead anyone's): no buyer is called twice.
  const claim = async (call: CallTaskView, release: boolean) => {
    try {
      await post(`${base}/${encodeURIComponent(call.id)}/claim`, release ? { release: true } : {});
    } catch (e) {
      void message.error(errorText(e));
    }
    list.reload();
  };

  if (list.error) return <LoadError error={list.error} />;
  const data = list.data;
  return (
    <div data-testid="revisit-calls">
      {data && <Typography.Paragraph type="secondary">{t('calls.intro', { n: data.maxAttempts, h: data.retryHours })}</Typography.Paragraph>}
      <Radio.Group value={state} onChange={(e) => setState(e.target.value as typeof state)} style={{ marginBottom: 8 }} data-testid="calls-state">
        {(['open', 'done', 'given_up', 'all'] as const).map((s) => <Radio.Button key={s} value={s}>{t(`calls.state.${s}`)}</Radio.Button>)}
      </Radio.Group>
      <Table<CallTaskView>
        rowKey="id"
        size="small"
        loading={list.loading}
        pagination={false}
        locale={{ emptyText: t('calls.empty') }}
        dataSource={data?.calls ?? []}
        columns={[
          {
            title: t('calls.buyer'),
            render: (_: unknown, c) => (
              <Space direction="vertical" size={0}>
                <strong>{c.buyer}</strong>
                <Tag color={c.tier ? 'gold' : 'default'}>{c.tier ?? t('calls.noTier')}</Tag>
              </Space>
            ),
          },
          {
            title: t('calls.orders'),
            render: (_: unknown, c) => (
              <div style={{ fontSize: 12 }}>
                {c.lastOrders.map((o) => <div key={o.orderNo}>{o.orderNo} {o.item ?? ''} <span style={{ color: '#888' }}>{formatDateTime(o.at, { date: true, time: false })}</span></div>)}
              </div>
            ),
          },
          {
            title: t('calls.phone'),
            render: (_: unknown, c) => (
              <Space direction="vertical" size={2}>
                <span data-testid={`call-phone-${c.id}`}>{numbers[c.id] ?? c.phoneMasked ?? t('common.none')}</span>
                {data?.mayReveal && c.phoneMasked && !numbers[c.id] && (!c.claimedBy || c.claimedByMe) && (
                  <Button size="small" onClick={() => void reveal(c)} data-testid={`call-reveal-${c.id}`}>{t('calls.reveal')}</Button>
                )}
              </Space>
            ),
          },
          { title: t('calls.script'), dataIndex: 'script', render: (s: string) => <div style={{ maxWidth: 320, fontSize: 12 }}>{s}</div> },
          {
            title: t('calls.due'),
            render: (_: unknown, c) => (
              <Space direction="vertical" size={0}>
                <span>{formatDateTime(c.dueAt)}</span>
                <span style={{ fontSize: 12, color: '#888' }}>{t('calls.attempts', { n: c.attempts, max: data?.maxAttempts ?? 0 })}</span>
              </Space>
            ),
          },
          {
            title: t('calls.outcome'),
            render: (_: unknown, c) => (
              <Space direction="vertical" size={2} data-testid={`call-outcome-${c.id}`}>
                <Tag color={c.state === 'open' ? 'blue' : c.state === 'done' ? 'green' : 'default'}>{c.stateZh}</Tag>
                {c.outcomeZh && <span>{c.outcomeZh}{c.note ? `：${c.note}` : ''}</span>}
                {c.state === 'open' && c.claimedBy && (
                  <Tag color={c.claimedByMe ? 'green' : 'orange'} data-testid={`call-claimed-${c.id}`}>
                    {c.claimedByMe ? t('calls.claimedByMe', { until: formatDateTime(c.claimedUntil ?? '', { date: false, time: true }).slice(0, 5) }) : t('calls.claimedBy', { name: c.claimedBy, until: formatDateTime(c.claimedUntil ?? '', { date: false, time: true }).slice(0, 5) })}
                  </Tag>
                )}
                {c.state === 'open' && (!c.claimedBy || c.claimedByMe) && (
                  <Space size={4}>
                    {!c.claimedBy && <Button size="small" onClick={() => void claim(c, false)} data-testid={`call-claim-${c.id}`}>{t('calls.claim')}</Button>}
                    <Button size="small" type="primary" onClick={() => setRecording(c)} data-testid={`call-record-${c.id}`}>{t('calls.record')}</Button>
                  </Space>
                )}
                {c.state === 'open' && c.claimedBy && (c.claimedByMe || lead) && (
                  <Button size="small" type="link" style={{ padding: 0 }} onClick={() => void claim(c, true)} data-testid={`call-release-${c.id}`}>{t('calls.release')}</Button>
                )}
              </Space>
            ),
          },
        ]}
      />
      {recording && (
        <RecordOutcome
          call={recording}
          url={`${base}/${encodeURIComponent(recording.id)}/outcome`}
          onClose={() => setRecording(null)}
          onSaved={() => {
            setRecording(null);
            list.reload();
          }}
        />
      )}
    </div>
  );
}

/** A datetime-local value (the agent's own clock) as an ISO time. */
function isoOfLocal(v: string): string | null {
  const d = new Date(v);
  return Number.isNaN(d.getTime()) ? null : d.toISOString();
}

function RecordOutcome({ call, url, onClose, onSaved }: { call: CallTaskView; url: string; onClose: () => void; onSaved: () => void }) {
  const [outcome, setOutcome] = useState<Outcome>('reached');
  const [note, setNote] = useState('');
  const [when, setWhen] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const save = async () => {
    setBusy(true);
    setError(null);
    try {
      const rescheduleAt = outcome === 'rescheduled' ? isoOfLocal(when) : null;
      const reply = await post<CallOutcomeReply>(url, { outcome, note: note.trim() || null, ...(outcome === 'rescheduled' ? { rescheduleAt } : {}) });
      void message.success(t('calls.saved', { outcome: reply.call.outcomeZh ?? '' }));
      onSaved();
    } catch (e) {
      setError(errorText(e));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Modal open title={`${t('calls.record')} · ${call.buyer}`} onCancel={onClose} onOk={() => void save()} okText={t('calls.record')} confirmLoading={busy} okButtonProps={{ 'data-testid': 'call-save' } as Record<`data-${string}`, string>}>
      <Space direction="vertical" style={{ width: '100%' }} data-testid="call-form">
        <Typography.Paragraph type="secondary" style={{ marginBottom: 0 }}>{call.script}</Typography.Paragraph>
        <Radio.Group value={outcome} onChange={(e) => setOutcome(e.target.value as Outcome)} data-testid="call-outcome-choice">
          {CALL_OUTCOMES.map((o) => <Radio.Button key={o} value={o} data-testid={`call-choice-${o}`}>{t(`calls.outcome.${o}` as MessageKey)}</Radio.Button>)}
        </Radio.Group>
        {outcome === 'rescheduled' && (
          <label>
            {t('calls.rescheduleAt')}{' '}
            <input type="datetime-local" value={when} onChange={(e) => setWhen(e.target.value)} data-testid="call-reschedule-at" />
          </label>
        )}
        <Input.TextArea rows={3} maxLength={500} placeholder={t('calls.notePlaceholder')} value={note} onChange={(e) => setNote(e.target.value)} data-testid="call-note" />
        {error && <Alert type="error" showIcon message={error} data-testid="call-error" />}
      </Space>
    </Modal>
  );
}

export function RevisitMail({ shopId }: { shopId: string }) {
  const { agent } = useSession();
  const url = `/shops/${encodeURIComponent(shopId)}/mail-settings`;
  const view = useApi<MailSettingsView>(url);
  const [draft, setDraft] = useState<{ host: string; port: number; secure: boolean; user: string; password: string; from: string } | null>(null);
  const [busy, setBusy] = useState(false);
  if (view.error) return <LoadError error={view.error} />;
  const v = view.data;
  if (!v) return null;
  const form = draft ?? { host: v.host ?? '', port: v.port ?? 465, secure: v.secure, user: v.user ?? '', password: '', from: v.from ?? '' };
  const isAdmin = agent.role === 'admin';
  const save = async () => {
    setBusy(true);
    try {
      await put(url, { host: form.host, port: form.port, secure: form.secure, user: form.user || null, ...(form.password ? { password: form.password } : {}), from: form.from });
      void message.success(t('mail.saved'));
      setDraft(null);
      view.reload();
    } catch (e) {
      void message.error(errorText(e));
    } finally {
      setBusy(false);
    }
  };
  const set = (patch: Partial<typeof form>) => setDraft({ ...form, ...patch });
  return (
    <div data-testid="revisit-mail">
      <Typography.Paragraph type="secondary">{t('mail.intro')}</Typography.Paragraph>
      <Card size="small" style={{ maxWidth: 560, marginBottom: 12 }}>
        <Space direction="vertical" style={{ width: '100%' }}>
          <Input addonBefore={t('mail.host')} value={form.host} disabled={!isAdmin} onChange={(e) => set({ host: e.target.value })} />
          <Space>
            <span>{t('mail.port')}</span>
            <InputNumber min={1} max={65535} value={form.port} disabled={!isAdmin} onChange={(p) => set({ port: Number(p ?? 465) })} />
            <Switch checked={form.secure} disabled={!isAdmin} onChange={(secure) => set({ secure })} /> <span>{t('mail.secure')}</span>
          </Space>
          <Input addonBefore={t('mail.user')} value={form.user} disabled={!isAdmin} onChange={(e) => set({ user: e.target.value })} />
          <Input.Password addonBefore={t('mail.password')} value={form.password} disabled={!isAdmin} placeholder={v.hasPassword ? t('mail.passwordKept') : ''} onChange={(e) => set({ password: e.target.value })} autoComplete="new-password" />
          <Input addonBefore={t('mail.from')} value={form.from} disabled={!isAdmin} onChange={(e) => set({ from: e.target.value })} />
          {isAdmin ? <Button type="primary" loading={busy} onClick={() => void save()}>{t('mail.save')}</Button> : <Alert type="info" message={t('mail.adminOnly')} />}
        </Space>
      </Card>
      <Typography.Title level={5}>{t('mail.recent')}</Typography.Title>
      <Table
        rowKey="id"
        size="small"
        pagination={false}
        dataSource={v.recent}
        columns={[
          { title: t('mail.to'), dataIndex: 'to' },
          { title: t('mail.subject'), dataIndex: 'subject' },
          { title: t('mail.state'), dataIndex: 'state', render: (s: string) => <Tag color={s === 'sent' ? 'green' : s === 'failed' ? 'red' : 'blue'}>{t(`mail.state.${s}` as MessageKey)}</Tag> },
          { title: t('mail.error'), dataIndex: 'lastError', render: (e: string | null) => e ?? '' },
        ]}
      />
    </div>
  );
}

/** The re-visit's channel picker in the flows table (only flows with more than one channel). */
export function ChannelPicker({ value, channels, disabled, onChange }: { value: string; channels: string[]; disabled: boolean; onChange: (c: string) => void }) {
  return (
    <Select
      size="small"
      style={{ width: 150, marginLeft: 6 }}
      value={value}
      disabled={disabled}
      onChange={onChange}
      options={channels.map((c) => ({ value: c, label: t(`followups.channel.${c}` as MessageKey) }))}
      data-testid="flow-channel-revisit"
    />
  );
}
