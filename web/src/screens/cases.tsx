// 售后: after-sales cases by state, each with the countdown to the 72 h platform intervention and
// the exposure in yuan (A, N5). Shows an empty state with a note while the route is not deployed.
import { Card, Col, Empty, Row, Select, Spin, Statistic, Tag, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { useApi, useNow } from '../lib/use-api.js';
import { useSession } from '../lib/session.js';
import type { CaseSummary } from '../lib/types.js';
import { duration, t, yuan, type MessageKey } from '../i18n.js';
import { LoadError, MissingRoute } from '../components/missing-route.js';

const INTERVENTION_MS = 72 * 3600_000;

function interventionAt(c: CaseSummary): number {
  return c.interventionAt ? Date.parse(c.interventionAt) : Date.parse(c.openedAt) + INTERVENTION_MS;
}

function typeLabel(type: string): string {
  const key = `cases.type.${type}`;
  return ['refund_only', 'return', 'exchange', 'repair'].includes(type) ? t(key as MessageKey) : type;
}

export default function CasesScreen() {
  const { shops } = useSession();
  const [shopId, setShopId] = useState<string>('');
  const q = shopId ? `?shopId=${encodeURIComponent(shopId)}` : '';
  const cases = useApi<{ items: CaseSummary[] }>(`/cases${q}`);
  const exposure = useApi<{ total: number }>(`/exposure${q}`);
  const now = useNow(1000);

  const columns = useMemo(() => {
    const byState = new Map<string, CaseSummary[]>();
    for (const c of cases.data?.items ?? []) {
      const key = c.stateZh ?? c.state;
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
        {exposure.data && (
          <Statistic value={t('cases.totalExposure', { v: `¥${exposure.data.total.toFixed(2)}` })} valueStyle={{ fontSize: 16, color: '#cf1322' }} />
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
                          {c.exposureYuan !== undefined ? `¥${c.exposureYuan.toFixed(2)}` : yuan(c.amountFen)}
                        </Typography.Text>
                      </div>
                      <div style={{ fontSize: 12, margin: '4px 0' }}>
                        {t('cases.order')}：{c.platformOrderNo ?? c.orderId}
                      </div>
                      {c.reason && <div style={{ fontSize: 12 }}>{t('cases.reason')}：{c.reason}</div>}
                      <div style={{ fontSize: 12 }}>{t('cases.amount')}：{yuan(c.amountFen)}</div>
                      <Tag color={left <= 0 ? 'red' : left < 12 * 3600 ? 'orange' : 'green'} style={{ marginTop: 4 }} data-testid="case-countdown">
                        {left <= 0 ? t('cases.intervened') : t('cases.countdown', { t: duration(left) })}
                      </Tag>
                      {c.nextStepZh && <div style={{ fontSize: 12, color: '#666' }}>{t('side.next', { s: c.nextStepZh })}</div>}
                      {c.adviceZh && <div style={{ fontSize: 12, color: '#d46b08' }}>{t('cases.advice')}：{c.adviceZh}</div>}
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
