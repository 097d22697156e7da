// 评价: the review workbench (issue 13; R1–R8). Left: new reviews by priority — bad and neutral
// first, reportable ones, follow-ups gone sour, big orders, VIP buyers — with their causes and
// the reply deadline counted down. Right: the chosen review with its order, buyer and chat; a
// public reply drafted from the causes and checked by the reply guard as it is typed; a report
// to the platform with reason and evidence, tracked to its outcome; a recovery that never pays.
// On top: DSR over the rolling window with the forecast against the category average, credit.
import { Alert, Button, Card, Col, Empty, Input, InputNumber, List, Row, Select, Space, Spin, Statistic, Table, Tag, Typography, message } from 'antd';
import { useEffect, useMemo, useState } from 'react';
import type { ReputationView, ReviewDetailView, ReviewListView, ReviewRowView, ReviewTeamView } from '../../../src/core/contract/reviews.js';
import { ApiError, errorText, post } from '../lib/api.js';
import { useApi, useNow } from '../lib/use-api.js';
import { navigate } from '../lib/router.js';
import { isSupervisor, useSession } from '../lib/session.js';
import { duration, formatDateTime, t, type MessageKey } from '../i18n.js';
import { LoadError, MissingRoute } from '../components/missing-route.js';
import { Chart } from '../components/chart.js';
import { FileUpload, type ImportOutcome } from '../components/file-upload.js';

const CAUSE_IDS = ['quality', 'size', 'color', 'logistics', 'service', 'description', 'price', 'packaging'];

/** Complaints per month and cause (R8), for one item or all: a stacked bar chart. */
function CauseTrend({ trend }: { trend: ReputationView['causeTrend'] }) {
  const [item, setItem] = useState('');
  const items = useMemo(() => [...new Set(trend.map((x) => x.itemId))].filter(Boolean), [trend]);
  const option = useMemo(() => {
    const rows = trend.filter((x) => !item || x.itemId === item);
    const months = [...new Set(rows.map((x) => x.month))].sort();
    const causes = CAUSE_IDS.filter((c) => rows.some((x) => x.cause === c));
    return {
      tooltip: { trigger: 'axis' },
      legend: { data: causes.map(causeLabel) },
      grid: { left: 32, right: 8, top: 32, bottom: 24 },
      xAxis: { type: 'category', data: months },
      yAxis: { type: 'value', minInterval: 1 },
      series: causes.map((c) => ({
        name: causeLabel(c),
        type: 'bar',
        stack: 'causes',
        data: months.map((m) => rows.filter((x) => x.month === m && x.cause === c).reduce((n, x) => n + x.count, 0)),
      })),
    };
  }, [trend, item]);
  if (trend.length === 0) return null;
  return (
    <div style={{ marginTop: 8 }}>
      <Space size={4} style={{ fontSize: 12 }}>
        {t('reviews.causeTrend')}
        <Select size="small" style={{ width: 160 }} value={item} onChange={setItem} options={[{ value: '', label: t('common.all') }, ...items.map((i) => ({ value: i, label: i }))]} />
      </Space>
      <Chart option={option} height={180} testId="cause-trend" />
    </div>
  );
}

interface Verdict {
  verdict: 'pass' | 'warn' | 'block';
  violations: Array<{ rule: string; severity: string; message: string; rewrite: string; title?: string }>;
}

const RATING_COLOR: Record<string, string> = { bad: 'red', neutral: 'orange', good: 'green' };
const causeLabel = (c: string) => t(`reviews.cause.${c}` as MessageKey);
const flagLabel = (f: string) => t(`reviews.flag.${f}` as MessageKey);
const NEXT_STEP: Record<string, string[]> = {
  none: ['open'],
  open: ['contacted', 'declined'],
  contacted: ['resolved', 'declined'],
  resolved: ['asked', 'declined'],
  asked: ['revised', 'declined'],
};

