// 跟进: the shop's proactive flows (issue 14: 催付 C8, shipment/arrival/care F1, delay O7, the
// reminder to confirm receipt and the review invitation R7, re-visit F4) — each switched on only after a preview of who would receive what —
// the shop's templates (F2, checked by the reply guard on save), and the sent log with its
// outcomes and the per-flow figures (paid after a reminder, reply rate, opt-out rate, F3).
import { useState } from 'react';
import { Alert, Button, Card, Input, InputNumber, Modal, Select, Space, Switch, Table, Tabs, Tag, Tooltip, Typography, message } from 'antd';
import type {
  FollowupFlowView,
  FollowupLogRow,
  FollowupPreview,
  FollowupsView,
  FollowupTemplateView,
  BuyerNoticeView,
} from '../../../src/core/contract/followups.js';
import type { BuyerSegmentsView } from '../../../src/core/contract/buyers.js';
import { FLOW_KEYS, FLOW_TITLES_ZH, reasonFlow, TEMPLATE_REASON_ZH, TEMPLATE_REASONS, type FlowKey } from '../../../src/core/followups/keys.js';
import { errorText, post, put } from '../lib/api.js';
import { useApi } from '../lib/use-api.js';
import { isSupervisor, useSession } from '../lib/session.js';
import { ChannelPicker, RevisitCalls, RevisitMail } from './revisit-calls.js';
import { percent, t, type MessageKey } from '../i18n.js';
import { LoadError, MissingRoute } from '../components/missing-route.js';
import { NoticeLines } from '../components/notice-lines.js';

const OUTCOME_COLOURS: Record<string, string> = {
  sent: 'green', would_send: 'green', stopped_paid: 'blue', held_frequency: 'orange', deferred_frequency: 'orange', deferred_price_change: 'gold',
  deferred_quiet: 'gold', stopped_confirmed: 'blue', stopped_aftersales: 'orange', stopped_auto_confirmed: 'default', stopped_verified: 'blue', opted_out: 'purple', blocked: 'red', failed: 'red', missing_data: 'red', outside_segment: 'default',
  stopped_review_not_good: 'default', already_member: 'default', held_member_gap: 'orange',
  call_task: 'green', mail_queued: 'green', stopped_refused_call: 'default', held_call_open: 'orange',
};

/** A marketing flow's target segment as picked in the preview (F4, M2); null: every buyer. */
type SegmentDraft = { tiers: string[]; tags: string[] } | null;

function outcomeLabel(outcome: string | null): string {
  if (!outcome) return t('common.none');
  const key = `followups.outcome.${outcome}` as MessageKey;
  const text = t(key);
  return text === key ? outcome : text;
}

function OutcomeTag({ outcome }: { outcome: string | null }) {
  return <Tag color={OUTCOME_COLOURS[outcome ?? ''] ?? 'default'}>{outcomeLabel(outcome)}</Tag>;
}

