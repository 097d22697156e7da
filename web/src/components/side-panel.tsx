// The side panel: buyer profile (masked exactly as the API returns it), orders with states and
// deadlines, money at stake, promises made in this chat (D8: state from the order's events, due
// time, the points a broken one costs, settled by hand when no event shows it) and after-sales
// cases with next steps.
import { App, Button, Card, Descriptions, Empty, List, Statistic, Tag, Typography } from 'antd';
import type { BuyerProfile, ChatPromise, ConversationDetail, Correction, Message, OrderDetail as OrderExtra } from '../lib/types.js';
import { IntentRelabel } from './intent-relabel.js';
import { deadlineLabel, duration, money, orderStateLabel, t, yuan, type MessageKey } from '../i18n.js';
import { accountLabel } from '../lib/queue.js';
import { moneyAtStake, orderAmount } from '../lib/order-money.js';
import { errorText, post } from '../lib/api.js';
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
              {deadlineLabel(d.kind, d.labelZh)} {left < 0 ? t('side.overdue') : t('side.deadline', { t: duration(left) })}
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

const KIND_KEYS: Record<string, MessageKey> = {
  gift: 'side.promise.kind.gift',
  invoice: 'side.promise.kind.invoice',
  freight: 'side.promise.kind.freight',
  discount: 'side.promise.kind.discount',
  return: 'side.promise.kind.return',
  repair: 'side.promise.kind.repair',
  courier: 'side.promise.kind.courier',
  delivery_time: 'side.promise.kind.delivery_time',
  other: 'side.promise.kind.other',
};

/** D8: the points still exposed by open promises (the platform's figure for a broken one). */
function PromiseRisk({ promises }: { promises: ChatPromise[] }) {
  const points = promises.filter((p) => p.state === 'open').reduce((sum, p) => sum + (p.points ?? 0), 0);
  if (points === 0) return null;
  return (
    <Typography.Text type="danger" style={{ fontSize: 12 }} data-testid="promise-risk">
      {t('side.promiseRisk', { n: points })}
    </Typography.Text>
  );
}

/** One promise: state, kind, text, due time, exposure, how it was settled; open ones can be settled by hand. */
function PromiseLine({ p, now, onSettled }: { p: ChatPromise; now: number; onSettled?: () => void }) {
  const { message: toast } = App.useApp();
  const left = p.dueAt ? (Date.parse(p.dueAt) - now) / 1000 : null;
  const settle = async (state: 'kept' | 'broken') => {
    try {
      await post(`/promises/${encodeURIComponent(p.id)}/settle`, { state });
      onSettled?.();
    } catch (e) {
      void toast.error(errorText(e));
    }
  };
  const color = p.state === 'broken' ? 'red' : p.state === 'kept' ? 'green' : p.state === 'void' ? 'default' : 'gold';
  return (
    <div style={{ marginBottom: 6 }} data-testid="side-promise" data-state={p.state}>
      <Tag color={color}>{t(`side.promise.${p.state}`)}</Tag>
      <Tag>{KIND_KEYS[p.kind] ? t(KIND_KEYS[p.kind]!) : p.kind}</Tag>
      {p.text}
      <div style={{ fontSize: 12, color: '#666' }}>
        {p.state === 'open' && left !== null && (
          <Tag color={left < 0 ? 'red' : left < 6 * 3600 ? 'orange' : 'default'} data-testid="promise-due">
            {left < 0 ? t('side.promiseOverdue') : t('side.promiseDue', { t: duration(left) })}
          </Tag>
        )}
        {p.state === 'open' && !p.orderId && <Tag>{t('side.promiseNoOrder')}</Tag>}
        {p.state !== 'void' && p.state !== 'kept' && (
          <span style={{ color: '#cf1322' }} data-testid="promise-exposure">
            {(p.points ?? 0) > 0 ? t('side.promiseExposure', { n: p.points ?? 0 }) : t('side.promiseExposureNone')}
          </span>
        )}
        {p.settledNote && <span> · {p.settledNote}</span>}
      </div>
      {p.state === 'open' && (
        <div>
          <Button size="small" type="link" onClick={() => void settle('kept')} data-testid="promise-keep">{t('side.promiseKeep')}</Button>
          <Button size="small" type="link" danger onClick={() => void settle('broken')}>{t('side.promiseBreak')}</Button>
        </div>
      )}
    </div>
  );
}

/** How many of the bot-answered buyer messages before a take-over are offered for relabel. */
const OFFERED = 5;

