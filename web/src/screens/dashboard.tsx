// 数据: the T1 figures for the chosen range, per agent / shop / day with ECharts; supervisors also
// see idle agents (T2), inconsistent answers (T3) and 质检 scores per agent over time. T1 also
// shows recommendations made (C6), complaints and DSR; every shop's penalty-points ledger and removal
// risk (N2–N4). Code-split: ECharts loads only here.
import { useMemo, useState } from 'react';
import { Alert, Card, Col, DatePicker, Empty, List, Row, Segmented, Select, Space, Spin, Statistic, Table, Tag, Typography } from 'antd';
import type { StoreFiguresView } from '../../../src/core/contract/buyers.js';
import type { EChartsCoreOption } from 'echarts/core';
import { useApi } from '../lib/use-api.js';
import { isSupervisor, useSession } from '../lib/session.js';
import type { Figures, MetricsResponse } from '../lib/metrics-types.js';
import { duration, intentLabel, percent, t, yuan, type MessageKey } from '../i18n.js';
import { Chart } from '../components/chart.js';
import { LoadError, MissingRoute } from '../components/missing-route.js';
import { PenaltyLedgers } from '../components/penalty-ledger.js';

type GroupBy = MetricsResponse['groupBy'];
const DAY = 86400_000;

const CARDS: { key: MessageKey; value: (f: Figures) => string }[] = [
  { key: 'dash.firstResponseP50', value: (f) => duration(f.firstResponseP50) },
  { key: 'dash.firstResponseP90', value: (f) => duration(f.firstResponseP90) },
  { key: 'dash.avgResponse', value: (f) => duration(f.avgResponse) },
  { key: 'dash.conversion', value: (f) => percent(f.inquiryConversion) },
  { key: 'dash.aov', value: (f) => yuan(f.aovFen) },
  { key: 'dash.refundRate', value: (f) => percent(f.refundRate) },
  { key: 'dash.disputeRate', value: (f) => percent(f.disputeRate) },
  { key: 'dash.interceptions', value: (f) => String(f.interceptions) },
  { key: 'dash.botResolution', value: (f) => percent(f.botResolution) },
  { key: 'dash.handover', value: (f) => percent(f.handoverRate) },
  { key: 'dash.conversations', value: (f) => String(f.conversations) },
  { key: 'dash.recommendations', value: (f) => String(f.recommendations) },
  { key: 'dash.recommendationRate', value: (f) => percent(f.recommendationRate) },
  { key: 'dash.complaints', value: (f) => String(f.complaints) },
  { key: 'dash.dsr', value: (f) => dsrText(f.dsr) },
];

function dsrText(d: Figures['dsr']): string {
  return d ? `${d.description.toFixed(2)} / ${d.service.toFixed(2)} / ${d.logistics.toFixed(2)}` : '—';
}

/** T1 per group (agent / shop / day): the figures side by side. */
function GroupTable({ m }: { m: MetricsResponse }) {
  return (
    <Table
      size="small"
      rowKey="key"
      pagination={false}
      data-testid="figure-groups"
      dataSource={m.groups}
      scroll={{ x: true }}
      columns={[
        { title: t('dash.col.group'), dataIndex: 'label' },
        { title: t('dash.conversations'), key: 'c', render: (_: unknown, g: MetricsResponse['groups'][number]) => g.figures.conversations },
        { title: t('dash.firstResponseP50'), key: 'f', render: (_: unknown, g: MetricsResponse['groups'][number]) => duration(g.figures.firstResponseP50) },
        { title: t('dash.conversion'), key: 'v', render: (_: unknown, g: MetricsResponse['groups'][number]) => percent(g.figures.inquiryConversion) },
        { title: t('dash.aov'), key: 'a', render: (_: unknown, g: MetricsResponse['groups'][number]) => yuan(g.figures.aovFen) },
        { title: t('dash.recommendations'), key: 'r', render: (_: unknown, g: MetricsResponse['groups'][number]) => g.figures.recommendations },
        { title: t('dash.refundRate'), key: 'rf', render: (_: unknown, g: MetricsResponse['groups'][number]) => percent(g.figures.refundRate) },
        { title: t('dash.disputeRate'), key: 'd', render: (_: unknown, g: MetricsResponse['groups'][number]) => percent(g.figures.disputeRate) },
        { title: t('dash.dsr'), key: 'dsr', render: (_: unknown, g: MetricsResponse['groups'][number]) => dsrText(g.figures.dsr) },
        { title: t('dash.complaints'), key: 'cp', render: (_: unknown, g: MetricsResponse['groups'][number]) => g.figures.complaints },
        { title: t('dash.interceptions'), key: 'i', render: (_: unknown, g: MetricsResponse['groups'][number]) => g.figures.interceptions },
      ]}
    />
  );
}