export default function FollowupsScreen() {
  const { shops, agent } = useSession();
  const [shopId, setShopId] = useState(shops[0]?.id ?? '');
  const view = useApi<FollowupsView>(shopId ? `/shops/${encodeURIComponent(shopId)}/followups` : null);
  return (
    <div style={{ padding: 16, height: '100%', overflow: 'auto' }} data-testid="followups-screen">
      <div style={{ display: 'flex', alignItems: 'center', gap: 12, marginBottom: 8 }}>
        <Typography.Title level={4} style={{ margin: 0 }}>{t('followups.title')}</Typography.Title>
        <Select style={{ width: 220 }} value={shopId} onChange={setShopId} options={shops.map((s) => ({ value: s.id, label: s.name }))} />
      </div>
      {view.missing ? (
        <MissingRoute path="/api/v1/shops/:shopId/followups" />
      ) : view.error ? (
        <LoadError error={view.error} />
      ) : !view.data ? null : (
        <>
          <Typography.Paragraph type="secondary" style={{ marginBottom: 8 }} data-testid="followups-limits">
            {t('followups.limits', {
              mm: view.data.limits.marketing.max, mh: view.data.limits.marketing.perHours,
              sm: view.data.limits.service.max, sh: view.data.limits.service.perHours,
              qs: view.data.limits.quietStart, qe: view.data.limits.quietEnd,
            })}{' '}
            {view.data.payWindowHours !== null ? t('followups.payWindow', { h: view.data.payWindowHours }) : t('followups.payWindow.none')}
          </Typography.Paragraph>
          <Tabs
            items={[
              { key: 'flows', label: t('followups.tab.flows'), children: <Flows key={shopId} shopId={shopId} view={view.data} onChanged={view.reload} /> },
              { key: 'templates', label: t('followups.tab.templates'), children: <Templates key={shopId} shopId={shopId} view={view.data} onSaved={view.reload} /> },
              { key: 'log', label: t('followups.tab.log'), children: <SentLog key={shopId} shopId={shopId} /> },
              { key: 'notice', label: t('followups.tab.notice'), children: <BuyerNotice key={shopId} shopId={shopId} /> },
              // F4 老客回访 by phone (call tasks for agents) and mail (the shop's SMTP server, leads only).
              { key: 'calls', label: t('followups.tab.calls'), children: <RevisitCalls key={shopId} shopId={shopId} /> },
              ...(isSupervisor(agent) ? [{ key: 'mail', label: t('followups.tab.mail'), children: <RevisitMail key={shopId} shopId={shopId} /> }] : []),
            ]}
          />
        </>
      )}
    </div>
  );
}