/**
 * Issue 12: the buyer messages the bot answered before a person took the chat over (the last
 * stretch of bot turns before the first agent turn after them), newest last.
 */
export function takenOverMessages(messages: readonly Message[]): Message[] {
  let end = messages.length;
  // The stretch ends where a person first answered after the bot.
  const lastBot = messages.findLastIndex((m) => m.authorKind === 'bot');
  if (lastBot < 0) return [];
  const agentAfter = messages.findIndex((m, i) => i > lastBot && m.authorKind === 'agent');
  if (agentAfter >= 0) end = agentAfter;
  const answered: Message[] = [];
  for (let i = 0; i < end; i++) {
    const m = messages[i]!;
    if (m.authorKind !== 'buyer') continue;
    const next = messages.slice(i + 1, end).find((x) => x.authorKind !== 'buyer');
    if (next?.authorKind === 'bot') answered.push(m);
  }
  return answered.slice(-OFFERED);
}

function RelabelOffer({
  detail,
  messages,
  corrections,
  onRelabelled,
}: {
  detail: ConversationDetail;
  messages: readonly Message[];
  corrections: ReadonlyMap<number, Correction>;
  onRelabelled: (c: Correction) => void;
}) {
  const c = detail.conversation;
  // Offered once a person holds the chat (taken over); every bubble can be relabelled at any time.
  if (c.status !== 'assigned') return null;
  const offered = takenOverMessages(messages);
  if (offered.length === 0) return null;
  return (
    <Card size="small" title={t('relabel.offerTitle')} style={{ marginBottom: 8 }} data-testid="relabel-offer">
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>{t('relabel.offerHint')}</Typography.Text>
      {offered.map((m) => (
        <div key={m.id} style={{ marginTop: 6, fontSize: 12 }} data-testid="relabel-offer-item">
          <Typography.Text ellipsis style={{ display: 'block', maxWidth: 290 }}>{m.text}</Typography.Text>
          <IntentRelabel m={m} correction={corrections.get(m.id)} conversationId={c.id} onRelabelled={onRelabelled} />
        </div>
      ))}
    </Card>
  );
}

export function SidePanel({
  detail,
  onChanged,
  messages,
  corrections,
  onRelabelled,
}: {
  detail: ConversationDetail;
  onChanged?: () => void;
  messages?: readonly Message[];
  corrections?: ReadonlyMap<number, Correction>;
  onRelabelled?: (c: Correction) => void;
}) {
  const now = useNow(30_000);
  const buyer: Partial<BuyerProfile> = detail.buyer ?? {};
  const orders = detail.orders ?? [];
  const promises = detail.promises ?? [];
  const cases = detail.cases ?? [];
  return (
    <div style={{ width: 320, overflowY: 'auto', borderLeft: '1px solid #e8e8e8', padding: 8, background: '#f7f7f7' }} data-testid="side-panel">
      {onRelabelled && (
        <RelabelOffer detail={detail} messages={messages ?? detail.messages} corrections={corrections ?? new Map()} onRelabelled={onRelabelled} />
      )}
      <Card size="small" title={t('side.buyer')} style={{ marginBottom: 8 }}>
        <Descriptions size="small" column={1}>
          <Descriptions.Item label={t('side.nickname')}>{buyer.nickname ?? detail.conversation.buyer.nickname ?? t('common.none')}</Descriptions.Item>
          <Descriptions.Item label={t('side.account')}>{accountLabel(buyer.platformAccount ?? detail.conversation.buyer.platformAccount, (code) => t('inbox.webVisitor', { id: code })) ?? t('common.none')}</Descriptions.Item>
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
      <Card size="small" title={t('side.orders')} style={{ marginBottom: 8 }} extra={<Statistic title={t('side.atStake')} value={moneyAtStake(orders).map((m) => money(m.minor, m.currency)).join(' + ')} valueStyle={{ fontSize: 14, color: '#cf1322' }} data-testid="side-at-stake" />}>
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
                <Tag color={o.phase === 'closed' ? 'default' : 'blue'} data-testid="side-order-state">{orderStateLabel(o.state, o.phase)}</Tag>{' '}
                <span data-testid="side-order-amount">{orderAmount(o)}</span>
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
      <Card size="small" title={t('side.promises')} style={{ marginBottom: 8 }} extra={<PromiseRisk promises={promises} />}>
        {promises.length === 0 ? (
          <Typography.Text type="secondary">{t('side.noPromises')}</Typography.Text>
        ) : (
          promises.map((p) => <PromiseLine key={p.id} p={p} now={now} onSettled={onChanged} />)
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