function ReviewCard({ r, selected, onSelect, now }: { r: ReviewRowView; selected: boolean; onSelect: () => void; now: number }) {
  const left = r.replyUntil ? (Date.parse(r.replyUntil) - now) / 1000 : null;
  return (
    <Card
      size="small"
      hoverable
      onClick={onSelect}
      style={{ marginBottom: 8, borderColor: selected ? '#ff5000' : undefined }}
      data-testid="review-card"
      data-rating={r.rating}
    >
      <Space size={4} wrap>
        <Tag color={RATING_COLOR[r.rating]} data-testid="review-rating">{t(`reviews.rating.${r.rating}` as MessageKey)}</Tag>
        {r.priorityZh.filter((p) => !['差评', '中评'].includes(p)).map((p) => (
          <Tag key={p} color="volcano">{p}</Tag>
        ))}
        {r.causes.map((c) => (
          <Tag key={c} color="blue" data-testid="review-cause">{causeLabel(c)}</Tag>
        ))}
        {r.flags.map((f) => (
          <Tag key={f} color="magenta" data-testid="review-flag">{flagLabel(f)}</Tag>
        ))}
        <Tag>{t(`reviews.status.${r.status}` as MessageKey)}</Tag>
      </Space>
      <div style={{ margin: '6px 0' }} data-testid="review-text">{r.text}</div>
      {r.followUp && (
        <div style={{ fontSize: 12, color: '#d46b08' }}>
          {t('reviews.followUp')}：{r.followUp.text}
        </div>
      )}
      <div style={{ fontSize: 12, color: '#888' }}>
        {/* Only the parts a review has: one without an order reads "time", never "· · time". */}
        {[r.itemTitle ?? r.itemId, r.buyer, formatDateTime(r.at), r.paidYuan !== null ? t('reviews.paid', { v: r.paidYuan.toFixed(2) }) : null].filter(Boolean).join(' · ')}
      </div>
      {r.sellerReply === null && (
        <Tag color={left !== null && left < 3 * 86400 ? 'red' : 'default'} style={{ marginTop: 4 }} data-testid="reply-deadline">
          {!r.replyAllowed ? t('reviews.replyClosed') : left === null ? t('reviews.reply') : t('reviews.replyLeft', { t: duration(left) })}
        </Tag>
      )}
    </Card>
  );
}

function Reputation({ shopId, version }: { shopId: string; version: string }) {
  const [avg, setAvg] = useState<{ description?: number; service?: number; logistics?: number }>({});
  const qs = Object.entries(avg)
    .filter(([, v]) => typeof v === 'number')
    .map(([k, v]) => `${k}=${String(v)}`)
    .join('&');
  const rep = useApi<ReputationView>(`/shops/${encodeURIComponent(shopId)}/reputation${qs ? `?${qs}` : ''}`);
  const { reload } = rep;
  // The counts and the forecast follow what was done in the list.
  useEffect(() => reload(), [version, reload]);
  if (rep.missing) return <MissingRoute path="/api/v1/shops/:shopId/reputation" />;
  if (rep.error) return <LoadError error={rep.error} />;
  const r = rep.data;
  return (
    <Card size="small" style={{ marginBottom: 12 }} title={r ? t('reviews.dsr', { m: r.months }) : t('common.loading')} data-testid="reputation">
      {r && (
        <Row gutter={16}>
          {(['description', 'service', 'logistics'] as const).map((d) => (
            <Col key={d} span={4}>
              <Statistic title={t(`reviews.dsr.${d}`)} value={r.dsr[d] ?? '—'} precision={r.dsr[d] === null ? undefined : 2} />
              <Space size={4} style={{ fontSize: 12 }}>
                {t('reviews.categoryAverage')}
                <InputNumber
                  size="small"
                  min={1}
                  max={5}
                  step={0.01}
                  style={{ width: 72 }}
                  value={avg[d]}
                  onChange={(v) => setAvg((a) => ({ ...a, [d]: typeof v === 'number' ? v : undefined }))}
                  data-testid={`avg-${d}`}
                />
              </Space>
            </Col>
          ))}
          <Col span={12}>
            <Typography.Text strong>{t('reviews.forecast')}</Typography.Text>
            <ul style={{ margin: '4px 0', paddingLeft: 18, fontSize: 13 }} data-testid="dsr-forecast">
              {r.forecast.map((f) => (
                <li key={f.dimension} style={{ color: f.ratingsToFallBelow !== null && f.ratingsToFallBelow <= 2 ? '#cf1322' : undefined }}>
                  {f.messageZh}
                </li>
              ))}
            </ul>
            <div style={{ fontSize: 12, color: '#666' }}>
              {t('reviews.credit', { v: r.credit.credit, d: r.credit.defaultGood })} ·{' '}
              {t('reviews.counts', { g: r.counts.good, n: r.counts.neutral, b: r.counts.bad, f: r.counts.flagged, o: r.counts.open })}
            </div>
            <CauseTrend trend={r.causeTrend} />
            {r.causes.length > 0 && (
              <div style={{ fontSize: 12, marginTop: 4 }}>
                {t('reviews.topCauses')}：
                {r.causes.slice(0, 5).map((c) => (
                  <Tag key={c.cause} title={c.quote ?? ''}>
                    {causeLabel(c.cause)} {c.count}
                  </Tag>
                ))}
              </div>
            )}
          </Col>
        </Row>
      )}
    </Card>
  );
}