function Flows({ shopId, view, onChanged }: { shopId: string; view: FollowupsView; onChanged: () => void }) {
  const [preview, setPreview] = useState<{ flow: FollowupFlowView; data: FollowupPreview | null; error: string | null } | null>(null);
  const [busy, setBusy] = useState(false);
  const [delays, setDelays] = useState<Record<string, number | null>>({});
  // The segment picked in the preview (undefined: the flow's saved segment, untouched).
  const [segment, setSegment] = useState<SegmentDraft | undefined>(undefined);
  const base = `/shops/${encodeURIComponent(shopId)}/followups`;

  const runPreview = async (flow: FollowupFlowView, seg: SegmentDraft | undefined) => {
    setPreview((p) => ({ flow, data: p?.flow.flow === flow.flow ? p.data : null, error: null }));
    try {
      const data = await post<FollowupPreview>(`${base}/preview`, { flow: flow.flow, ...(seg === undefined ? {} : { segment: seg }) });
      setPreview({ flow, data, error: null });
    } catch (e) {
      setPreview({ flow, data: null, error: errorText(e) });
    }
  };
  const openPreview = async (flow: FollowupFlowView) => {
    setSegment(undefined);
    setPreview({ flow, data: null, error: null });
    await runPreview(flow, undefined);
  };
  const pickSegment = (flow: FollowupFlowView, next: { tiers: string[]; tags: string[] }) => {
    const seg = next.tiers.length || next.tags.length ? next : null;
    setSegment(seg);
    void runPreview(flow, seg);
  };
  const save = async (flow: FollowupFlowView, enabled: boolean) => {
    setBusy(true);
    try {
      const delay = delays[flow.flow];
      await put(`${base}/flows`, {
        flow: flow.flow,
        enabled,
        ...(flow.flow === 'payment_reminder'
          ? { stepsHours: delay === undefined ? flow.stepsHours : delay === null ? null : [delay] }
          : { delayHours: delay === undefined ? flow.delayHours : delay }),
        ...(enabled && segment !== undefined && flow.category === 'marketing' ? { segment } : {}),
      });
      void message.success(t(enabled ? 'followups.turnedOn' : 'followups.turnedOff', { flow: flow.title }));
      setPreview(null);
      onChanged();
    } catch (e) {
      void message.error(errorText(e));
    } finally {
      setBusy(false);
    }
  };

  // F4: the re-visit's channel (chat, phone, email) is saved at once, the switch and timing as they are.
  const lead = isSupervisor(useSession().agent);
  const saveChannel = async (flow: FollowupFlowView, channel: string) => {
    setBusy(true);
    try {
      await put(`${base}/flows`, { flow: flow.flow, enabled: flow.enabled, channel });
      void message.success(t('followups.channel.saved', { flow: flow.title, channel: t(`followups.channel.${channel}` as MessageKey) }));
      onChanged();
    } catch (e) {
      void message.error(errorText(e));
    } finally {
      setBusy(false);
    }
  };
  const stats = new Map(view.stats.map((s) => [s.flow, s]));
  return (
    <>
      <Table<FollowupFlowView>
        rowKey="flow"
        size="small"
        pagination={false}
        dataSource={view.flows}
        columns={[
          {
            title: t('followups.flow'),
            dataIndex: 'title',
            render: (title: string, f) => (
              <span data-testid={`flow-${f.flow}`}>
                {title}
                {f.segment && <Tag color="cyan" style={{ marginLeft: 6 }} data-testid={`flow-segment-${f.flow}`}>{t('followups.segment.to', { label: f.segment.label })}</Tag>}
                {f.channels.length > 1 && <ChannelPicker value={f.channel} channels={f.channels} disabled={busy || !lead} onChange={(c) => void saveChannel(f, c)} />}
              </span>
            ),
          },
          {
            title: t('followups.category'),
            dataIndex: 'category',
            render: (c: string) => <Tag color={c === 'marketing' ? 'magenta' : 'blue'}>{t(`followups.category.${c}` as MessageKey)}</Tag>,
          },
          {
            title: t('followups.timing'),
            render: (_: unknown, f) => {
              const steps = f.stepsHours ?? f.defaultStepsHours;
              const current = f.flow === 'payment_reminder' ? steps?.[0] ?? null : f.delayHours ?? f.defaultDelayHours;
              return (
                <Space>
                  <InputNumber
                    size="small"
                    min={0}
                    max={1440}
                    style={{ width: 80 }}
                    value={delays[f.flow] === undefined ? current : delays[f.flow]}
                    onChange={(v) => setDelays((d) => ({ ...d, [f.flow]: v }))}
                    data-testid={`flow-delay-${f.flow}`}
                  />
                  <span style={{ fontSize: 12, color: '#666' }}>
                    {f.flow === 'payment_reminder' ? t('followups.steps', { h: (steps ?? []).join(' / ') }) : t('followups.delay', { h: current ?? 0 })}
                  </span>
                </Space>
              );
            },
          },
          {
            title: t('followups.figures'),
            render: (_: unknown, f) => {
              const s = stats.get(f.flow);
              if (!s) return t('common.none');
              return (
                <Space size={4} wrap data-testid={`flow-stats-${f.flow}`}>
                  <Tag>{t('followups.sentN', { n: s.sent })}</Tag>
                  <Tag color="green">{t(f.flow === 'payment_reminder' ? 'followups.conversion.pay' : 'followups.conversion.reply', { p: percent(s.conversion) })}</Tag>
                  <Tag color="purple">{t('followups.optOutRate', { p: percent(s.optOutRate) })}</Tag>
                </Space>
              );
            },
          },
          {
            title: t('followups.source'),
            dataIndex: 'sourceZh',
            render: (s: string) => <Tooltip title={s}><span style={{ fontSize: 12, color: '#888' }}>{s.slice(0, 18)}…</span></Tooltip>,
          },
          {
            title: t('followups.enabled'),
            render: (_: unknown, f) => (
              <Space>
                <Switch
                  checked={f.enabled}
                  loading={busy}
                  data-testid={`flow-switch-${f.flow}`}
                  onChange={(on) => (on ? void openPreview(f) : void save(f, false))}
                />
                <Button size="small" onClick={() => void openPreview(f)} data-testid={`flow-preview-${f.flow}`}>{t('followups.preview')}</Button>
              </Space>
            ),
          },
        ]}
      />
      <Modal
        open={preview !== null}
        width={860}
        title={preview ? t('followups.preview.title', { flow: preview.flow.title }) : ''}
        onCancel={() => setPreview(null)}
        okText={t('followups.preview.confirm')}
        okButtonProps={{ loading: busy, disabled: !preview?.data, ...({ 'data-testid': 'preview-confirm' } as Record<`data-${string}`, string>) }}
        onOk={() => preview && void save(preview.flow, true)}
      >
        <div data-testid="preview-modal">
          {preview?.error && <Alert type="error" message={preview.error} />}
          {preview && preview.flow.category === 'marketing' && (
            <SegmentPicker
              shopId={shopId}
              value={segment === undefined ? (preview.data?.segment ?? preview.flow.segment ?? null) : segment}
              onChange={(next) => pickSegment(preview.flow, next)}
            />
          )}
          {preview?.data && (
            <>
              {preview.data.segment && (
                <Typography.Paragraph data-testid="preview-segment">
                  {t('followups.segment.summary', { label: preview.data.segment.label, buyers: preview.data.segment.buyers, outside: preview.data.segment.outsideOrders })}
                </Typography.Paragraph>
              )}
              <Typography.Paragraph strong data-testid="preview-summary">
                {preview.data.orders === 0 ? t('followups.preview.none') : t('followups.preview.summary', { orders: preview.data.orders, n: preview.data.wouldSend })}
              </Typography.Paragraph>
              <Space wrap style={{ marginBottom: 8 }}>
                {Object.entries(preview.data.byOutcome).map(([k, n]) => (
                  <Tag key={k} color={OUTCOME_COLOURS[k] ?? 'default'}>{outcomeLabel(k)} {n}</Tag>
                ))}
              </Space>
              <Table
                size="small"
                rowKey={(r) => `${r.orderNo}-${r.dueAt}`}
                pagination={{ pageSize: 8 }}
                dataSource={preview.data.rows}
                columns={[
                  { title: t('followups.log.order'), dataIndex: 'orderNo', width: 140 },
                  { title: t('followups.log.buyer'), dataIndex: 'buyer', width: 100 },
                  { title: t('followups.log.time'), dataIndex: 'dueAt', width: 150, render: (d: string) => new Date(d).toLocaleString() },
                  { title: t('followups.log.text'), dataIndex: 'text' },
                  { title: t('followups.log.outcome'), dataIndex: 'outcome', width: 120, render: (o: string, r) => <Tooltip title={r.note}><OutcomeTag outcome={o} /></Tooltip> },
                ]}
              />
            </>
          )}
        </div>
      </Modal>
    </>
  );
}

