// N2–N4 on the dashboard: per shop the points charged and at stake in the counting period
// (serious apart), what paying first saved, the compensation still owed, Tmall's removal line
// ("还差 N 分将被清退") with a warning when close, and every entry with its source and status.
import { useState } from 'react';
import { Alert, Button, Card, Col, Empty, Row, Select, Space, Spin, Statistic, Table, Tag, Tooltip, Typography, message } from 'antd';
import type { PenaltyEntryView, PenaltyLedgersView, ShopLedgerViewContract } from '../../../src/core/contract/penalties.js';
import { formatBeijing } from '../../../src/core/time/beijing-time.js';
import { errorText, post } from '../lib/api.js';
import { isSupervisor, useSession } from '../lib/session.js';
import { useApi } from '../lib/use-api.js';
import { money, t, type MessageKey } from '../i18n.js';
import { LoadError } from './missing-route.js';

const STATUS_COLOUR = { exposure: 'orange', incurred: 'red', waived: 'green', dismissed: 'default' } as const;
const REMOVAL_ALERT = { ok: 'info', warning: 'warning', removed: 'error' } as const;

function owed(l: ShopLedgerViewContract): string {
  const by = new Map<string, number>();
  for (const e of l.entries) if (e.status !== 'waived' && e.compensationMinor > 0) by.set(e.currency, (by.get(e.currency) ?? 0) + e.compensationMinor);
  return by.size === 0 ? money(0) : [...by].map(([c, m]) => money(m, c)).join(' + ');
}

/** N2: a lead records the platform's ruling on a complaint about a sent violation or a broken promise. */
function RulingButtons({ e, onDone }: { e: PenaltyEntryView; onDone: () => void }) {
  if (e.source !== 'released_reply' && e.source !== 'broken_promise') return null;
  const send = async (upheld: boolean) => {
    try {
      await post('/penalties/ruling', { source: e.source, subjectId: e.subjectId, upheld });
      void message.success(t('pen.ruling.saved'));
      onDone();
    } catch (err) {
      void message.error(errorText(err));
    }
  };
  return (
    <Space size={4}>
      <Button size="small" danger onClick={() => void send(true)} data-testid="ruling-upheld">{t('pen.ruling.upheld')}</Button>
      <Button size="small" onClick={() => void send(false)} data-testid="ruling-dismissed">{t('pen.ruling.dismissed')}</Button>
    </Space>
  );
}

/** N2: a lead records a deduction the platform notified that the product cannot see. */
function ManualEntry({ l, onDone }: { l: ShopLedgerViewContract; onDone: () => void }) {
  const [category, setCategory] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  if (l.categories.length === 0) return null;
  const save = async () => {
    if (!category) return;
    setBusy(true);
    try {
      await post(`/shops/${encodeURIComponent(l.shopId)}/penalties`, { category });
      void message.success(t('pen.manual.saved'));
      setCategory(null);
      onDone();
    } catch (err) {
      void message.error(errorText(err));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Space style={{ marginTop: 12 }} wrap data-testid="penalty-manual">
      <Select
        style={{ width: 360 }}
        placeholder={t('pen.manual.category')}
        value={category}
        onChange={setCategory}
        options={l.categories.map((c) => ({ value: c.key, label: `${c.title}（${c.points} 分）` }))}
      />
      <Button onClick={save} loading={busy} disabled={!category}>{t('pen.manual.record')}</Button>
    </Space>
  );
}

function ShopLedger({ l, multi, lead, onChanged }: { l: ShopLedgerViewContract; multi: boolean; lead: boolean; onChanged: () => void }) {
  const period = l.period.labelZh;
  return (
    <Card size="small" style={{ marginTop: 12 }} data-testid="penalty-ledger" title={`${multi ? `${l.shopName} · ` : ''}${t('pen.title', { period })}`}>
      {l.removal.level !== 'none' ? (
        <Alert style={{ marginBottom: 12 }} type={REMOVAL_ALERT[l.removal.level]} showIcon message={l.removal.textZh} data-testid="removal-risk" />
      ) : null}
      <Row gutter={12}>
        <Col span={6}><Statistic title={t('pen.incurred')} value={`${l.incurred.serious} / ${l.incurred.general}`} /></Col>
        <Col span={6}><Statistic title={t('pen.exposure')} value={`${l.exposure.serious} / ${l.exposure.general}`} /></Col>
        <Col span={6}><Statistic title={t('pen.waived')} value={l.waived} /></Col>
        <Col span={6}><Statistic title={t('pen.atStake')} value={owed(l)} /></Col>
      </Row>
      {l.entries.length === 0 ? (
        <Empty description={t('pen.empty')} />
      ) : (
        <Table<PenaltyEntryView>
          size="small"
          style={{ marginTop: 12 }}
          rowKey={(e) => `${e.source}:${e.subjectId}:${e.ruleId}`}
          pagination={{ pageSize: 10, hideOnSinglePage: true }}
          dataSource={l.entries}
          columns={[
            { title: t('pen.col.at'), render: (_, e) => formatBeijing(e.at) },
            { title: t('pen.col.source'), render: (_, e) => t(`pen.source.${e.source}` as MessageKey) },
            { title: t('pen.col.rule'), render: (_, e) => <Tooltip title={e.ruleId}>{e.titleZh}</Tooltip> },
            {
              title: t('pen.col.points'),
              render: (_, e) => (
                <span>
                  {e.points}
                  {e.serious ? <Tag color="red" style={{ marginLeft: 6 }}>{t('pen.serious')}</Tag> : null}
                </span>
              ),
            },
            { title: t('pen.col.status'), render: (_, e) => <Tag color={STATUS_COLOUR[e.status]}>{t(`pen.status.${e.status}` as MessageKey)}</Tag> },
            { title: t('pen.col.money'), render: (_, e) => (e.compensationMinor > 0 ? money(e.compensationMinor, e.currency) : '—') },
            { title: t('pen.col.order'), render: (_, e) => (e.orderId ? (l.orderNos[e.orderId] ?? '—') : '—') },
            { title: t('pen.col.note'), render: (_, e) => <Typography.Text type="secondary">{e.noteZh}</Typography.Text> },
            ...(lead ? [{ title: t('pen.col.ruling'), key: 'ruling', render: (_: unknown, e: PenaltyEntryView) => <RulingButtons e={e} onDone={onChanged} /> }] : []),
          ]}
        />
      )}
      {lead ? <ManualEntry l={l} onDone={onChanged} /> : null}
    </Card>
  );
}

/** The ledgers of the chosen shop, or of every shop the caller may see. */
export function PenaltyLedgers({ shopId }: { shopId: string }) {
  const r = useApi<PenaltyLedgersView>(`/penalties${shopId ? `?shopId=${encodeURIComponent(shopId)}` : ''}`);
  const { agent } = useSession();
  if (r.error) return <LoadError error={r.error} />;
  if (!r.data) return <Spin />;
  const list = r.data.shops;
  return <>{list.map((l) => <ShopLedger key={l.shopId} l={l} multi={list.length > 1} lead={isSupervisor(agent)} onChanged={r.reload} />)}</>;
}