function Detail({ id, onChanged }: { id: string; onChanged: () => void }) {
  const detail = useApi<ReviewDetailView>(`/reviews/${encodeURIComponent(id)}`);
  const [text, setText] = useState('');
  const [verdict, setVerdict] = useState<Verdict | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [reason, setReason] = useState<string>('abuse');
  const [evidence, setEvidence] = useState('');
  const [resolution, setResolution] = useState<string>('resend');
  const d = detail.data;

  useEffect(() => {
    if (!d) return;
    setText(d.review.sellerReply ?? d.draft);
    setReason(d.review.flags[0] ?? 'abuse');
    setEvidence(`评价原文：“${d.review.text}”`);
    setError(null);
  }, [d]);

  // The guard checks the reply as it is typed (debounced); it writes nothing.
  useEffect(() => {
    if (!d || d.review.sellerReply !== null || !text.trim()) {
      setVerdict(null);
      return;
    }
    const timer = setTimeout(() => {
      post<Verdict>(`/reviews/${encodeURIComponent(id)}/reply-check`, { text }).then(setVerdict, () => setVerdict(null));
    }, 300);
    return () => clearTimeout(timer);
  }, [text, id, d]);

  const act = async (path: string, body: unknown, done?: string) => {
    setBusy(true);
    setError(null);
    try {
      await post(`/reviews/${encodeURIComponent(id)}/${path}`, body);
      if (done) void message.success(done);
      detail.reload();
      onChanged();
    } catch (e) {
      setError(e instanceof ApiError ? e.message : errorText(e));
    } finally {
      setBusy(false);
    }
  };

  if (detail.loading && !d) return <Spin />;
  if (detail.error) return <LoadError error={detail.error} />;
  if (!d) return null;
  const r = d.review;
  const recoveryState = r.recovery?.state ?? 'none';
  const nextSteps = NEXT_STEP[recoveryState] ?? [];
  const blocked = verdict?.verdict === 'block';
  return (
    <div data-testid="review-detail">
      <Card size="small" style={{ marginBottom: 8 }}>
        <Space wrap>
          <Tag color={RATING_COLOR[r.rating]}>{t(`reviews.rating.${r.rating}` as MessageKey)}</Tag>
          {r.causes.map((c) => (
            <Tag key={c} color="blue">{causeLabel(c)}</Tag>
          ))}
          {r.flags.map((f) => (
            <Tag key={f} color="magenta">{flagLabel(f)}</Tag>
          ))}
        </Space>
        <p style={{ margin: '8px 0' }}>{r.text}</p>
        {r.followUp && <p style={{ color: '#d46b08' }}>{t('reviews.followUp')}：{r.followUp.text}</p>}
        <div style={{ fontSize: 12, color: '#666' }}>
          {d.order && `${t('reviews.order')} ${d.order.no} · ${d.order.state} · ¥${d.order.paidYuan.toFixed(2)}`}
          {d.buyer && ` · ${t('reviews.buyer')} ${d.buyer.nickname ?? d.buyer.account} ${d.buyer.tags.join(' ')}`}
        </div>
        {d.conversationId && (
          <Button size="small" type="link" style={{ padding: 0 }} onClick={() => navigate(`/inbox/${encodeURIComponent(d.conversationId ?? '')}`)} data-testid="review-open-chat">
            {t('reviews.openChat')}
          </Button>
        )}
        {d.chat.length > 0 && (
          <details style={{ marginTop: 6 }}>
            <summary>{t('reviews.chat')} ({d.chat.length})</summary>
            {d.chat.map((m, i) => (
              <div key={i} style={{ fontSize: 12 }}>
                <b>{m.author}</b>：{m.text}
              </div>
            ))}
          </details>
        )}
      </Card>
      {error && <Alert type="error" message={error} style={{ marginBottom: 8 }} data-testid="review-error" showIcon />}
      <Card size="small" title={t('reviews.reply')} style={{ marginBottom: 8 }}>
        {r.sellerReply !== null ? (
          <Alert type="success" message={`${t('reviews.replied')}：${r.sellerReply}`} data-testid="review-replied" />
        ) : (
          <>
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>{t('reviews.replyHint')}</Typography.Text>
            <Input.TextArea rows={3} value={text} onChange={(e) => setText(e.target.value)} maxLength={500} data-testid="review-reply-text" />
            {verdict && (
              <div data-testid="review-guard" data-verdict={verdict.verdict} style={{ marginTop: 6 }}>
                {verdict.verdict === 'pass' ? (
                  <Tag color="green">{t('reviews.guard.pass')}</Tag>
                ) : (
                  verdict.violations.map((v, i) => (
                    <Alert
                      key={i}
                      type={v.severity === 'block' ? 'error' : 'warning'}
                      style={{ marginBottom: 4 }}
                      message={`${v.severity === 'block' ? t('reviews.guard.block') : t('reviews.guard.warn')}：${v.title ?? v.rule}（${v.rule}）${v.message}`}
                      description={
                        v.rewrite ? (
                          <Space>
                            {t('reviews.guard.rewrite', { v: v.rewrite })}
                            <Button size="small" onClick={() => setText(v.rewrite)}>{t('reviews.guard.apply')}</Button>
                          </Space>
                        ) : undefined
                      }
                    />
                  ))
                )}
              </div>
            )}
            <Button
              type="primary"
              style={{ marginTop: 6 }}
              disabled={!r.replyAllowed || blocked || busy || !text.trim()}
              onClick={() => void act('reply', { text }, t('reviews.sent'))}
              data-testid="review-reply-send"
            >
              {t('reviews.send')}
            </Button>
          </>
        )}
      </Card>
      <Card size="small" title={t('reviews.report')} style={{ marginBottom: 8 }} data-testid="review-report">
        {r.report ? (
          <>
            <Alert
              type={r.report.state === 'removed' ? 'success' : r.report.state === 'rejected' ? 'warning' : 'info'}
              message={`${t(`reviews.report.${r.report.state}` as MessageKey)}（${flagLabel(r.report.reason)}）`}
              data-testid="review-report-state"
            />
            {r.report.state === 'submitted' && (
              <Space style={{ marginTop: 6 }}>
                <Button size="small" onClick={() => void act('report-outcome', { outcome: 'removed' })} data-testid="report-removed">{t('reviews.outcome.removed')}</Button>
                <Button size="small" onClick={() => void act('report-outcome', { outcome: 'rejected' })}>{t('reviews.outcome.rejected')}</Button>
              </Space>
            )}
          </>
        ) : (
          <Space direction="vertical" style={{ width: '100%' }}>
            <Select
              value={reason}
              onChange={setReason}
              style={{ width: 200 }}
              options={['abuse', 'ad', 'private_data', 'extortion'].map((f) => ({ value: f, label: flagLabel(f) }))}
              data-testid="report-reason"
            />
            <Input.TextArea rows={2} value={evidence} onChange={(e) => setEvidence(e.target.value)} placeholder={t('reviews.evidence')} data-testid="report-evidence" />
            <Button danger disabled={busy || !evidence.trim()} onClick={() => void act('report', { reason, evidence })} data-testid="report-submit">
              {t('reviews.reportSubmit')}
            </Button>
          </Space>
        )}
      </Card>
      {(r.rating !== 'good' || r.sentiment === 'negative') && (
        <Card size="small" title={t('reviews.recovery')} data-testid="review-recovery">
          {r.recovery && (
            <div style={{ fontSize: 12, marginBottom: 6 }}>
              {r.recovery.steps.map((s) => t(`reviews.recovery.${s.state}` as MessageKey)).join(' → ')}
              {r.recovery.changeUntil && <div style={{ color: '#666' }}>{t('reviews.recovery.note', { v: new Date(r.recovery.changeUntil).toLocaleDateString('zh-CN') })}</div>}
            </div>
          )}
          <Space wrap>
            {nextSteps.includes('resolved') && (
              <Select
                size="small"
                value={resolution}
                onChange={setResolution}
                style={{ width: 140 }}
                options={['refund', 'resend', 'compensation', 'explained'].map((x) => ({ value: x, label: t(`reviews.resolution.${x}` as MessageKey) }))}
              />
            )}
            {nextSteps.map((s) => (
              <Button
                key={s}
                size="small"
                disabled={busy}
                onClick={() => void act('recovery', s === 'resolved' ? { step: s, resolution } : { step: s })}
                data-testid={`recovery-${s}`}
              >
                {t(`reviews.recovery.${s}` as MessageKey)}
              </Button>
            ))}
          </Space>
        </Card>
      )}
    </div>
  );
}

