// S2: the 价保 card of the order drawer. Per order line the agent sees the paid price, the red
// packets (红包) and shop coupon (店铺券) used — prefilled where the order has them, editable — and
// the price now; the refundable difference is computed as they type by the same core function the
// server applies, under the shop's platform rule (named in Chinese). Recording a claim and marking
// it paid or refused go to the server, which checks the rule again (once per item, the JD window).
import { Alert, Button, Card, Input, InputNumber, List, Select, Space, Tag, Typography, message } from 'antd';
import { useState } from 'react';
import type { PriceProtectionClaimInput } from '../../../src/core/contract/orders.js';
import type { PriceProtectionClaimView, PriceProtectionView } from '../../../src/core/contract/views.js';
import { assessPriceProtection } from '../../../src/core/money/price-protection.js';
import { errorText, post } from '../lib/api.js';
import { formatDateTime, t, type MessageKey } from '../i18n.js';

const fmt = (v: number) => `¥${v.toFixed(2)}`;
const toFen = (v: number | null) => Math.round((v ?? 0) * 100);
const STATUS_COLOR = { pending: 'gold', paid: 'green', refused: 'red' } as const;

function LineForm({ orderId, view, line, onChanged }: { orderId: string; view: PriceProtectionView; line: PriceProtectionView['lines'][number]; onChanged: () => void }) {
  const [paid, setPaid] = useState<number | null>(line.paidYuan);
  const [redPacket, setRedPacket] = useState<number | null>(line.redPacketYuan ?? 0);
  const [coupon, setCoupon] = useState<number | null>(line.shopCouponYuan ?? 0);
  const [newPrice, setNewPrice] = useState<number | null>(line.newPriceYuan);
  const [note, setNote] = useState('');
  const [saving, setSaving] = useState(false);
  const rule = view.rule;
  const assessed = assessPriceProtection(
    {
      paidFen: toFen(paid), redPacketFen: toFen(redPacket), newPriceFen: toFen(newPrice), shopCouponFen: toFen(coupon),
      claimsSoFar: line.claimsSoFar, paidAt: view.paidAt, signedAt: view.signedAt, now: new Date().toISOString(),
    },
    rule,
  );
  const ready = paid !== null && newPrice !== null;
  const record = async () => {
    if (paid === null || newPrice === null) return;
    setSaving(true);
    try {
      const body: PriceProtectionClaimInput = {
        lineNo: line.lineNo, paidYuan: paid, redPacketYuan: redPacket ?? 0, shopCouponYuan: coupon ?? 0, newPriceYuan: newPrice,
        ...(note.trim() ? { note: note.trim() } : {}),
      };
      await post(`/orders/${encodeURIComponent(orderId)}/price-protection`, body);
      void message.success(t('orders.pp.claimed'));
      setNote('');
      onChanged();
    } catch (e) {
      void message.error(errorText(e));
    } finally {
      setSaving(false);
    }
  };
  const amount = (label: MessageKey, value: number | null, set: (v: number | null) => void, id: string, counted = true) => (
    <Space direction="vertical" size={0}>
      <Typography.Text type="secondary">{t(label)}{counted ? '' : `（${t('orders.pp.notCounted')}）`}</Typography.Text>
      <InputNumber min={0} max={1_000_000} step={1} precision={2} prefix="¥" value={value} onChange={(v) => set(v)} disabled={!counted} data-testid={`pp-${id}`} style={{ width: 120 }} />
    </Space>
  );
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Space wrap align="end">
        {amount('orders.pp.paid', paid, setPaid, 'paid')}
        {amount('orders.pp.redPacket', redPacket, setRedPacket, 'red-packet', rule.include_red_packets)}
        {amount('orders.pp.shopCoupon', coupon, setCoupon, 'shop-coupon', rule.subtract_shop_coupon)}
        {amount('orders.pp.newPrice', newPrice, setNewPrice, 'new-price')}
      </Space>
      {ready && (
        assessed.allowed
          ? <Alert type="success" showIcon message={t('orders.pp.refund', { v: fmt(assessed.refundFen / 100) })} data-testid="pp-difference" />
          : <Alert type="warning" showIcon message={assessed.reasonZh} data-testid="pp-difference" />
      )}
      <Space.Compact style={{ width: '100%' }}>
        <Input value={note} maxLength={500} placeholder={t('orders.pp.note')} onChange={(e) => setNote(e.target.value)} data-testid="pp-note" />
        <Button type="primary" loading={saving} disabled={!ready || !assessed.allowed} onClick={() => void record()} data-testid="pp-record">{t('orders.pp.claim')}</Button>
      </Space.Compact>
    </Space>
  );
}

