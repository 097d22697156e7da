// The side panel: buyer profile (masked exactly as the API returns it), orders with states and
// deadlines, money at stake, promises made in this chat (D8) and after-sales cases with next steps.
import { Card, Descriptions, Empty, List, Statistic, Tag, Typography } from 'antd';
import type { BuyerProfile, ConversationDetail, OrderDetail as OrderExtra, OrderSummary } from '../lib/types.js';
import { duration, t, yuan } from '../i18n.js';
import { useApi, useNow } from '../lib/use-api.js';

/** Deadlines and exposure of one order from GET /orders/:id (N5); nothing while that route is missing. */
function OrderDeadlines({ orderId, now }: { orderId: string; now: number }) {
  const res = useApi<OrderExtra>(`/orders/${encodeURIComponent(orderId)}`);
  const open = (res.data?.deadlines ?? []).filter((d) => d.state === undefined || d.state === 'pending' || d.state === 'warned');
  const exposure = res.data?.exposure;
  return (
    <>
      {open.map((d, i) => {
        const left = (Date.parse(d.dueAt) - now) / 1000;
        return (
          <div key={i} style={{ fontSize: 12 }} data-testid="side-deadline">
            <Tag color={left < 0 ? 'red' : left < 6 * 3600 ? 'orange' : 'default'}>
              {d.labelZh ?? d.kind} {left < 0 ? t('side.overdue') : t('side.deadline', { t: duration(left) })}
            </Tag>
          </div>
        );
      })}
      {exposure && ((exposure.nowYuan ?? 0) > 0 || (exposure.atNextDeadlineYuan ?? 0) > 0) && (
        <div style={{ fontSize: 12, color: '#cf1322' }}>
          {t('cases.exposure')} ¥{(exposure.nowYuan ?? 0).toFixed(2)} · {t('cases.atNext', { v: `¥${(exposure.atNextDeadlineYuan ?? 0).toFixed(2)}` })}
        </div>
      )}
    </>
  );
}

function moneyAtStake(orders: OrderSummary[]): number {
  return orders.reduce((sum, o) => sum + (o.paidFen ?? o.totalFen ?? 0) - (o.refundFen ?? 0), 0);
}

export function SidePanel({ detail }: { detail: ConversationDetail }) {
  const now = useNow(30_000);
  const buyer: Partial<BuyerProfile> = detail.buyer ?? {};
  const orders = detail.orders ?? [];
  const promises = detail.promises ?? [];
  const cases = detail.cases ?? [];
  return (
    <div style={{ width: 320, overflowY: 'auto', borderLeft: '1px solid #e8e8e8', padding: 8, background: '#f7f7f7' }} data-testid="side-panel">
      <Card size="small" title={t('side.buyer')} style={{ marginBottom: 8 }}>
        <Descriptions size="small" column={1}>
          <Descriptions.Item label={t('side.nickname')}>{buyer.nickname ?? detail.conversation.buyer.nickname ?? t('common.none')}</Descriptions.Item>
          <Descriptions.Item label={t('side.account')}>{buyer.platformAccount ?? detail.conversation.buyer.platformAccount ?? t('common.none')}</Descriptions.Item>
          <Descriptions.Item label={t('side.phone')}>
            <span data-testid="buyer-phone">{buyer.phone ?? t('common.none')}</span>
          </Descriptions.Item>
          <Descriptions.Item label={t('side.address')}>{buyer.address ?? t('common.none')}</Descriptions.Item>
          {buyer.city && <Descriptions.Item label={t('side.city')}>{buyer.city}</Descriptions.Item>}
          {buyer.tags && buyer.tags.length > 0 && (
            <Descriptions.Item label={t('side.tags')}>
              {buyer.tags.map((tag) => (
                <Tag key={tag}>{tag}</Tag>
              ))}
            </Descriptions.Item>
          )}
          {buyer.notes && <Descriptions.Item label={t('side.notes')}>{buyer.notes}</Descriptions.Item>}
        </Descriptions>
      </Card>
      <Card size="small" title={t('side.orders')} style={{ marginBottom: 8 }} extra={<Statistic title={t('side.atStake')} value={yuan(moneyAtStake(orders))} valueStyle={{ fontSize: 14, color: '#cf1322' }} />}>
        {orders.length === 0 ? (
          <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('side.noOrders')} />
        ) : (
          <List
            size="small"
            dataSource={orders}
            renderItem={(o) => (
              <List.Item style={{ display: 'block' }} data-testid="side-order">
                <div>
                  <Typography.Text copyable={{ text: o.platformOrderNo ?? o.id }} style={{ fontSize: 12 }}>
                    {o.platformOrderNo ?? o.id}
                  </Typography.Text>
                </div>
                <Tag color="blue">{o.state}</Tag> {yuan(o.paidFen ?? o.totalFen)}
                {(o.lines ?? []).slice(0, 2).map((l, i) => (
                  <div key={i} style={{ fontSize: 12, color: '#666' }}>
                    {l.title} {[l.colour, l.size].filter(Boolean).join('/')} ×{l.qty ?? 1}
                  </div>
                ))}
                <OrderDeadlines orderId={o.id} now={now} />
              </List.Item>
            )}
          />
        )}
      </Card>
      <Card size="small" title={t('side.promises')} style={{ marginBottom: 8 }}>
        {promises.length === 0 ? (
          <Typography.Text type="secondary">{t('side.noPromises')}</Typography.Text>
        ) : (
          promises.map((p) => (
            <div key={p.id} style={{ marginBottom: 4 }} data-testid="side-promise">
              <Tag color={p.state === 'broken' ? 'red' : p.state === 'kept' ? 'green' : 'gold'}>{t(`side.promise.${p.state}`)}</Tag>
              {p.text}
            </div>
          ))
        )}
      </Card>
      <Card size="small" title={t('side.cases')}>
        {cases.length === 0 ? (
          <Typography.Text type="secondary">{t('side.noCases')}</Typography.Text>
        ) : (
          cases.map((c) => (
            <div key={c.id} style={{ marginBottom: 6 }}>
              <Tag color="magenta">{c.state}</Tag> {yuan(c.amountFen)}
              {c.reason && <span style={{ fontSize: 12, color: '#666' }}> {c.reason}</span>}
            </div>
          ))
        )}
      </Card>
    </div>
  );
}