/** T1 for reviews: DSR and outcomes per agent who served the buyer (supervisors and admins). */
function ReviewTeam({ shopId, version }: { shopId: string; version: string }) {
  const team = useApi<ReviewTeamView>(`/shops/${encodeURIComponent(shopId)}/review-team`);
  const { reload } = team;
  useEffect(() => reload(), [version, reload]);
  if (team.missing) return <MissingRoute path="/api/v1/shops/:shopId/review-team" />;
  if (team.error) return <LoadError error={team.error} />;
  const d = team.data;
  const dsr = (v: number | null) => (v === null ? '—' : v.toFixed(2));
  return (
    <Card size="small" style={{ marginBottom: 12 }} title={d ? t('reviews.team', { m: d.months }) : t('common.loading')} data-testid="review-team">
      {d && (
        <Table
          size="small"
          pagination={false}
          rowKey="agent"
          dataSource={d.rows}
          locale={{ emptyText: t('reviews.teamEmpty') }}
          columns={[
            { title: t('reviews.team.agent'), dataIndex: 'nameZh' },
            { title: t('reviews.team.reviews'), dataIndex: 'reviews' },
            { title: t('reviews.team.bad'), render: (_: unknown, r: ReviewTeamView['rows'][number]) => `${r.bad} / ${r.neutral}` },
            { title: t('reviews.team.complaints'), dataIndex: 'serviceComplaints' },
            { title: t('reviews.team.recoveries'), render: (_: unknown, r: ReviewTeamView['rows'][number]) => `${r.recoveriesOpened} / ${r.recoveriesResolved}` },
            { title: t('reviews.team.revised'), dataIndex: 'revised' },
            { title: t('reviews.dsr.description'), render: (_: unknown, r: ReviewTeamView['rows'][number]) => dsr(r.dsr.description) },
            { title: t('reviews.dsr.service'), render: (_: unknown, r: ReviewTeamView['rows'][number]) => dsr(r.dsr.service) },
            { title: t('reviews.dsr.logistics'), render: (_: unknown, r: ReviewTeamView['rows'][number]) => dsr(r.dsr.logistics) },
          ]}
        />
      )}
    </Card>
  );
}

