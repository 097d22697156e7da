// 售后: the case board (A, N5) and working a case (issue 15). Cards by application state with the
// countdown to the 72 h platform intervention and the exposure in yuan; a card opens the case:
// the buyer, the chat and the order one click away, the goods flow (A2) as steps, every move the
// case allows now with the money and the deadline it implies shown before it is taken, what to
// record with it (parcel, inspection, shipment), the invoice action (A3) and guidance (A9, A10),
// the evidence (A11: upload, download, the bundle) and the history. A case is opened here from an
// order (`/cases?orderId=`) or a chat (`/cases?conversationId=`).
import {
  Alert, Button, Card, Checkbox, Col, Descriptions, Drawer, Empty, Form, Input, InputNumber, List, message, Modal, Row, Select, Space, Spin, Statistic,
  Steps, Tag, Timeline, Typography, Upload,
} from 'antd';
import type { ButtonProps } from 'antd';
import { useEffect, useMemo, useState } from 'react';
import type { CaseChoiceView, CaseEvidenceItemView, ConversationDetailView } from '../../../src/core/contract/views.js';
import { api, errorText, getToken, post } from '../lib/api.js';
import { navigate } from '../lib/router.js';
import { useApi, useNow } from '../lib/use-api.js';
import { useSession } from '../lib/session.js';
import type { CaseRow } from '../lib/types.js';
import { duration, t, type MessageKey } from '../i18n.js';
import { LoadError, MissingRoute } from '../components/missing-route.js';
import { MismatchRecorder } from '../components/mismatch-recorder.js';

const INTERVENTION_MS = 72 * 3600_000;
const CASE_TYPES = ['refund_only', 'return', 'exchange', 'repair'] as const;
const CAUSES = ['unclear', 'seller_fault', 'angry_threatens_bad_review', 'buyer_misuse', 'buyer_abuse'] as const;
const EVIDENCE_KINDS = ['photo', 'chat_excerpt', 'courier_record'] as const;

interface CaseDetail {
  case: CaseRow;
  timeline: { id: number; at: string; fromState: string | null; toState: string; event: string; eventLabelZh: string; actorKind: string; note: string | null }[];
  evidence: CaseEvidenceItemView[];
}

interface OrderForCase {
  order: { id: string; shopId: string; platformOrderNo: string; state: string; paidYuan: number; totalYuan: number; refundYuan: number };
  aftersales?: { reasons: string[]; caseTypes: string[]; refundableYuan: number; currency?: string; refundable?: number; blockedZh: string | null };
}

function interventionAt(c: CaseRow): number {
  return c.intervention?.at ? Date.parse(c.intervention.at) : Date.parse(c.openedAt) + INTERVENTION_MS;
}

/** GET /exposure answers `total` as a number or as {nowYuan, atNextDeadlineYuan}. */
function totalOf(x: unknown): { now: number; next: number | null } | null {
  if (typeof x === 'number') return { now: x, next: null };
  if (typeof x !== 'object' || x === null) return null;
  const o = x as { nowYuan?: unknown; atNextDeadlineYuan?: unknown };
  if (typeof o.nowYuan !== 'number') return null;
  return { now: o.nowYuan, next: typeof o.atNextDeadlineYuan === 'number' ? o.atNextDeadlineYuan : null };
}

const fmt = (v: number) => `¥${v.toFixed(2)}`;

/**
 * O2 (issue 15): a case's money at stake in the case's own currency — a USD case shows USD, never
 * ¥0.00 beside its USD amount (its yuan figures are 0 by design: nothing is converted).
 */
function exposureText(c: CaseRow, which: 'now' | 'next'): string {
  const e = c.exposure;
  const currency = e?.currency ?? c.currency ?? 'CNY';
  const minor = which === 'now' ? (e?.nowMinor ?? Math.round((e?.nowYuan ?? 0) * 100)) : (e?.atNextDeadlineMinor ?? Math.round((e?.atNextDeadlineYuan ?? 0) * 100));
  return money(minor / 100, currency);
}

/** GET /exposure's per-currency totals (¥… · USD …); the yuan total when the server gives no split. */
function totalsText(data: { total?: unknown; byCurrency?: { currency: string; nowMinor: number; atNextDeadlineMinor: number }[] } | null | undefined, which: 'now' | 'next'): string | null {
  if (data?.byCurrency?.length) return data.byCurrency.map((x) => money((which === 'now' ? x.nowMinor : x.atNextDeadlineMinor) / 100, x.currency)).join(' · ');
  const total = totalOf(data?.total);
  if (!total) return null;
  return which === 'now' ? fmt(total.now) : total.next !== null ? fmt(total.next) : null;
}
/** O2: an amount in its own currency (¥ for CNY, else the ISO code); never converted here. */
const money = (v: number, currency = 'CNY') => (currency === 'CNY' ? fmt(v) : `${currency} ${v.toFixed(2)}`);