/** F4/M2: the segment of buyers a marketing flow goes to — VIP tiers and/or tags, with their counts. */
function SegmentPicker({ shopId, value, onChange }: { shopId: string; value: SegmentDraft; onChange: (next: { tiers: string[]; tags: string[] }) => void }) {
  const segs = useApi<BuyerSegmentsView>(`/shops/${encodeURIComponent(shopId)}/buyer-segments`);
  const tiers = value?.tiers ?? [];
  const tags = value?.tags ?? [];
  if (segs.error) return <LoadError error={segs.error} />;
  return (
    <Space wrap style={{ marginBottom: 8 }} data-testid="segment-picker">
      <Typography.Text>{t('followups.segment')}</Typography.Text>
      <span data-testid="segment-tiers">
        <Select
          mode="multiple"
          allowClear
          style={{ minWidth: 220 }}
          placeholder={t('followups.segment.anyTier')}
          value={tiers}
          loading={!segs.data}
          options={(segs.data?.tiers ?? []).map((x) => ({ value: x.id, label: `${x.name}（${x.buyers}）` }))}
          onChange={(v: string[]) => onChange({ tiers: v, tags })}
        />
      </span>
      <span data-testid="segment-tags">
        <Select
          mode="multiple"
          allowClear
          style={{ minWidth: 220 }}
          placeholder={t('followups.segment.anyTag')}
          value={tags}
          loading={!segs.data}
          options={(segs.data?.tags ?? []).map((x) => ({ value: x.tag, label: `${x.tag}（${x.buyers}）` }))}
          onChange={(v: string[]) => onChange({ tiers, tags: v })}
        />
      </span>
    </Space>
  );
}

type Draft = Omit<FollowupTemplateView, 'id' | 'own'>;

