// 订单: the orders screen (issue 15). Every order of the agent's shops, filtered by state, deadline,
// money at stake and risk; each risk with its reason — fraud signals before shipping (O4), a
// missing courier pickup scan (虚假发货, O3), an ordered colour or size out of stock (O5); the
// month's refund and dispute rates per shop with the 4 ‰ alert (A8). An unpaid order shows its
// listed price as unpaid, never as ¥0.00; the at-stake total counts open orders only; order states
// read in English in English mode. An order opens in a drawer (`/orders?orderId=`), from which a
// case is opened and a 价保 claim recorded (S2).
import { Alert, Button, Card, Checkbox, Descriptions, Drawer, Input, List, Select, Space, Spin, Table, Tag, Tooltip, Typography, message } from 'antd';
import { errorText, post } from '../lib/api.js';
import { useMemo, useState } from 'react';
import { navigate } from '../lib/router.js';
import { useApi, useNow } from '../lib/use-api.js';
import { isSupervisor, useSession } from '../lib/session.js';
import { FileUpload, type ImportOutcome } from '../components/file-upload.js';
import { duration, formatDateTime, getLocale, logisticsStatusLabel, money, t, type MessageKey } from '../i18n.js';
import { LoadError, MissingRoute } from '../components/missing-route.js';
import { PriceProtectionCard } from '../components/price-protection-card.js';
import { PriceProtectionLedger } from '../components/price-protection-ledger.js';
import type { PriceProtectionView } from '../../../src/core/contract/views.js';
import type { OrderDisruptionView } from '../../../src/core/contract/logistics-disruptions.js';

type Phase = 'unpaid' | 'paid' | 'shipped' | 'signed' | 'succeeded' | 'closed';
const PHASES: Phase[] = ['unpaid', 'paid', 'shipped', 'signed', 'succeeded', 'closed'];
const RISKS = ['fraud', 'fake_shipment', 'stock'] as const;

interface BoardItem {
  order: {
    id: string; shopId: string; platformOrderNo: string; buyerAccount: string | null; state: string; totalYuan: number; paidYuan: number; refundYuan: number;
    currency?: string; totalMinor?: number | null; paidMinor?: number | null;
    shippedAt: string | null; pickedUpAt: string | null; courier: string | null; trackingNo: string | null;
  };
  phase: Phase | null;
  unpaid: boolean;
  shipBy: { dueAt: string; secondsLeft: number; state: string } | null;
  atStakeYuan: number;
  /** O2: the order's currency and its at-stake amount in minor units of it. */
  currency?: string;
  atStakeMinor?: number;
  risks: { kind: (typeof RISKS)[number]; reasonZh: string; atStakeYuan: number | null }[];
  openCaseIds: string[];
}

interface Rates {
  month: string;
  thresholds: { disputeAlertPerMille: number };
  shop: { trades: number; refunds: number; disputes: number; refundRate: number | null; disputePerMille: number | null; alerts: { kind: string; messageZh: string }[] };
  items: { itemId: string | null; title: string; alerts: { kind: string; messageZh: string }[] }[];
}

const fmt = (v: number) => `¥${v.toFixed(2)}`;

/**
 * Issue 15: an order's amount in its own currency (an AliExpress order in USD shows US$…, never
 * converted to yuan and never added into the ¥ totals).
 */
function orderMoney(o: BoardItem['order'], which: 'total' | 'paid'): string {
  const currency = o.currency ?? 'CNY';
  if (currency === 'CNY') return fmt(which === 'total' ? o.totalYuan : o.paidYuan || o.totalYuan);
  const minor = which === 'total' ? o.totalMinor : (o.paidMinor || o.totalMinor);
  return money(minor ?? null, currency);
}

/**
 * O2 (issue 15): the at-stake total per currency of the listed open orders (¥1234.00 · US$56.00),
 * each in its own currency, never converted or added together.
 */
function atStakeText(totals: { atStakeYuan: number; atStake?: { currency: string; minor: number }[] }): string {
  const per = totals.atStake?.length ? totals.atStake : [{ currency: 'CNY', minor: Math.round(totals.atStakeYuan * 100) }];
  return per.map((x) => money(x.minor, x.currency)).join(' · ');
}