type UploadResult = ImportOutcome;

/** A review export uploaded from the browser (CSV GBK/UTF-8 or .xlsx), imported as `dxe import reviews` does. */
function UploadReviews({ shopId, onDone }: { shopId: string; onDone: () => void }) {
  return (
    <FileUpload<UploadResult>
      path={`/shops/${encodeURIComponent(shopId)}/reviews/import`}
      label={t('reviews.upload')}
      testId="reviews-upload"
      describe={(r) => {
        const first = r.errors[0];
        return t('reviews.upload.done', { i: r.imported, u: r.updated, s: r.skipped }) + (r.errorCount ? t('reviews.upload.errors', { n: r.errorCount, l: first?.line ?? 0, r: first?.reason ?? '' }) : '');
      }}
      onDone={onDone}
    />
  );
}

export default function ReviewsScreen() {
  const { shops, agent } = useSession();
  const [shopId, setShopId] = useState<string>(shops[0]?.id ?? '');
  const [selected, setSelected] = useState<string | null>(null);
  const list = useApi<ReviewListView>(shopId ? `/reviews?shopId=${encodeURIComponent(shopId)}&status=all` : null);
  const now = useNow(1000);
  const items = useMemo(() => list.data?.items ?? [], [list.data]);

  return (
    <div style={{ padding: 16, height: '100%', overflow: 'auto' }} data-testid="reviews-screen">
      <div style={{ display: 'flex', alignItems: 'center', gap: 16, marginBottom: 12 }}>
        <Typography.Title level={4} style={{ margin: 0 }}>{t('reviews.title')}</Typography.Title>
        <Select
          style={{ width: 220 }}
          value={shopId}
          onChange={(v) => {
            setShopId(v);
            setSelected(null);
          }}
          options={shops.map((s) => ({ value: s.id, label: s.name }))}
          data-testid="reviews-shop"
        />
        {shopId && isSupervisor(agent) && <UploadReviews shopId={shopId} onDone={list.reload} />}
      </div>
      {shopId && <Reputation key={shopId} shopId={shopId} version={items.map((i) => i.status).join()} />}
      {shopId && isSupervisor(agent) && <ReviewTeam key={`team-${shopId}`} shopId={shopId} version={items.map((i) => i.status).join()} />}
      {list.loading && !list.data ? (
        <Spin />
      ) : list.missing ? (
        <MissingRoute path="/api/v1/reviews" />
      ) : list.error ? (
        <LoadError error={list.error} />
      ) : items.length === 0 ? (
        <Empty description={t('reviews.empty')} />
      ) : (
        <Row gutter={12}>
          <Col span={11}>
            <List
              dataSource={items}
              renderItem={(r) => <ReviewCard key={r.id} r={r} now={now} selected={r.id === selected} onSelect={() => setSelected(r.id)} />}
              data-testid="review-list"
            />
          </Col>
          <Col span={13}>{selected ? <Detail id={selected} onChanged={list.reload} /> : <Empty description={t('reviews.select')} />}</Col>
        </Row>
      )}
    </div>
  );
}
