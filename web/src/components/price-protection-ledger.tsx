// S2: the shop-wide 价保 ledger of the 订单 screen. Every claim recorded on the agent's shops (or
// one shop) in the last N days, pending ones first — money promised to a buyer and not yet paid —
// with the totals per status, so a lead sees at a glance what 价保 costs and what is still owed.
// A row opens its order in the drawer, where the claim is settled.
import { Alert, Drawer, Segmented, Select, Space, Statistic, Table, Tag, Typography } from 'antd';
import { useEffect, useMemo, useState } from 'react';
import type { PriceProtectionListView } from '../../../src/core/contract/views.js';
import { formatDateTime, t } from '../i18n.js';
import { useApi } from '../lib/use-api.js';
import { LoadError, MissingRoute } from './missing-route.js';

type Status = 'pending' | 'paid' | 'refused' | 'all';
type Row = PriceProtectionListView['items'][number];
const STATUS_COLOR = { pending: 'gold', paid: 'green', refused: 'red' } as const;
const fmt = (v: number) => `¥${v.toFixed(2)}`;

/** `refreshKey` changes when an order drawer opened from here closes (a claim may have been settled there). */
export function PriceProtectionLedger({ shopId, refreshKey, onClose, onOpenOrder }: { shopId: string; refreshKey: number; onClose: () => void; onOpenOrder: (orderId: string) => void }) {
  const [status, setStatus] = useState<Status>('pending');
  const [days, setDays] = useState(90);
  const qs = useMemo(() => {
    const p = new URLSearchParams({ status, days: String(days) });
    if (shopId) p.set('shopId', shopId);
    return p.toString();
  }, [status, days, shopId]);
  const list = useApi<PriceProtectionListView>(`/price-protection-claims?${qs}`);
  const { reload } = list;
  useEffect(() => {
    if (refreshKey > 0) reload();
  }, [refreshKey, reload]);
  const totals = list.data?.totals;
  const label = (s: Exclude<Status, 'all'>) => `${t(`orders.pp.status.${s}`)}${totals ? ` ${totals[s].count}` : ''}`;

  return (
    <Drawer open width={880} title={t('orders.ppLedger.title')} onClose={onClose} data-testid="pp-ledger">
      <Space direction="vertical" style={{ width: '100%' }} size="middle">
        {totals && (
          <Space size="large" wrap data-testid="pp-ledger-totals">
            <Statistic title={t('orders.ppLedger.owed', { n: totals.pending.count })} value={fmt(totals.pending.refundYuan)} valueStyle={{ color: '#d46b08' }} />
            <Statistic title={t('orders.ppLedger.paid', { n: totals.paid.count })} value={fmt(totals.paid.refundYuan)} />
            <Statistic title={t('orders.ppLedger.refused', { n: totals.refused.count })} value={fmt(totals.refused.refundYuan)} valueStyle={{ color: '#8c8c8c' }} />
          </Space>
        )}
        <Space wrap>
          <span data-testid="pp-ledger-status">
            <Segmented<Status>
              value={status}
              onChange={setStatus}
              options={[
                { value: 'pending', label: label('pending') },
                { value: 'paid', label: label('paid') },
                { value: 'refused', label: label('refused') },
                { value: 'all', label: t('common.all') },
              ]}
            />
          </span>
          <span data-testid="pp-ledger-days">
            <Select style={{ width: 140 }} value={days} onChange={setDays} options={[7, 30, 90, 366].map((d) => ({ value: d, label: t('orders.ppLedger.days', { n: d }) }))} />
          </span>
        </Space>
        {list.missing ? (
          <MissingRoute path="/api/v1/price-protection-claims" />
        ) : list.error ? (
          <LoadError error={list.error} />
        ) : (
          <>
            <Table<Row>
              size="small"
              loading={list.loading}
              rowKey={(r) => r.id}
              dataSource={list.data?.items ?? []}
              pagination={{ pageSize: 50, hideOnSinglePage: true }}
              locale={{ emptyText: t('orders.ppLedger.empty') }}
              onRow={(r) => ({ 'data-testid': 'pp-ledger-row', 'data-order': r.platformOrderNo, 'data-status': r.status } as React.HTMLAttributes<HTMLTableRowElement>)}
              columns={[
                { title: t('orders.col.shop'), render: (_, r) => r.shopName, width: 120 },
                {
                  title: t('orders.ppLedger.order'),
                  render: (_, r) => (
                    <Typography.Link onClick={() => onOpenOrder(r.orderId)} data-testid="pp-ledger-open">{r.platformOrderNo}</Typography.Link>
                  ),
                },
                { title: t('orders.ppLedger.line'), render: (_, r) => `${r.lineNo}. ${r.lineTitle}` },
                { title: t('orders.ppLedger.refund'), align: 'right', render: (_, r) => <Typography.Text strong>{fmt(r.refundYuan)}</Typography.Text> },
                { title: t('orders.ppLedger.status'), render: (_, r) => <Tag color={STATUS_COLOR[r.status]}>{t(`orders.pp.status.${r.status}`)}</Tag> },
                {
                  title: t('orders.ppLedger.when'),
                  render: (_, r) => (
                    <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                      {t('orders.pp.by', { by: r.claimedBy ?? '—', at: formatDateTime(r.claimedAt) })}
                      {r.settledAt ? ` · ${t(`orders.pp.status.${r.status}`)} ${formatDateTime(r.settledAt)}` : ''}
                    </Typography.Text>
                  ),
                },
              ]}
            />
            {list.data?.truncated && <Alert type="info" showIcon message={t('orders.ppLedger.truncated')} />}
          </>
        )}
      </Space>
    </Drawer>
  );
}