export function phaseLabel(phase: Phase | null): string {
  return t(`orders.phase.${phase ?? 'unknown'}` as MessageKey);
}

/** The platform's state name in Chinese mode; the phase in English mode (the name as a tooltip). */
function StateText({ state, phase }: { state: string; phase: Phase | null }) {
  if (getLocale() === 'en') return <Tooltip title={state}><span data-testid="order-state">{phaseLabel(phase)}</span></Tooltip>;
  return <span data-testid="order-state">{state}</span>;
}

function riskColor(kind: string): string {
  return kind === 'fake_shipment' ? 'red' : kind === 'fraud' ? 'volcano' : 'orange';
}

function ShopRates({ shopId, name }: { shopId: string; name: string }) {
  const rates = useApi<Rates>(`/shops/${encodeURIComponent(shopId)}/rates`);
  if (!rates.data) return null;
  const r = rates.data.shop;
  const alerts = [...r.alerts, ...rates.data.items.flatMap((i) => i.alerts.map((a) => ({ ...a, messageZh: `${i.title}：${a.messageZh}` })))];
  const text = t('orders.rates', { r: r.refundRate === null ? '—' : `${(r.refundRate * 100).toFixed(2)}%`, d: r.disputePerMille === null ? '—' : r.disputePerMille.toFixed(2), shop: name });
  return alerts.length > 0 ? (
    <Alert type="error" showIcon message={`${t('orders.rateAlert')} · ${text}`} description={alerts.map((a) => <div key={a.messageZh}>{a.messageZh}</div>)} data-testid="rate-alert" />
  ) : (
    <Typography.Text type="secondary" data-testid="shop-rates">{text}</Typography.Text>
  );
}

/** O4: a marketplace's order export uploaded into one shop (leads only; the shop's platform reads it). */
function UploadOrders({ shopId, onDone }: { shopId: string; onDone: () => void }) {
  return (
    <FileUpload<ImportOutcome>
      path={`/shops/${encodeURIComponent(shopId)}/orders/import`}
      label={t('orders.upload')}
      testId="orders-upload"
      onDone={onDone}
      describe={(r) => {
        const first = r.errors[0];
        return t('orders.upload.done', { i: r.imported, u: r.updated, s: r.skipped }) + (r.errorCount ? t('orders.upload.errors', { n: r.errorCount, l: first?.line ?? 0, r: first?.reason ?? '' }) : '');
      }}
    />
  );
}