function ClaimItem({ orderId, claim, onChanged }: { orderId: string; claim: PriceProtectionClaimView; onChanged: () => void }) {
  const [saving, setSaving] = useState(false);
  const settle = async (status: 'paid' | 'refused') => {
    setSaving(true);
    try {
      await post(`/orders/${encodeURIComponent(orderId)}/price-protection/${encodeURIComponent(claim.id)}`, { status });
      void message.success(t('orders.pp.settled'));
      onChanged();
    } catch (e) {
      void message.error(errorText(e));
    } finally {
      setSaving(false);
    }
  };
  return (
    <List.Item
      data-testid="pp-claim"
      actions={claim.status === 'pending' ? [
        <Button key="paid" size="small" loading={saving} onClick={() => void settle('paid')} data-testid="pp-mark-paid">{t('orders.pp.markPaid')}</Button>,
        <Button key="refused" size="small" danger loading={saving} onClick={() => void settle('refused')} data-testid="pp-mark-refused">{t('orders.pp.markRefused')}</Button>,
      ] : []}
    >
      <Space direction="vertical" size={0}>
        <span>
          <Tag color={STATUS_COLOR[claim.status]} data-testid="pp-claim-status">{t(`orders.pp.status.${claim.status}`)}</Tag>
          {t('orders.pp.claimLine', {
            line: claim.lineTitle, paid: fmt(claim.paidYuan), rp: fmt(claim.redPacketYuan), sc: fmt(claim.shopCouponYuan), now: fmt(claim.newPriceYuan), refund: fmt(claim.refundYuan),
          })}
        </span>
        <Typography.Text type="secondary">
          {t('orders.pp.by', { by: claim.claimedBy ?? '—', at: formatDateTime(claim.claimedAt) })}
          {claim.settledAt ? ` · ${t(`orders.pp.status.${claim.status}`)} ${claim.settledBy ?? ''} ${formatDateTime(claim.settledAt)}` : ''}
          {claim.note ? ` · ${claim.note}` : ''}
        </Typography.Text>
      </Space>
    </List.Item>
  );
}

export function PriceProtectionCard({ orderId, view, onChanged }: { orderId: string; view: PriceProtectionView; onChanged: () => void }) {
  const [lineNo, setLineNo] = useState<number | null>(view.lines[0]?.lineNo ?? null);
  const line = view.lines.find((l) => l.lineNo === lineNo) ?? view.lines[0];
  const windowText = view.windowEndsAt
    ? t('orders.pp.window', { at: formatDateTime(view.windowEndsAt) })
    : view.rule.window_days !== null && view.rule.window_from === 'signed' && !view.signedAt ? t('orders.pp.windowNotStarted') : null;
  return (
    <Card size="small" title={t('orders.pp.title')} data-testid="order-price-protection">
      <Space direction="vertical" style={{ width: '100%' }}>
        <Typography.Text data-testid="pp-rule">{view.ruleZh}</Typography.Text>
        {windowText && <Typography.Text type="secondary" data-testid="pp-window">{windowText}</Typography.Text>}
        {!view.rule.supported ? null : view.blockedZh ? (
          <Alert type="info" message={view.blockedZh} />
        ) : !line ? (
          <Typography.Text type="secondary">{t('orders.pp.noLines')}</Typography.Text>
        ) : (
          <>
            {view.lines.length > 1 && (
              <Select
                value={line.lineNo}
                onChange={(v) => setLineNo(v)}
                options={view.lines.map((l) => ({ value: l.lineNo, label: `${l.title} × ${l.qty}` }))}
                data-testid="pp-line"
                style={{ width: '100%' }}
              />
            )}
            {view.lines.length === 1 && <Typography.Text strong>{line.title} × {line.qty}</Typography.Text>}
            <LineForm key={`${line.lineNo}:${line.claimsSoFar}:${view.claims.length}`} orderId={orderId} view={view} line={line} onChanged={onChanged} />
          </>
        )}
        {view.claims.length > 0 && (
          <List size="small" header={t('orders.pp.claims')} dataSource={view.claims} renderItem={(c) => <ClaimItem orderId={orderId} claim={c} onChanged={onChanged} />} />
        )}
      </Space>
    </Card>
  );
}