function Templates({ shopId, view, onSaved }: { shopId: string; view: FollowupsView; onSaved: () => void }) {
  const [drafts, setDrafts] = useState<Draft[]>(() => view.templates.filter((x) => x.own));
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const flows = view.flows.map((f) => ({ value: f.flow, label: f.title }));
  const edit = (i: number, patch: Partial<Draft>) => setDrafts((d) => d.map((x, j) => (j === i ? { ...x, ...patch } : x)));
  const save = async () => {
    setSaving(true);
    setError(null);
    try {
      await put(`/shops/${encodeURIComponent(shopId)}/followups/templates`, {
        templates: drafts.map((d) => ({
          flow: d.flow, lang: d.lang, reason: d.reason || null, courier: d.courier || null, country: d.country || null, platform: d.platform || null, text: d.text,
        })),
      });
      void message.success(t('common.saved'));
      onSaved();
    } catch (e) {
      setError(errorText(e));
    } finally {
      setSaving(false);
    }
  };
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Card size="small" title={t('followups.tpl.own')} extra={<Typography.Text type="secondary">{t('followups.tpl.saveHint')}</Typography.Text>}>
        <Typography.Paragraph type="secondary" style={{ fontSize: 12 }}>{t('followups.tpl.vars', { v: view.variables.map((v) => `{${v}}`).join(' ') })}</Typography.Paragraph>
        {drafts.map((d, i) => (
          <Space key={i} align="start" style={{ display: 'flex', marginBottom: 8 }} data-testid="template-row">
            <Select style={{ width: 120 }} value={d.flow} options={flows} onChange={(flow) => edit(i, { flow, reason: null })} />
            <Select style={{ width: 80 }} value={d.lang} options={[{ value: 'zh', label: '中文' }, { value: 'en', label: 'English' }]} onChange={(lang) => edit(i, { lang })} />
            <Select
              style={{ width: 110 }}
              allowClear
              placeholder={t('followups.tpl.reason')}
              value={d.reason ?? undefined}
              // 催付: what held the buyer back (C8); 评价邀请: the buyer's review segment (R7);
              // 核对订单: the buyer left a message on the order (C9).
              options={TEMPLATE_REASONS.filter((r) => reasonFlow(r) === d.flow).map((r) => ({ value: r, label: TEMPLATE_REASON_ZH[r] }))}
              disabled={!TEMPLATE_REASONS.some((r) => reasonFlow(r) === d.flow)}
              onChange={(reason) => edit(i, { reason: reason ?? null })}
            />
            <Input style={{ width: 100 }} placeholder={t('followups.tpl.courier')} value={d.courier ?? ''} onChange={(e) => edit(i, { courier: e.target.value || null })} />
            <Input style={{ width: 70 }} placeholder={t('followups.tpl.country')} value={d.country ?? ''} onChange={(e) => edit(i, { country: e.target.value || null })} />
            <Input.TextArea style={{ width: 420 }} autoSize value={d.text} onChange={(e) => edit(i, { text: e.target.value })} data-testid="template-text" />
            <Button danger size="small" onClick={() => setDrafts((x) => x.filter((_, j) => j !== i))}>{t('common.delete')}</Button>
          </Space>
        ))}
        <Space>
          <Button
            onClick={() => setDrafts((x) => [...x, { flow: 'payment_reminder', lang: 'zh', reason: null, platform: null, courier: null, country: null, text: '' }])}
            data-testid="template-add"
          >
            {t('followups.tpl.add')}
          </Button>
          <Button type="primary" loading={saving} onClick={() => void save()} data-testid="template-save">{t('common.save')}</Button>
        </Space>
        {error && <Alert style={{ marginTop: 8 }} type="error" message={error} data-testid="template-error" />}
      </Card>
      <Card size="small" title={t('followups.tpl.default')}>
        <Table<FollowupTemplateView>
          size="small"
          rowKey={(r) => `${r.flow}-${r.lang}-${r.reason ?? ''}-${r.courier ?? ''}-${r.country ?? ''}`}
          pagination={{ pageSize: 10 }}
          dataSource={view.templates.filter((x) => !x.own)}
          columns={[
            { title: t('followups.flow'), dataIndex: 'flow', width: 120, render: (f: string) => view.flows.find((x) => x.flow === f)?.title ?? f },
            { title: t('followups.tpl.lang'), dataIndex: 'lang', width: 70 },
            { title: t('followups.tpl.reason'), dataIndex: 'reason', width: 120, render: (r: string | null) => (r ? (TEMPLATE_REASON_ZH as Record<string, string>)[r] ?? r : t('common.none')) },
            { title: t('followups.tpl.text'), dataIndex: 'text' },
          ]}
        />
      </Card>
    </Space>
  );
}