function typeLabel(type: string): string {
  return (CASE_TYPES as readonly string[]).includes(type) ? t(`cases.type.${type}` as MessageKey) : type;
}

function query(name: string): string | null {
  return new URLSearchParams(location.search).get(name);
}

/** Downloads an authenticated file (evidence, bundle) through a blob URL. */
async function download(path: string, fallbackName: string): Promise<void> {
  const res = await fetch(`/api/v1${path}`, { headers: { authorization: `Bearer ${getToken() ?? ''}` } });
  if (!res.ok) {
    const body = (await res.json().catch(() => null)) as { error?: { message?: string } } | null;
    throw new Error(body?.error?.message ?? res.statusText);
  }
  const blob = await res.blob();
  const cd = res.headers.get('content-disposition') ?? '';
  const m = /filename\*=UTF-8''([^;]+)/.exec(cd) ?? /filename="([^"]+)"/.exec(cd);
  const a = document.createElement('a');
  a.href = URL.createObjectURL(blob);
  a.download = m ? decodeURIComponent(m[1]!) : fallbackName;
  a.click();
  setTimeout(() => URL.revokeObjectURL(a.href), 10_000);
}

function fileToBase64(file: File): Promise<string> {
  return new Promise((resolve, reject) => {
    const r = new FileReader();
    r.onload = () => resolve(String(r.result).replace(/^data:[^,]*,/, ''));
    r.onerror = () => reject(r.error ?? new Error('read failed'));
    r.readAsDataURL(file);
  });
}

