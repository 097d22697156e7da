// 售后: after-sales cases by state, each with the countdown to the 72 h platform intervention and
// the exposure in yuan (A, N5). Shows an empty state with a note while the route is not deployed.
import { Card, Col, Empty, Row, Select, Spin, Statistic, Tag, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { useApi, useNow } from '../lib/use-api.js';
import { useSession } from '../lib/session.js';
import type { CaseRow } from '../lib/types.js';
import { duration, t, type MessageKey } from '../i18n.js';
import { LoadError, MissingRoute } from '../components/missing-route.js';

const INTERVENTION_MS = 72 * 3600_000;

function interventionAt(c: CaseRow): number {
  return c.intervention?.at ? Date.parse(c.intervention.at) : Date.parse(c.openedAt) + INTERVENTION_MS;
}

function amountYuan(c: CaseRow): number {
  return c.amountYuan;
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

function typeLabel(type: string): string {
  const key = `cases.type.${type}`;
  return ['refund_only', 'return', 'exchange', 'repair'].includes(type) ? t(key as MessageKey) : type;
}

export default function CasesScreen() {
  const { shops } = useSession();
  const [shopId, setShopId] = useState<string>('');
  const q = shopId ? `?shopId=${encodeURIComponent(shopId)}` : '';
  const cases = useApi<{ items: CaseRow[] }>(`/cases${q}`);
  const exposure = useApi<{ total: unknown }>(`/exposure${q}`);
  const total = totalOf(exposure.data?.total);
  const now = useNow(1000);

  const columns = useMemo(() => {
    const byState = new Map<string, CaseRow[]>();
    for (const c of cases.data?.items ?? []) {
      const key = c.state;
      byState.set(key, [...(byState.get(key) ?? []), c]);
    }
    for (const list of byState.values()) list.sort((a, b) => interventionAt(a) - interventionAt(b));
    return [...byState.entries()];
  }, [cases.data]);

  return (
    <div style={{ padding: 16, height: '100%', overflow: 'auto' }} data-testid="cases-screen">
      <div style={{ display: 'flex', alignItems: 'center', gap: 16, marginBottom: 12 }}>
        <Typography.Title level={4} style={{ margin: 0 }}>{t('cases.title')}</Typography.Title>
        <Select
          style={{ width: 200 }}
          value={shopId}
          onChange={setShopId}
          options={[{ value: '', label: t('common.all') }, ...shops.map((s) => ({ value: s.id, label: s.name }))]}
        />
        {total && (
          <Statistic
            value={t('cases.totalExposure', { v: fmt(total.now) }) + (total.next !== null ? ` · ${t('cases.atNext', { v: fmt(total.next) })}` : '')}
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
                    <Card key={c.id} size="small" style={{ marginBottom: 8 }} data-testid="case-card">
                      <div style={{ display: 'flex', justifyContent: 'space-between' }}>
                        <Tag color="magenta">{typeLabel(c.type)}</Tag>
                        <Typography.Text strong style={{ color: '#cf1322' }}>
                          {t('cases.exposure')} {fmt(c.exposure?.nowYuan ?? 0)}
                        </Typography.Text>
                      </div>
                      <div style={{ fontSize: 12, margin: '4px 0' }}>
                        {t('cases.order')}：{c.platformOrderNo ?? c.orderId}
                      </div>
                      {c.reason && <div style={{ fontSize: 12 }}>{t('cases.reason')}：{c.reason}</div>}
                      <div style={{ fontSize: 12 }}>{t('cases.amount')}：{fmt(amountYuan(c))}</div>
                      {c.exposure?.atNextDeadlineYuan !== undefined && (
                        <div style={{ fontSize: 12 }}>{t('cases.atNext', { v: fmt(c.exposure.atNextDeadlineYuan) })}</div>
                      )}
                      <Tag color={left <= 0 ? 'red' : left < 12 * 3600 ? 'orange' : 'green'} style={{ marginTop: 4 }} data-testid="case-countdown">
                        {left <= 0 ? t('cases.intervened') : t('cases.countdown', { t: duration(left) })}
                      </Tag>
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
    </div>
  );
}