function SentLog({ shopId }: { shopId: string }) {
  const [flow, setFlow] = useState<string>('');
  const log = useApi<{ items: FollowupLogRow[] }>(`/shops/${encodeURIComponent(shopId)}/followups/log${flow ? `?flow=${flow}` : ''}`);
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Space>
        <Select
          style={{ width: 160 }}
          value={flow}
          onChange={setFlow}
          options={[{ value: '', label: t('common.all') }, ...FLOW_KEYS.map((f) => ({ value: f, label: FLOW_TITLES_ZH[f] }))]}
        />
        <Button onClick={log.reload}>{t('common.refresh')}</Button>
      </Space>
      {log.error ? (
        <LoadError error={log.error} />
      ) : (
        <Table<FollowupLogRow>
          size="small"
          rowKey="id"
          loading={log.loading}
          dataSource={log.data?.items ?? []}
          data-testid="followup-log"
          columns={[
            { title: t('followups.log.time'), width: 160, render: (_: unknown, r) => new Date(r.sentAt ?? r.dueAt).toLocaleString() },
            { title: t('followups.flow'), dataIndex: 'flow', width: 120, render: (f: FlowKey) => FLOW_TITLES_ZH[f] ?? f },
            { title: t('followups.log.order'), dataIndex: 'orderNo', width: 140 },
            { title: t('followups.log.buyer'), dataIndex: 'buyer', width: 100 },
            { title: t('followups.log.outcome'), dataIndex: 'outcome', width: 130, render: (o: string | null, r) => <Tooltip title={r.note}><OutcomeTag outcome={o} /></Tooltip> },
            { title: t('followups.log.text'), dataIndex: 'text' },
            {
              title: t('followups.log.after'),
              width: 160,
              render: (_: unknown, r) => (
                <Space size={2}>
                  {r.paidAfter && <Tag color="green">{t('followups.log.paidAfter')}</Tag>}
                  {r.replied && <Tag color="blue">{t('followups.log.replied')}</Tag>}
                  {r.optedOut && <Tag color="purple">{t('followups.log.optedOut')}</Tag>}
                </Space>
              ),
            },
          ]}
        />
      )}
    </Space>
  );
}

/** S1: the buyer notice generated from the shop's settings; lines breaking platform rules are flagged. */
function BuyerNotice({ shopId }: { shopId: string }) {
  const [extra, setExtra] = useState('');
  const [view, setView] = useState<BuyerNoticeView | null>(null);
  const [error, setError] = useState<string | null>(null);
  const check = async () => {
    setError(null);
    try {
      const extraLines = extra.split('\n').map((l) => l.trim()).filter(Boolean);
      setView(await post<BuyerNoticeView>(`/shops/${encodeURIComponent(shopId)}/buyer-notice`, extraLines.length ? { draft: { extraLines } } : {}));
    } catch (e) {
      setError(errorText(e));
    }
  };
  return (
    <Space direction="vertical" style={{ width: '100%' }} data-testid="buyer-notice">
      <Typography.Paragraph type="secondary">{t('followups.notice.hint')}</Typography.Paragraph>
      <Input.TextArea rows={3} value={extra} onChange={(e) => setExtra(e.target.value)} placeholder={t('followups.notice.extra')} data-testid="notice-extra" />
      <Button type="primary" onClick={() => void check()} data-testid="notice-generate">{t('followups.notice.generate')}</Button>
      {error && <Alert type="error" message={error} />}
      {view && <NoticeLines view={view} />}
    </Space>
  );
}