export default function CasesScreen() {
  const { shops } = useSession();
  const [shopId, setShopId] = useState<string>('');
  const q = shopId ? `?shopId=${encodeURIComponent(shopId)}` : '';
  const cases = useApi<{ items: CaseRow[] }>(`/cases${q}`);
  const exposure = useApi<{ total: unknown; byCurrency?: { currency: string; nowMinor: number; atNextDeadlineMinor: number }[] }>(`/exposure${q}`);
  const totalNow = totalsText(exposure.data, 'now');
  const totalNext = totalsText(exposure.data, 'next');
  const now = useNow(1000);
  const [openId, setOpenId] = useState<string | null>(() => query('caseId'));
  const [creating, setCreating] = useState<NewCaseStart | null>(() => {
    const orderId = query('orderId');
    const conversationId = query('conversationId');
    const reviewId = query('reviewId');
    return orderId || conversationId || reviewId ? { orderId, conversationId, reviewId } : null;
  });

  const columns = useMemo(() => {
    const byState = new Map<string, CaseRow[]>();
    for (const c of cases.data?.items ?? []) byState.set(c.state, [...(byState.get(c.state) ?? []), c]);
    for (const list of byState.values()) list.sort((a, b) => interventionAt(a) - interventionAt(b));
    return [...byState.entries()];
  }, [cases.data]);

  const reload = () => {
    cases.reload();
    exposure.reload();
  };

  return (
    <div style={{ padding: 16, height: '100%', overflow: 'auto' }} data-testid="cases-screen">
      <div style={{ display: 'flex', alignItems: 'center', gap: 16, marginBottom: 12, flexWrap: 'wrap' }}>
        <Typography.Title level={4} style={{ margin: 0 }}>{t('cases.title')}</Typography.Title>
        <Select
          style={{ width: 200 }}
          value={shopId}
          onChange={setShopId}
          options={[{ value: '', label: t('common.all') }, ...shops.map((s) => ({ value: s.id, label: s.name }))]}
        />
        <Button type="primary" onClick={() => setCreating({ orderId: null, conversationId: null, reviewId: null })} data-testid="new-case">
          {t('cases.new')}
        </Button>
        {totalNow !== null && (
          <Statistic
            value={t('cases.totalExposure', { v: totalNow }) + (totalNext !== null ? `；${t('cases.atNext', { v: totalNext })}` : '')}
            valueStyle={{ fontSize: 16, color: '#cf1322' }}
            data-testid="exposure-total"
          />
        )}
      </div>
      {cases.loading && !cases.data ? (
        <Spin />
      ) : cases.missing ? (
        <MissingRoute path="/api/v1/cases" />
      ) : cases.error ? (
        <LoadError error={cases.error} />
      ) : columns.length === 0 ? (
        <Empty description={t('cases.empty')} />
      ) : (
        <Row gutter={12} wrap={false} style={{ overflowX: 'auto' }}>
          {columns.map(([state, list]) => (
            <Col key={state} flex="280px">
              <Card size="small" title={`${state} (${list.length})`} styles={{ body: { padding: 8, background: '#fafafa' } }}>
                {list.map((c) => {
                  const left = (interventionAt(c) - now) / 1000;
                  return (
                    <Card key={c.id} size="small" hoverable style={{ marginBottom: 8 }} data-testid="case-card" data-order={c.platformOrderNo} onClick={() => setOpenId(c.id)}>
                      <div style={{ display: 'flex', justifyContent: 'space-between' }}>
                        <Tag color="magenta">{typeLabel(c.type)}</Tag>
                        <Typography.Text strong style={{ color: '#cf1322' }}>
                          <span data-testid="case-card-exposure">{t('cases.exposure')} {exposureText(c, 'now')}</span>
                        </Typography.Text>
                      </div>
                      <div style={{ fontSize: 12, margin: '4px 0' }}>
                        {t('cases.order')}：{c.platformOrderNo ?? c.orderId}
                        {c.buyerName && <> · {t('cases.buyer')}：{c.buyerName}</>}
                      </div>
                      {c.reason && <div style={{ fontSize: 12 }}>{t('cases.reason')}：{c.reason}</div>}
                      <div style={{ fontSize: 12 }}>{t('cases.amount')}：{money(c.amountMinor / 100, c.currency)}</div>
                      {c.flowStep && <Tag color="blue" style={{ marginTop: 4 }}>{c.flowStep}</Tag>}
                      {c.exposure && (
                        <div style={{ fontSize: 12 }}>{t('cases.atNext', { v: exposureText(c, 'next') })}</div>
                      )}
                      {c.intervention && (
                        <Tag color={left <= 0 ? 'red' : left < 12 * 3600 ? 'orange' : 'green'} style={{ marginTop: 4 }} data-testid="case-countdown">
                          {left <= 0 ? t('cases.intervened') : t('cases.countdown', { t: duration(left) })}
                        </Tag>
                      )}
                      {c.playbook?.stepsZh?.[0] && <div style={{ fontSize: 12, color: '#666' }}>{t('side.next', { s: c.playbook.stepsZh[0] })}</div>}
                      {(c.exposure?.advice ?? c.intervention?.adviceZh) && (
                        <div style={{ fontSize: 12, color: '#d46b08' }}>{t('cases.advice')}：{c.exposure?.advice ?? c.intervention?.adviceZh}</div>
                      )}
                    </Card>
                  );
                })}
              </Card>
            </Col>
          ))}
        </Row>
      )}
      {openId && <CaseDrawer id={openId} onClose={() => setOpenId(null)} onChanged={reload} />}
      {creating && (
        <NewCaseModal
          initial={creating}
          onClose={() => setCreating(null)}
          onCreated={(id) => {
            setCreating(null);
            reload();
            setOpenId(id);
          }}
        />
      )}
    </div>
  );
}

/** Where a new case starts: an order, a chat, or (issue 15) a bad review — review → order → buyer. */
interface NewCaseStart {
  orderId: string | null;
  conversationId: string | null;
  reviewId: string | null;
}
interface ReviewForCase { id: string; shopId: string; rating: string; sentiment: string | null; text: string; orderId: string | null; orderNo: string | null; buyer: string | null }