export default function OrdersScreen() {
  const { shops, agent } = useSession();
  const [shopId, setShopId] = useState('');
  const [phase, setPhase] = useState<Phase | ''>('');
  const [deadline, setDeadline] = useState<'' | 'overdue' | 'due24h'>('');
  const [exposure, setExposure] = useState(false);
  const [risk, setRisk] = useState<'' | 'any' | (typeof RISKS)[number]>('');
  const [search, setSearch] = useState('');
  const [openId, setOpenId] = useState<string | null>(() => new URLSearchParams(location.search).get('orderId'));
  const [ledger, setLedger] = useState(false);
  const [ledgerRefresh, setLedgerRefresh] = useState(0);
  const now = useNow(1000);
  const qs = useMemo(() => {
    const p = new URLSearchParams();
    if (shopId) p.set('shopId', shopId);
    if (phase) p.set('phase', phase);
    if (deadline) p.set('deadline', deadline);
    if (exposure) p.set('exposure', 'any');
    if (risk) p.set('risk', risk);
    if (search.trim()) p.set('q', search.trim());
    return p.toString();
  }, [shopId, phase, deadline, exposure, risk, search]);
  const board = useApi<{ items: BoardItem[]; totals: { atStakeYuan: number; count: number; atStake?: { currency: string; minor: number }[] } }>(`/orders${qs ? `?${qs}` : ''}`);
  const shopName = (id: string) => shops.find((s) => s.id === id)?.name ?? id;
  const loadedAt = useMemo(() => Date.now(), [board.data]);

  return (
    <div style={{ padding: 16, height: '100%', overflow: 'auto' }} data-testid="orders-screen">
      <Space wrap style={{ marginBottom: 12 }}>
        <Typography.Title level={4} style={{ margin: 0 }}>{t('orders.title')}</Typography.Title>
        <span data-testid="orders-shop"><Select style={{ width: 180 }} value={shopId} onChange={setShopId} options={[{ value: '', label: t('common.all') }, ...shops.map((s) => ({ value: s.id, label: s.name }))]} /></span>
        <span data-testid="filter-phase"><Select style={{ width: 140 }} value={phase} onChange={setPhase}
          options={[{ value: '', label: `${t('orders.filter.state')}：${t('common.all')}` }, ...PHASES.map((p) => ({ value: p, label: phaseLabel(p) }))]} /></span>
        <span data-testid="filter-deadline"><Select style={{ width: 160 }} value={deadline} onChange={setDeadline}
          options={[{ value: '', label: `${t('orders.filter.deadline')}：${t('common.all')}` }, { value: 'overdue', label: t('orders.deadline.overdue') }, { value: 'due24h', label: t('orders.deadline.24h') }]} /></span>
        <span data-testid="filter-risk"><Select style={{ width: 160 }} value={risk} onChange={setRisk}
          options={[{ value: '', label: `${t('orders.filter.risk')}：${t('common.all')}` }, { value: 'any', label: t('orders.col.risk') }, ...RISKS.map((r) => ({ value: r, label: t(`orders.risk.${r}` as MessageKey) }))]} /></span>
        <Checkbox checked={exposure} onChange={(e) => setExposure(e.target.checked)} data-testid="filter-exposure">{t('orders.exposure.any')}</Checkbox>
        <span data-testid="filter-search"><Input.Search allowClear style={{ width: 240 }} placeholder={t('cases.searchOrder')} onSearch={setSearch} /></span>
        <Button onClick={() => setLedger(true)} data-testid="pp-ledger-open-button">{t('orders.ppLedger.open')}</Button>
        {isSupervisor(agent) && (shopId ? <UploadOrders shopId={shopId} onDone={board.reload} /> : <Typography.Text type="secondary" data-testid="orders-upload-hint">{t('orders.upload.pickShop')}</Typography.Text>)}
        {board.data && (
          <Typography.Text strong style={{ color: '#cf1322' }} data-testid="orders-at-stake">
            {t('orders.atStake', { v: atStakeText(board.data.totals) })}
          </Typography.Text>
        )}
      </Space>
      <Space direction="vertical" style={{ width: '100%', marginBottom: 12 }}>
        {(shopId ? shops.filter((s) => s.id === shopId) : shops).map((s) => <ShopRates key={s.id} shopId={s.id} name={s.name} />)}
      </Space>
      {board.loading && !board.data ? (
        <Spin />
      ) : board.missing ? (
        <MissingRoute path="/api/v1/orders" />
      ) : board.error ? (
        <LoadError error={board.error} />
      ) : (
        <Table<BoardItem>
          size="small"
          rowKey={(i) => i.order.id}
          dataSource={board.data?.items ?? []}
          pagination={{ pageSize: 50, hideOnSinglePage: true }}
          locale={{ emptyText: t('orders.empty') }}
          onRow={(i) => ({ 'data-testid': 'order-row', 'data-order': i.order.platformOrderNo } as React.HTMLAttributes<HTMLTableRowElement>)}
          columns={[
            {
              title: t('orders.col.order'), key: 'no',
              render: (_, i) => <Button type="link" size="small" style={{ padding: 0 }} onClick={() => setOpenId(i.order.id)}>{i.order.platformOrderNo}</Button>,
            },
            { title: t('orders.col.shop'), key: 'shop', render: (_, i) => shopName(i.order.shopId) },
            { title: t('orders.col.buyer'), key: 'buyer', render: (_, i) => i.order.buyerAccount ?? '—' },
            { title: t('orders.col.state'), key: 'state', render: (_, i) => <StateText state={i.order.state} phase={i.phase} /> },
            {
              title: t('orders.col.amount'), key: 'amount',
              render: (_, i) => (
                <span data-testid="order-amount" data-currency={i.order.currency ?? 'CNY'}>
                  {i.unpaid ? <Typography.Text type="secondary">{t('orders.unpaid', { v: orderMoney(i.order, 'total') })}</Typography.Text> : orderMoney(i.order, 'paid')}
                  {i.order.currency && i.order.currency !== 'CNY' && <Tag style={{ marginLeft: 4 }}>{i.order.currency}</Tag>}
                </span>
              ),
            },
            {
              title: t('orders.col.deadline'), key: 'deadline',
              render: (_, i) => {
                if (!i.shipBy || i.phase !== 'paid') return '—';
                const left = i.shipBy.secondsLeft - (now - loadedAt) / 1000;
                return <Tag color={left <= 0 ? 'red' : left < 24 * 3600 ? 'orange' : 'green'}>{left <= 0 ? t('orders.deadline.overdue') : duration(left)}</Tag>;
              },
            },
            {
              title: t('orders.col.exposure'), key: 'stake',
              render: (_, i) => {
                const minor = i.atStakeMinor ?? Math.round(i.atStakeYuan * 100);
                return minor > 0 ? <Typography.Text type="danger" data-testid="order-at-stake">{money(minor, i.currency ?? 'CNY')}</Typography.Text> : '—';
              },
            },
            {
              title: t('orders.col.risk'), key: 'risk',
              render: (_, i) => (
                <Space direction="vertical" size={2}>
                  {i.risks.map((r) => (
                    <div key={r.kind} data-testid={`risk-${r.kind}`}>
                      <Tag color={riskColor(r.kind)}>{t(`orders.risk.${r.kind}` as MessageKey)}</Tag>
                      <div style={{ fontSize: 12, maxWidth: 420 }}>{r.reasonZh}</div>
                    </div>
                  ))}
                </Space>
              ),
            },
            {
              title: t('orders.col.actions'), key: 'actions',
              render: (_, i) => (
                <Space>
                  {i.phase !== 'unpaid' && i.phase !== 'closed' && (
                    <Button size="small" onClick={() => navigate(`/cases?orderId=${encodeURIComponent(i.order.id)}`)} data-testid="order-open-case">{t('orders.openCase')}</Button>
                  )}
                  {i.openCaseIds.map((id) => (
                    <Button key={id} size="small" type="link" onClick={() => navigate(`/cases?caseId=${encodeURIComponent(id)}`)}>{t('cases.detail')}</Button>
                  ))}
                </Space>
              ),
            },
          ]}
        />
      )}
      {ledger && <PriceProtectionLedger shopId={shopId} refreshKey={ledgerRefresh} onClose={() => setLedger(false)} onOpenOrder={(id) => setOpenId(id)} />}
      {openId && (
        <OrderDrawer
          id={openId}
          onClose={() => {
            setOpenId(null);
            if (ledger) setLedgerRefresh((n) => n + 1);
          }}
        />
      )}
    </div>
  );
}