/** 质检 scores per agent over the range (supervisors); the supervisor's reviewed score beside. */
function QualityPanel({ m }: { m: MetricsResponse }) {
  const rows = m.quality ?? [];
  return (
    <Card size="small" title={t('dash.quality')} style={{ marginTop: 12 }} data-testid="quality-trend">
      {rows.length === 0 ? (
        <Typography.Text type="secondary">{t('dash.noQuality')}</Typography.Text>
      ) : (
        <Table
          size="small"
          rowKey="agentId"
          pagination={false}
          dataSource={rows}
          columns={[
            { title: t('training.col.trainee'), dataIndex: 'agentName' },
            { title: t('dash.col.chats'), dataIndex: 'chats' },
            { title: t('dash.col.avg'), dataIndex: 'averageScore' },
            { title: t('dash.col.reviewed'), dataIndex: 'reviewed' },
            {
              title: t('dash.col.trend'), key: 'trend', render: (_: unknown, r: NonNullable<MetricsResponse['quality']>[number]) => (
                <Space wrap size={2}>
                  {r.points.map((p) => (
                    <Tag key={p.key} color={p.averageScore >= 80 ? 'green' : p.averageScore >= 60 ? 'orange' : 'red'}>
                      {p.key.slice(5)}: {p.averageScore}{p.reviewedScore !== null ? `（复核 ${p.reviewedScore}）` : ''}
                    </Tag>
                  ))}
                </Space>
              ),
            },
          ]}
        />
      )}
    </Card>
  );
}

export default function DashboardScreen() {
  const { shops, agent } = useSession();
  const [groupBy, setGroupBy] = useState<GroupBy>('day');
  const [shopId, setShopId] = useState('');
  const [range, setRange] = useState<[number, number]>(() => {
    const end = Date.now();
    return [end - 7 * DAY, end];
  });
  const params = new URLSearchParams({ from: new Date(range[0]).toISOString(), to: new Date(range[1]).toISOString(), groupBy });
  if (shopId) params.set('shopId', shopId);
  const metrics = useApi<MetricsResponse>(`/metrics?${params.toString()}`);
  const m = metrics.data;

  const trend = useMemo<EChartsCoreOption | null>(() => {
    if (!m) return null;
    return {
      tooltip: { trigger: 'axis' },
      legend: { top: 0, data: [t('dash.firstResponseP50'), t('dash.firstResponseP90'), t('dash.conversion')] },
      grid: { left: 48, right: 48, top: 48, bottom: 28 },
      xAxis: { type: 'category', data: m.groups.map((g) => g.label) },
      yAxis: [{ type: 'value', name: '秒' }, { type: 'value', name: '%', max: 100 }],
      series: [
        { name: t('dash.firstResponseP50'), type: 'bar', data: m.groups.map((g) => g.figures.firstResponseP50 ?? 0), itemStyle: { color: '#ff7a45' } },
        { name: t('dash.firstResponseP90'), type: 'bar', data: m.groups.map((g) => g.figures.firstResponseP90 ?? 0), itemStyle: { color: '#ffc069' } },
        { name: t('dash.conversion'), type: 'line', yAxisIndex: 1, data: m.groups.map((g) => Math.round((g.figures.inquiryConversion ?? 0) * 1000) / 10) },
      ],
    };
  }, [m]);

  const byRule = useMemo<EChartsCoreOption | null>(() => {
    if (!m) return null;
    const rules = Object.entries(m.total.interceptionsByRule).sort(([a], [b]) => a.localeCompare(b, 'en', { numeric: true }));
    return {
      tooltip: {},
      grid: { left: 40, right: 16, top: 16, bottom: 28 },
      xAxis: { type: 'category', data: rules.map(([r]) => r) },
      yAxis: { type: 'value', minInterval: 1 },
      series: [{ type: 'bar', data: rules.map(([, n]) => n), itemStyle: { color: '#f5222d' } }],
    };
  }, [m]);

  return (
    <div style={{ padding: 16, height: '100%', overflow: 'auto' }} data-testid="dashboard">
      <div style={{ display: 'flex', alignItems: 'center', gap: 12, marginBottom: 12, flexWrap: 'wrap' }}>
        <Typography.Title level={4} style={{ margin: 0 }}>{t('dash.title')}</Typography.Title>
        <DatePicker.RangePicker
          allowClear={false}
          onChange={(v) => {
            const a = v?.[0]?.valueOf();
            const b = v?.[1]?.valueOf();
            if (a !== undefined && b !== undefined) setRange([a, b + DAY - 1]);
          }}
        />
        <Select style={{ width: 180 }} value={shopId} onChange={setShopId} options={[{ value: '', label: t('common.all') }, ...shops.map((s) => ({ value: s.id, label: s.name }))]} />
        <Segmented<GroupBy> value={groupBy} onChange={setGroupBy} options={(['day', 'agent', 'shop'] as const).map((g) => ({ value: g, label: t(`dash.group.${g}`) }))} />
      </div>
      {metrics.loading && !m ? (
        <Spin />
      ) : metrics.missing ? (
        <MissingRoute path="/api/v1/metrics" />
      ) : metrics.error ? (
        <LoadError error={metrics.error} />
      ) : !m ? null : (
        <>
          <Row gutter={[12, 12]}>
            {CARDS.map((c) => (
              <Col key={c.key} xs={12} md={8} lg={6} xl={4}>
                <Card size="small" data-testid="figure">
                  <Statistic title={t(c.key)} value={c.value(m.total)} valueStyle={{ fontSize: 20 }} />
                </Card>
              </Col>
            ))}
          </Row>
          <Row gutter={12} style={{ marginTop: 12 }}>
            <Col span={16}>
              <Card size="small" title={t('dash.trend')}>{trend && m.groups.length > 0 ? <Chart option={trend} testId="chart-trend" /> : <Empty />}</Card>
            </Col>
            <Col span={8}>
              <Card size="small" title={t('dash.byRule')}>
                {byRule && m.total.interceptions > 0 ? <Chart option={byRule} testId="chart-rules" /> : <Empty style={{ height: 228 }} description={t('common.empty')} />}
              </Card>
            </Col>
          </Row>
          <Card size="small" title={t('dash.byGroup')} style={{ marginTop: 12 }}>
            <GroupTable m={m} />
          </Card>
          {isSupervisor(agent) ? (
            <>
              <SupervisorPanels m={m} />
              <QualityPanel m={m} />
            </>
          ) : (
            <Alert style={{ marginTop: 12 }} type="info" message={t('dash.supervisorOnly')} />
          )}
          <StoreFigures shopId={shopId || (shops.length === 1 ? shops[0]!.id : '')} />
          <PenaltyLedgers shopId={shopId} />
        </>
      )}
    </div>
  );
}