function NewCaseModal({ initial, onClose, onCreated }: { initial: NewCaseStart; onClose: () => void; onCreated: (id: string) => void }) {
  const { shops } = useSession();
  const [shopId, setShopId] = useState(shops[0]?.id ?? '');
  const [search, setSearch] = useState('');
  const [orderId, setOrderId] = useState<string | null>(initial.orderId);
  const [reviewId, setReviewId] = useState<string | null>(initial.reviewId);
  const reviews = useApi<{ items: ReviewForCase[] }>(initial.conversationId || !shopId ? null : `/reviews?shopId=${encodeURIComponent(shopId)}&status=all&limit=200`);
  const pickedReview = useApi<ReviewForCase>(reviewId ? `/reviews/${encodeURIComponent(reviewId)}` : null);
  useEffect(() => {
    const r = pickedReview.data;
    if (!r) return;
    if (r.shopId !== shopId) setShopId(r.shopId);
    if (r.orderId) setOrderId(r.orderId);
  }, [pickedReview.data]);
  const badReviews = (reviews.data?.items ?? []).filter((r) => r.rating !== 'good' || r.sentiment === 'negative');
  const [type, setType] = useState<string>('refund_only');
  const [reason, setReason] = useState<string | undefined>();
  const [amount, setAmount] = useState<number | null>(null);
  const [note, setNote] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const chat = useApi<ConversationDetailView>(initial.conversationId ? `/conversations/${encodeURIComponent(initial.conversationId)}` : null);
  const list = useApi<{ items: { id: string; platformOrderNo: string; state: string; paidYuan: number; buyerAccount: string | null }[] }>(
    initial.conversationId || !shopId ? null : `/shops/${encodeURIComponent(shopId)}/orders?limit=50${search ? `&q=${encodeURIComponent(search)}` : ''}`,
  );
  const detail = useApi<OrderForCase>(orderId ? `/orders/${encodeURIComponent(orderId)}` : null);
  const af = detail.data?.aftersales;
  useEffect(() => {
    if (!af) return;
    setAmount(af.refundable ?? af.refundableYuan);
    if (!af.caseTypes.includes(type)) setType(af.caseTypes[0] ?? 'refund_only');
    // A reason the agent already picked stays when the order's after-sales facts arrive again and
    // still allow it (another order, or facts that no longer list it, clear it).
    setReason((r) => (r !== undefined && af.reasons.includes(r) ? r : undefined));
  }, [af]);

  const orderOptions = initial.conversationId
    ? (chat.data?.orders ?? []).map((o) => ({ value: o.id, label: `${o.platformOrderNo} · ${o.state}` }))
    : (list.data?.items ?? []).map((o) => ({ value: o.id, label: `${o.platformOrderNo} · ${o.state} · ${o.buyerAccount ?? ''}` }));

  const submit = async () => {
    if (!orderId || !reason || amount === null) return;
    setBusy(true);
    setError(null);
    try {
      const res = await post<{ case: { id: string } }>('/cases', {
        orderId, type, reason, amount, ...(note ? { note } : {}), ...(initial.conversationId ? { conversationId: initial.conversationId } : {}),
        ...(reviewId ? { reviewId } : {}),
      });
      message.success(t('cases.created'));
      onCreated(res.case.id);
    } catch (e) {
      setError(errorText(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal open title={initial.conversationId ? t('cases.newFromChat') : reviewId ? t('cases.newFromReview') : t('cases.new')} onCancel={onClose} onOk={submit} okText={t('cases.create')} confirmLoading={busy}
      okButtonProps={{ disabled: !orderId || !reason || amount === null || !!af?.blockedZh, 'data-testid': 'new-case-submit' } as ButtonProps}>
      <Form layout="vertical">
        {!initial.conversationId && (
          <Form.Item label={t('orders.col.shop')}>
            <Select value={shopId} onChange={setShopId} options={shops.map((s) => ({ value: s.id, label: s.name }))} />
          </Form.Item>
        )}
        {!initial.conversationId && (
          <Form.Item label={t('cases.pickReview')}>
            <div data-testid="new-case-review">
              <Select
                allowClear
                value={reviewId ?? undefined}
                onChange={(v: string | undefined) => setReviewId(v ?? null)}
                options={[
                  ...badReviews.map((r) => ({ value: r.id, label: `${r.orderNo ?? '—'} · ${r.buyer ?? ''} · ${r.text.slice(0, 30)}` })),
                  ...(pickedReview.data && !badReviews.some((r) => r.id === pickedReview.data!.id) ? [{ value: pickedReview.data.id, label: `${pickedReview.data.orderNo ?? '—'} · ${pickedReview.data.text.slice(0, 30)}` }] : []),
                ]}
              />
            </div>
            {pickedReview.data && (
              <Alert
                style={{ marginTop: 8 }}
                type={pickedReview.data.orderId ? 'info' : 'warning'}
                showIcon
                message={pickedReview.data.orderId ? `${t('cases.fromReview')}：${pickedReview.data.text}` : t('cases.reviewNoOrder')}
                data-testid="new-case-review-text"
              />
            )}
          </Form.Item>
        )}
        <Form.Item label={t('cases.pickOrder')}>
          <div data-testid="new-case-order">
          <Select
            showSearch
            value={orderId ?? undefined}
            placeholder={t('cases.searchOrder')}
            filterOption={false}
            onSearch={setSearch}
            onChange={setOrderId}
            options={orderOptions.length || !detail.data ? orderOptions : [{ value: detail.data.order.id, label: detail.data.order.platformOrderNo }]}
          />
          </div>
        </Form.Item>
        {af?.blockedZh && <Alert type="warning" showIcon message={af.blockedZh} style={{ marginBottom: 12 }} />}
        <Form.Item label={t('cases.type')}>
          <div data-testid="new-case-type">
            <Select value={type} onChange={setType} options={(af?.caseTypes ?? CASE_TYPES).map((x) => ({ value: x, label: typeLabel(x) }))} />
          </div>
        </Form.Item>
        <Form.Item label={t('cases.reason')}>
          <div data-testid="new-case-reason">
            <Select value={reason} onChange={setReason} options={(af?.reasons ?? []).map((r) => ({ value: r, label: r }))} />
          </div>
        </Form.Item>
        <Form.Item label={t('cases.amount')} extra={af ? t('cases.refundable', { v: money(af.refundable ?? af.refundableYuan, af.currency) }) : undefined}>
          <InputNumber min={0.01} max={af?.refundable ?? af?.refundableYuan} addonAfter={af?.currency && af.currency !== 'CNY' ? af.currency : undefined} step={1} precision={2} value={amount} onChange={(v) => setAmount(v)} style={{ width: 200 }} data-testid="new-case-amount" />
        </Form.Item>
        <Form.Item label={t('cases.note')}>
          <Input.TextArea rows={2} maxLength={1000} value={note} onChange={(e) => setNote(e.target.value)} />
        </Form.Item>
        {error && <Alert type="error" showIcon message={error} data-testid="new-case-error" />}
      </Form>
    </Modal>
  );
}

function CaseDrawer({ id, onClose, onChanged }: { id: string; onClose: () => void; onChanged: () => void }) {
  const detail = useApi<CaseDetail>(`/cases/${encodeURIComponent(id)}`);
  const [picked, setPicked] = useState<CaseChoiceView | null>(null);
  const c = detail.data?.case;
  const refresh = () => {
    detail.reload();
    onChanged();
  };
  const groups = useMemo(() => {
    const by: Record<string, CaseChoiceView[]> = {};
    for (const ch of c?.choices ?? []) (by[ch.actor] ??= []).push(ch);
    return (['seller', 'buyer', 'platform'] as const).filter((a) => by[a]?.length).map((a) => [a, by[a]!] as const);
  }, [c]);

  return (
    <Drawer open width={720} title={t('cases.detail')} onClose={onClose} data-testid="case-drawer" destroyOnHidden>
      {!c ? (
        detail.error ? <LoadError error={detail.error} /> : <Spin />
      ) : (
        <Space direction="vertical" size="middle" style={{ width: '100%' }}>
          <Descriptions size="small" column={2} bordered>
            <Descriptions.Item label={t('cases.type')}>{typeLabel(c.type)}</Descriptions.Item>
            <Descriptions.Item label={t('cases.state')}><span data-testid="case-state">{c.state}</span></Descriptions.Item>
            <Descriptions.Item label={t('cases.order')}>
              <Button type="link" size="small" style={{ padding: 0 }} onClick={() => navigate(`/orders?orderId=${encodeURIComponent(c.orderId)}`)} data-testid="case-open-order">
                {c.platformOrderNo}
              </Button>
            </Descriptions.Item>
            <Descriptions.Item label={t('cases.buyer')}>
              {c.buyerName ?? '—'}{' '}
              {c.conversationId ? (
                <Button type="link" size="small" onClick={() => navigate(`/inbox/${encodeURIComponent(c.conversationId!)}`)} data-testid="case-open-chat">
                  {t('cases.openChat')}
                </Button>
              ) : (
                <Typography.Text type="secondary">{t('cases.noChat')}</Typography.Text>
              )}
            </Descriptions.Item>
            <Descriptions.Item label={t('cases.reason')}>{c.reason}</Descriptions.Item>
            <Descriptions.Item label={t('cases.amount')}>{money(c.amountMinor / 100, c.currency)}</Descriptions.Item>
            {c.returnTrackingNo && <Descriptions.Item label={t('cases.returnTrackingNo')}><span data-testid="case-return-tracking">{c.returnTrackingNo}</span></Descriptions.Item>}
            {c.invoiceZh && <Descriptions.Item label={t('cases.invoice')}>{c.invoiceZh}</Descriptions.Item>}
            {c.inspection && (
              <Descriptions.Item label={t('cases.inspection')} span={2}>
                <span data-testid="case-inspection">
                  {String(c.inspection.finding ?? '')}
                  {typeof c.inspection.servicePoint === 'string' && c.inspection.servicePoint && (
                    <> · {t('cases.inspection.servicePoint')}：<span data-testid="case-service-point">{c.inspection.servicePoint}</span></>
                  )}
                  {typeof c.inspection.serviceReportNo === 'string' && c.inspection.serviceReportNo && <> · {t('cases.inspection.serviceReportNo')}：{c.inspection.serviceReportNo}</>}
                </span>
              </Descriptions.Item>
            )}
            {c.shipment && (
              <Descriptions.Item label={t('cases.shipment')} span={2}>
                <span data-testid="case-shipment">{String(c.shipment.courier ?? '')} {String(c.shipment.trackingNo ?? '')}</span>
              </Descriptions.Item>
            )}
          </Descriptions>

          {c.flowStates.length > 0 && (
            <Card size="small" title={t('cases.flow')}>
              <Steps
                size="small"
                current={Math.max(0, c.flowStates.indexOf(c.flowStep ?? ''))}
                status={c.closedAt ? 'finish' : 'process'}
                items={c.flowStates.map((s) => ({ title: s }))}
                data-testid="case-flow"
              />
              <div style={{ marginTop: 8 }} data-testid="case-flow-step">{c.flowStep}</div>
            </Card>
          )}

          {(c.exposure?.advice ?? c.intervention?.adviceZh) && <Alert type="warning" showIcon message={c.exposure?.advice ?? c.intervention?.adviceZh} />}
          {c.timeLimits.length > 0 && (
            <Card size="small" title={t('cases.deadline')} data-testid="case-time-limits">
              {c.timeLimits.map((l) => (
                <div key={l.kind} style={{ fontSize: 12, color: l.deadline?.state === 'missed' ? '#cf1322' : l.at ? '#d46b08' : '#888' }} data-testid={`case-limit-${l.kind}`} data-state={l.deadline?.state ?? 'unset'}>
                  {l.deadline && <Tag color={l.deadline.state === 'missed' ? 'red' : l.deadline.state === 'warned' ? 'orange' : 'blue'}>{l.labelZh} · {t(`cases.limitState.${l.deadline.state}` as MessageKey)}</Tag>}
                  {l.textZh}
                  {l.exposureMinor > 0 && !l.textZh.includes('涉及') && <span> · {t('cases.limitExposure', { v: money(l.exposureMinor / 100, l.currency) })}</span>}
                </div>
              ))}
            </Card>
          )}
          {c.guidanceZh.length > 0 && (
            <Alert type="info" showIcon message={t('cases.guidance')} description={<ul style={{ margin: 0, paddingLeft: 18 }}>{c.guidanceZh.map((g) => <li key={g}>{g}</li>)}</ul>} data-testid="case-guidance" />
          )}

          <Card size="small" title={t('pen.record.mismatch')}>
            <MismatchRecorder caseId={c.id} />
          </Card>

          <Card size="small" title={t('cases.choices')}>
            {groups.length === 0 ? (
              <Typography.Text type="secondary">{t('cases.noChoices')}</Typography.Text>
            ) : (
              groups.map(([actor, list]) => (
                <div key={actor} style={{ marginBottom: 8 }}>
                  <Typography.Text type="secondary">{t(`cases.actor.${actor}` as MessageKey)}</Typography.Text>
                  <List
                    size="small"
                    dataSource={list}
                    renderItem={(ch) => (
                      <List.Item
                        data-testid={`choice-${ch.event}`}
                        actions={[
                          <Button key="go" size="small" type={ch.actor === 'seller' ? 'primary' : 'default'} onClick={() => setPicked(ch)} data-testid={`choose-${ch.event}`}>
                            {ch.labelZh}
                          </Button>,
                        ]}
                      >
                        <div style={{ fontSize: 12 }}>
                          <div>{t('cases.money')}：<span data-testid="choice-money">{ch.money.textZh}</span></div>
                          {ch.deadline && <div>{t('cases.deadline')}：{ch.deadline.textZh}</div>}
                          {ch.invoiceZh && <div>{ch.invoiceZh}</div>}
                        </div>
                      </List.Item>
                    )}
                  />
                </div>
              ))
            )}
          </Card>

          <EvidenceCard c={c} evidence={detail.data!.evidence} onAdded={detail.reload} />

          <Card size="small" title={t('cases.timeline')}>
            <Timeline
              items={detail.data!.timeline.map((e) => ({
                children: (
                  <div style={{ fontSize: 12 }}>
                    {new Date(e.at).toLocaleString()} · <span data-testid="timeline-event">{e.eventLabelZh}</span> → {e.toState}
                    {e.note && <div style={{ color: '#666' }}>{e.note}</div>}
                  </div>
                ),
              }))}
            />
          </Card>
        </Space>
      )}
      {picked && c && (
        <ChoiceModal
          c={c}
          choice={picked}
          onClose={() => setPicked(null)}
          onDone={() => {
            message.success(t('cases.done', { label: picked.labelZh }));
            setPicked(null);
            refresh();
          }}
        />
      )}
    </Drawer>
  );
}

function ChoiceModal({ c, choice, onClose, onDone }: { c: CaseRow; choice: CaseChoiceView; onClose: () => void; onDone: () => void }) {
  const [form] = Form.useForm();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [branded, setBranded] = useState(false);

  const submit = async () => {
    setError(null);
    const v = (await form.validateFields().catch(() => null)) as Record<string, string | boolean | undefined> | null;
    if (!v) return;
    const clean = (o: Record<string, unknown>) => Object.fromEntries(Object.entries(o).filter(([, x]) => x !== undefined && x !== ''));
    const body: Record<string, unknown> = { event: choice.event };
    if (v.note) body.note = v.note;
    if (choice.record === 'parcel') {
      body.parcel = clean({ platformOrderNo: v.platformOrderNo, applicationNo: v.applicationNo, buyerName: v.buyerName, contact: v.contact, returnTrackingNo: v.returnTrackingNo, courier: v.courier });
    } else if (choice.record === 'inspection') {
      body.inspection = clean({ finding: v.finding, cause: v.cause, branded, servicePoint: v.servicePoint, serviceReportNo: v.serviceReportNo });
    } else if (choice.record === 'shipment') {
      body.shipment = clean({ courier: v.shipCourier, trackingNo: v.trackingNo });
    }
    setBusy(true);
    try {
      await post(`/cases/${encodeURIComponent(c.id)}/transition`, body);
      onDone();
    } catch (e) {
      setError(errorText(e));
    } finally {
      setBusy(false);
    }
  };

  const field = (name: string, label: MessageKey, required = true) => (
    <Form.Item name={name} label={t(label)} rules={required ? [{ required: true, message: t(label) }] : []}>
      <Input data-testid={`field-${name}`} />
    </Form.Item>
  );

  return (
    <Modal open title={t('cases.confirm', { label: choice.labelZh })} onCancel={onClose} onOk={submit} confirmLoading={busy} okButtonProps={{ 'data-testid': 'choice-confirm' } as ButtonProps}>
      <Alert type="warning" showIcon style={{ marginBottom: 12 }} message={choice.money.textZh} description={choice.deadline?.textZh} data-testid="choice-implication" />
      {choice.invoiceZh && <Alert type="info" style={{ marginBottom: 12 }} message={choice.invoiceZh} />}
      {choice.guidanceZh.length > 0 && (
        <Alert type="info" style={{ marginBottom: 12 }} message={t('cases.guidance')} description={<ul style={{ margin: 0, paddingLeft: 18 }}>{choice.guidanceZh.map((g) => <li key={g}>{g}</li>)}</ul>} />
      )}
      <Form form={form} layout="vertical">
        {choice.record === 'parcel' && (
          <>
            <Typography.Text strong>{t('cases.parcel')}</Typography.Text>
            {field('platformOrderNo', 'cases.parcel.platformOrderNo')}
            {field('applicationNo', 'cases.parcel.applicationNo')}
            {field('buyerName', 'cases.parcel.buyerName')}
            {field('contact', 'cases.parcel.contact')}
            {field('returnTrackingNo', 'cases.parcel.returnTrackingNo')}
            {field('courier', 'cases.parcel.courier', false)}
          </>
        )}
        {choice.record === 'inspection' && (
          <>
            <Typography.Text strong>{t('cases.inspection')}</Typography.Text>
            {field('finding', 'cases.inspection.finding')}
            <Form.Item name="cause" label={t('cases.inspection.cause')}>
              <Select allowClear options={CAUSES.map((x) => ({ value: x, label: t(`cases.cause.${x}` as MessageKey) }))} />
            </Form.Item>
            <Checkbox checked={branded} onChange={(e) => setBranded(e.target.checked)} style={{ marginBottom: 12 }} data-testid="field-branded">
              {t('cases.inspection.branded')}
            </Checkbox>
            {branded && (
              <>
                {field('servicePoint', 'cases.inspection.servicePoint', false)}
                {field('serviceReportNo', 'cases.inspection.serviceReportNo', false)}
              </>
            )}
          </>
        )}
        {choice.record === 'shipment' && (
          <>
            <Typography.Text strong>{t('cases.shipment')}</Typography.Text>
            {field('shipCourier', 'cases.shipment.courier')}
            {field('trackingNo', 'cases.shipment.trackingNo')}
          </>
        )}
        <Form.Item name="note" label={t('cases.note')}>
          <Input.TextArea rows={2} maxLength={1000} data-testid="field-note" />
        </Form.Item>
      </Form>
      {error && <Alert type="error" showIcon message={error} data-testid="choice-error" />}
    </Modal>
  );
}

function EvidenceCard({ c, evidence, onAdded }: { c: CaseRow; evidence: CaseEvidenceItemView[]; onAdded: () => void }) {
  const [kind, setKind] = useState<(typeof EVIDENCE_KINDS)[number]>('photo');
  const [text, setText] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const send = async (body: Record<string, unknown>) => {
    setBusy(true);
    setError(null);
    try {
      await api('POST', `/cases/${encodeURIComponent(c.id)}/evidence`, body);
      message.success(t('cases.evidence.added'));
      setText('');
      onAdded();
    } catch (e) {
      setError(errorText(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Card
      size="small"
      title={t('cases.evidence')}
      extra={
        <Button size="small" onClick={() => download(`/cases/${encodeURIComponent(c.id)}/evidence?format=html`, `evidence-case-${c.id}.html`).catch((e: unknown) => message.error(errorText(e)))}>
          {t('cases.evidence.bundle')}
        </Button>
      }
      data-testid="case-evidence"
    >
      {evidence.length === 0 ? (
        <Typography.Text type="secondary">{t('cases.evidence.none')}</Typography.Text>
      ) : (
        <List
          size="small"
          dataSource={evidence}
          renderItem={(e) => (
            <List.Item data-testid="evidence-item">
              <Space>
                <Tag>{t(`cases.evidence.kind.${e.kind}` as MessageKey)}</Tag>
                <Button type="link" size="small" onClick={() => download(`/cases/${encodeURIComponent(c.id)}/evidence/${encodeURIComponent(e.id)}`, e.fileName).catch((err: unknown) => message.error(errorText(err)))}>
                  {e.fileName}
                </Button>
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>{Math.ceil(e.sizeBytes / 1024)} KB · SHA-256 {e.sha256.slice(0, 12)}…</Typography.Text>
              </Space>
            </List.Item>
          )}
        />
      )}
      <Space direction="vertical" style={{ width: '100%', marginTop: 8 }}>
        <Space>
          <span data-testid="evidence-kind">
            <Select value={kind} onChange={setKind} style={{ width: 140 }} options={EVIDENCE_KINDS.map((k) => ({ value: k, label: t(`cases.evidence.kind.${k}` as MessageKey) }))} />
          </span>
          {kind !== 'chat_excerpt' && (
            <Upload
              showUploadList={false}
              beforeUpload={(file) => {
                void fileToBase64(file).then((b64) => send({ kind, fileName: file.name, contentBase64: b64 }));
                return false;
              }}
            >
              <Button loading={busy} data-testid="evidence-file">{t('cases.evidence.file')}</Button>
            </Upload>
          )}
        </Space>
        {kind !== 'photo' && (
          <Space.Compact style={{ width: '100%' }}>
            <Input.TextArea rows={2} value={text} onChange={(e) => setText(e.target.value)} placeholder={t('cases.evidence.text')} data-testid="evidence-text" />
            <Button onClick={() => send({ kind, text })} disabled={!text.trim()} loading={busy} data-testid="evidence-add">
              {t('cases.evidence.add')}
            </Button>
          </Space.Compact>
        )}
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>{t('cases.evidence.limits')}</Typography.Text>
        {error && <Alert type="error" showIcon message={error} data-testid="evidence-error" />}
      </Space>
    </Card>
  );
}