interface OrderDetail {
  order: BoardItem['order'] & {
    paidAt: string | null; receiverName: string | null; region: string | null;
    receiverPhone: string | null; receiverAddress: string | null; buyerNote: string | null;
    /** C9: the confirmation with the buyer an agent recorded. */
    verifiedAt?: string | null; verifiedBy?: string | null; verificationNote?: string | null;
  };
  lines: { id: string; title: string; colour: string | null; size: string | null; qty: number; priceYuan: number }[];
  logistics: { id: number; at: string; status: string; text: string }[];
  fraud: { signals: { kind: string; detailZh: string }[]; adviceZh: string };
  stockWarnings: { sku: string; level: string; messageZh: string }[];
  fakeShipment: { reasonZh: string } | null;
  exposure: { advice: string; late: boolean } | null;
  compensationPaidAt: string | null;
  cases: { id: string; type: string; state: string }[];
  /** C8: an unpaid order's wait for a 改价; null: not unpaid. */
  priceChangeHold: { awaiting: boolean; byAgent: boolean } | null;
  /** S2: the 价保 card (rule, window, prefilled lines, claims). */
  priceProtection: PriceProtectionView;
  /** O7: the disruption the parcel in transit is caught in (shop's 物流异常 or a holiday span). */
  disruption?: OrderDisruptionView | null;
}