function SupervisorPanels({ m }: { m: MetricsResponse }) {
  return (
    <Row gutter={12} style={{ marginTop: 12 }}>
      <Col span={12}>
        <Card size="small" title={t('dash.idle')} data-testid="idle-agents">
          {(m.idleAgents ?? []).length === 0 ? (
            <Typography.Text type="secondary">{t('dash.noIdle')}</Typography.Text>
          ) : (
            <List
              size="small"
              dataSource={m.idleAgents}
              renderItem={(a) => (
                <List.Item>
                  <Tag color="red">T2</Tag>
                  {t('dash.idleRow', { name: a.displayName, t: duration(a.idleSeconds), n: a.waiting })}
                </List.Item>
              )}
            />
          )}
        </Card>
      </Col>
      <Col span={12}>
        <Card size="small" title={t('dash.inconsistent')} data-testid="inconsistencies">
          {(m.inconsistencies ?? []).length === 0 ? (
            <Typography.Text type="secondary">{t('dash.noInconsistent')}</Typography.Text>
          ) : (
            <List
              size="small"
              dataSource={m.inconsistencies}
              renderItem={(x) => (
                <List.Item style={{ display: 'block' }}>
                  <Tag color="purple">{intentLabel(x.intent)}</Tag> {x.reasonZh}
                  {x.answers.slice(0, 3).map((a, i) => (
                    <div key={i} style={{ fontSize: 12, color: '#555' }}>
                      {a.author}：{a.text}
                    </div>
                  ))}
                </List.Item>
              )}
            />
          )}
        </Card>
      </Col>
    </Row>
  );
}

/** M3 and the follow-ups' figures (issue 14): items listed / sold / sell-through per month, and per flow what it earns. */
function StoreFigures({ shopId }: { shopId: string }) {
  const figures = useApi<StoreFiguresView>(shopId ? `/shops/${encodeURIComponent(shopId)}/store-figures?months=6` : null);
  if (!shopId) return <Alert style={{ marginTop: 12 }} type="info" message={t('dash.store.pickShop')} />;
  if (figures.error) return <LoadError error={figures.error} />;
  const f = figures.data;
  if (!f) return <Spin />;
  return (
    <Row gutter={12} style={{ marginTop: 12 }}>
      <Col span={10}>
        <Card size="small" title={t('dash.store')} data-testid="store-figures">
          <Table
            size="small"
            rowKey="month"
            pagination={false}
            dataSource={f.months}
            columns={[
              { title: t('dash.store.month'), dataIndex: 'month' },
              { title: t('dash.store.listed'), dataIndex: 'itemsListed' },
              { title: t('dash.store.sold'), dataIndex: 'itemsSold' },
              { title: t('dash.store.units'), dataIndex: 'unitsSold' },
              { title: t('dash.store.sellThrough'), render: (_, r) => percent(r.sellThrough) },
            ]}
          />
        </Card>
      </Col>
      <Col span={14}>
        <Card size="small" title={t('dash.flows')} data-testid="flow-figures">
          <Table
            size="small"
            rowKey="flow"
            pagination={false}
            dataSource={f.flows}
            columns={[
              { title: t('dash.flows.flow'), dataIndex: 'title' },
              { title: t('dash.flows.sent'), dataIndex: 'sent' },
              { title: t('dash.flows.conversion'), render: (_, r) => percent(r.conversion) },
              { title: t('dash.flows.optOut'), render: (_, r) => percent(r.optOutRate) },
            ]}
          />
        </Card>
      </Col>
    </Row>
  );
}