function OrderDrawer({ id, onClose }: { id: string; onClose: () => void }) {
  const d = useApi<OrderDetail>(`/orders/${encodeURIComponent(id)}`);
  const o = d.data?.order;
  const [saving, setSaving] = useState(false);
  // C8: mark the unpaid order as awaiting a 改价 (honoured like the buyer's request in chat), or end the wait.
  const setAwaiting = async (awaiting: boolean) => {
    setSaving(true);
    try {
      await post(`/orders/${encodeURIComponent(id)}/price-change-await`, { awaiting });
      void message.success(t(awaiting ? 'orders.priceChange.marked' : 'orders.priceChange.unmarked'));
      d.reload();
    } catch (e) {
      void message.error(errorText(e));
    } finally {
      setSaving(false);
    }
  };
  // N2: the late-shipment compensation was paid to the buyer; before the platform rules this waives the points.
  const compensationPaid = async () => {
    setSaving(true);
    try {
      await post(`/orders/${encodeURIComponent(id)}/compensation-paid`, {});
      void message.success(t('orders.compensationPaid.done'));
      d.reload();
    } catch (e) {
      void message.error(errorText(e));
    } finally {
      setSaving(false);
    }
  };
  // C9: record that the order was confirmed with the buyer, as it is or with their corrections/notes.
  const [verifyNote, setVerifyNote] = useState('');
  const recordVerification = async (outcome: 'confirmed' | 'corrected') => {
    setSaving(true);
    try {
      await post(`/orders/${encodeURIComponent(id)}/verification`, { outcome, ...(verifyNote.trim() ? { note: verifyNote.trim() } : {}) });
      void message.success(t('orders.verify.done'));
      setVerifyNote('');
      d.reload();
    } catch (e) {
      void message.error(errorText(e));
    } finally {
      setSaving(false);
    }
  };
  const hold = d.data?.priceChangeHold ?? null;
  return (
    <Drawer open width={640} title={o?.platformOrderNo ?? t('orders.title')} onClose={onClose} data-testid="order-drawer">
      {!d.data || !o ? (
        d.error ? <LoadError error={d.error} /> : <Spin />
      ) : (
        <Space direction="vertical" style={{ width: '100%' }}>
          <Descriptions size="small" column={2} bordered>
            <Descriptions.Item label={t('orders.col.state')}>{o.state}</Descriptions.Item>
            <Descriptions.Item label={t('orders.col.buyer')}>{o.buyerAccount ?? '—'}</Descriptions.Item>
            <Descriptions.Item label={t('orders.shippedAt')}>{o.shippedAt ? formatDateTime(o.shippedAt) : '—'}</Descriptions.Item>
            <Descriptions.Item label={t('orders.pickup')}>
              {o.pickedUpAt ? formatDateTime(o.pickedUpAt) : <Typography.Text type="warning">{t('orders.noPickup')}</Typography.Text>}
            </Descriptions.Item>
          </Descriptions>
          {d.data.disruption && (
            <Alert
              type="warning"
              showIcon
              data-testid="order-disruption"
              message={`${t('orders.disruption')}：${d.data.disruption.phraseZh}（${d.data.disruption.from} — ${d.data.disruption.to}，${t(d.data.disruption.source === 'shop' ? 'orders.disruption.shop' : 'orders.disruption.calendar')}）`}
              description={d.data.disruption.recoveryZh}
            />
          )}
          {d.data.fakeShipment && <Alert type="error" showIcon message={t('orders.risk.fake_shipment')} description={d.data.fakeShipment.reasonZh} data-testid="order-fake-shipment" />}
          {d.data.fraud.signals.length > 0 && (
            <Alert type="warning" showIcon message={t('orders.risk.fraud')} description={<>{d.data.fraud.signals.map((s) => <div key={s.kind}>{s.detailZh}</div>)}<div>{d.data.fraud.adviceZh}</div></>} />
          )}
          {d.data.stockWarnings.map((w) => <Alert key={w.sku} type={w.level === 'out' ? 'error' : 'warning'} message={w.messageZh} />)}
          {d.data.exposure && (
            <Alert
              type="info"
              message={d.data.exposure.advice}
              action={d.data.exposure.late && !d.data.compensationPaidAt ? <Button size="small" loading={saving} onClick={compensationPaid} data-testid="order-compensation-paid">{t('orders.compensationPaid')}</Button> : undefined}
            />
          )}
          {hold?.awaiting && (
            <Alert type="warning" showIcon message={t('orders.priceChange.awaiting')} description={t(hold.byAgent ? 'orders.priceChange.byAgent' : 'orders.priceChange.byBuyer')} data-testid="order-price-change-hold" />
          )}
          <Card
            size="small"
            title={t('orders.verify.title')}
            extra={o.verifiedAt ? <Tag color="green" data-testid="order-verified">{t('orders.verify.verified', { at: formatDateTime(o.verifiedAt), by: o.verifiedBy ?? '' })}</Tag> : <Tag>{t('orders.verify.notYet')}</Tag>}
            data-testid="order-verify"
          >
            <Descriptions size="small" column={1}>
              <Descriptions.Item label={t('orders.verify.receiver')}>{[o.receiverName, o.receiverPhone, o.receiverAddress].filter(Boolean).join(' · ') || '—'}</Descriptions.Item>
              <Descriptions.Item label={t('orders.verify.buyerNote')}>{o.buyerNote || '—'}</Descriptions.Item>
              {o.verificationNote && (
                <Descriptions.Item label={t('orders.verify.memo')}>
                  <Typography.Text style={{ whiteSpace: 'pre-wrap' }} data-testid="order-verify-memo">{o.verificationNote}</Typography.Text>
                </Descriptions.Item>
              )}
            </Descriptions>
            <Space.Compact style={{ width: '100%' }}>
              <Input
                value={verifyNote}
                maxLength={500}
                placeholder={t('orders.verify.placeholder')}
                onChange={(e) => setVerifyNote(e.target.value)}
                data-testid="order-verify-note"
              />
              <Button loading={saving} onClick={() => void recordVerification('confirmed')} data-testid="order-verify-confirmed">{t('orders.verify.confirmed')}</Button>
              <Button loading={saving} disabled={!verifyNote.trim()} onClick={() => void recordVerification('corrected')} data-testid="order-verify-corrected">{t('orders.verify.corrected')}</Button>
            </Space.Compact>
          </Card>
          <PriceProtectionCard orderId={o.id} view={d.data.priceProtection} onChanged={d.reload} />
          <Card size="small" title={t('orders.lines')}>
            <List size="small" dataSource={d.data.lines} renderItem={(l) => <List.Item>{l.title} {[l.colour, l.size].filter(Boolean).join(' / ')} × {l.qty} · {fmt(l.priceYuan)}</List.Item>} />
          </Card>
          <Card size="small" title={t('orders.logistics')}>
            <List size="small" dataSource={d.data.logistics} renderItem={(l) => <List.Item>{formatDateTime(l.at)} · {logisticsStatusLabel(l.status)} · {l.text}</List.Item>} />
          </Card>
          <Space>
            <Button type="primary" onClick={() => navigate(`/cases?orderId=${encodeURIComponent(o.id)}`)}>{t('orders.openCase')}</Button>
            {hold && (
              <Button loading={saving} onClick={() => void setAwaiting(!hold.awaiting)} data-testid="order-price-change-toggle">
                {t(hold.awaiting ? 'orders.priceChange.unmark' : 'orders.priceChange.mark')}
              </Button>
            )}
            {d.data.cases.map((c) => (
              <Button key={c.id} onClick={() => navigate(`/cases?caseId=${encodeURIComponent(c.id)}`)}>{c.state}</Button>
            ))}
          </Space>
        </Space>
      )}
    </Drawer>
  );
}
