// 培训 (L1): pick a scenario, chat with the simulated buyer, read the scored report (violations
// with their platform points, reply times, flow steps, the model answer beside each reply).
// Supervisors see every trainee's progress — practice only, apart from the real figures. Further
// tabs (training-more.tsx): the monthly product exam, competitor tables, 我的质检, presence minutes.
import { Alert, Button, Card, Col, Empty, Input, List, Radio, Row, Select, Space, Statistic, Table, Tabs, Tag, Typography } from 'antd';
import { useEffect, useMemo, useRef, useState } from 'react';
import type { CaseLibraryView, CaseQuizResultView, QualityView, ScenarioListView, TrainingOverviewView, TrainingSessionView } from '../../../src/core/contract/training.js';
import { errorText, get, post } from '../lib/api.js';
import { isSupervisor, useSession } from '../lib/session.js';
import { useApi } from '../lib/use-api.js';
import { formatDateTime, platformLabel, t, type MessageKey } from '../i18n.js';
import { LoadError } from '../components/missing-route.js';
import { Comparisons, MyFeedback, PresenceSettings, ProductExam, ReviewForm } from './training-more.js';

type Report = NonNullable<TrainingSessionView['report']>;

const MOOD_COLOR = { calm: 'green', impatient: 'orange', angry: 'red' } as const;

export default function TrainingScreen() {
  const { agent, shops } = useSession();
  const [shopId, setShopId] = useState<string>(shops[0]?.id ?? '');
  const [current, setCurrent] = useState<TrainingSessionView | null>(null);
  const [error, setError] = useState<string | null>(null);
  const scenarios = useApi<ScenarioListView>('/training/scenarios');
  const overview = useApi<TrainingOverviewView>('/training/overview');

  const start = async (scenarioId: string) => {
    setError(null);
    try {
      setCurrent(await post<TrainingSessionView>('/training/sessions', { shopId, scenarioId }));
    } catch (e) {
      setError(errorText(e));
    }
  };
  const open = async (id: string) => {
    setError(null);
    try {
      setCurrent(await get<TrainingSessionView>(`/training/sessions/${encodeURIComponent(id)}`));
    } catch (e) {
      setError(errorText(e));
    }
  };
  const back = () => {
    setCurrent(null);
    overview.reload();
  };

  return (
    <div style={{ padding: 16, height: '100%', overflow: 'auto' }} data-testid="training-screen">
      <Space style={{ marginBottom: 12 }} wrap>
        <Typography.Title level={4} style={{ margin: 0 }}>
          {t('training.title')}
        </Typography.Title>
        {!current && shops.length > 1 && (
          <Select
            style={{ minWidth: 200 }}
            value={shopId}
            onChange={setShopId}
            options={shops.map((s) => ({ value: s.id, label: s.name }))}
            data-testid="training-shop"
          />
        )}
      </Space>
      <Alert type="info" showIcon message={t('training.note')} style={{ marginBottom: 12 }} />
      {error && <Alert type="error" message={error} style={{ marginBottom: 12 }} />}
      {current ? (
        <Practice session={current} onChange={setCurrent} onBack={back} mine={current.traineeId === agent.id} />
      ) : (
        <Tabs
          items={[
            { key: 'roleplay', label: t('training.tab.roleplay'), children: (
        <>
          {scenarios.error && <LoadError error={scenarios.error} />}
          <Row gutter={[12, 12]}>
            {(scenarios.data?.scenarios ?? []).map((s) => (
              <Col key={s.id} xs={24} md={12} xl={8}>
                <Card
                  size="small"
                  title={s.titleZh}
                  extra={<Tag color={MOOD_COLOR[s.mood]}>{t(`training.mood.${s.mood}` as MessageKey)}</Tag>}
                  data-testid={`scenario-${s.id}`}
                  actions={[
                    <Button key="go" type="primary" onClick={() => void start(s.id)} disabled={!shopId} data-testid={`start-${s.id}`}>
                      {t('training.start')}
                    </Button>,
                  ]}
                >
                  <Typography.Paragraph style={{ fontSize: 13, marginBottom: 6 }}>{s.summaryZh}</Typography.Paragraph>
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {t('training.goals')}：{s.goals.join('；')}
                  </Typography.Text>
                </Card>
              </Col>
            ))}
          </Row>
          <Overview data={overview.data} supervisor={isSupervisor(agent)} onOpen={(id) => void open(id)} />
        </>
            ) },
            { key: 'cases', label: <span data-testid="tab-cases">{t('training.tab.cases')}</span>, children: shopId ? <CaseLibrary shopId={shopId} /> : null },
            { key: 'exam', label: <span data-testid="tab-exam">{t('training.tab.exam')}</span>, children: shopId ? <ProductExam shopId={shopId} supervisor={isSupervisor(agent)} /> : null },
            { key: 'compare', label: <span data-testid="tab-compare">{t('training.tab.compare')}</span>, children: shopId ? <Comparisons shopId={shopId} supervisor={isSupervisor(agent)} /> : null },
            { key: 'feedback', label: <span data-testid="tab-feedback">{t('training.tab.feedback')}</span>, children: <MyFeedback /> },
            ...(isSupervisor(agent)
              ? [
                  { key: 'quality', label: <span data-testid="tab-quality">{t('training.tab.quality')}</span>, children: <QualitySample /> },
                  { key: 'presence', label: <span data-testid="tab-presence">{t('training.tab.presence')}</span>, children: shopId ? <PresenceSettings shopId={shopId} /> : null },
                ]
              : []),
          ]}
        />
      )}
    </div>
  );
}

function Practice({ session, onChange, onBack, mine }: { session: TrainingSessionView; onChange: (s: TrainingSessionView) => void; onBack: () => void; mine: boolean }) {
  const [text, setText] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const bottom = useRef<HTMLDivElement | null>(null);
  useEffect(() => {
    bottom.current?.scrollIntoView?.({ block: 'end' });
  }, [session.lines.length]);

  const send = async () => {
    const reply = text.trim();
    if (!reply || busy) return;
    setBusy(true);
    setError(null);
    try {
      onChange(await post<TrainingSessionView>(`/training/sessions/${encodeURIComponent(session.id)}/reply`, { text: reply }));
      setText('');
    } catch (e) {
      setError(errorText(e));
    } finally {
      setBusy(false);
    }
  };
  const finish = async () => {
    setBusy(true);
    try {
      onChange(await post<TrainingSessionView>(`/training/sessions/${encodeURIComponent(session.id)}/finish`, {}));
    } catch (e) {
      setError(errorText(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Row gutter={16}>
      <Col xs={24} lg={session.report ? 10 : 16}>
        <Card
          size="small"
          title={`${session.titleZh} · ${session.traineeName}`}
          extra={<Button size="small" onClick={onBack} data-testid="training-back">{t('training.back')}</Button>}
        >
          <Typography.Paragraph type="secondary" style={{ fontSize: 12 }}>{session.summaryZh}</Typography.Paragraph>
          <div style={{ maxHeight: 420, overflow: 'auto', background: '#fafafa', padding: 8 }} data-testid="training-chat">
            {session.lines.map((l) => (
              <div key={l.seq} style={{ display: 'flex', justifyContent: l.author === 'buyer' ? 'flex-start' : 'flex-end', margin: '6px 0' }}>
                <div style={{ maxWidth: '80%' }}>
                  <div style={{ fontSize: 11, color: '#999' }}>{l.author === 'buyer' ? t('training.buyer') : t('training.me')}</div>
                  <div
                    data-testid={l.author === 'buyer' ? 'buyer-line' : 'trainee-line'}
                    style={{ background: l.author === 'buyer' ? '#fff' : '#fff3e8', border: '1px solid #eee', borderRadius: 6, padding: '4px 8px', whiteSpace: 'pre-wrap' }}
                  >
                    {l.text}
                  </div>
                  {(l.violations ?? []).map((v, i) => (
                    <Tag key={i} color={v.severity === 'block' ? 'red' : 'orange'} style={{ marginTop: 2 }} data-testid="line-violation">
                      {v.title}（{v.rule}）
                    </Tag>
                  ))}
                  {l.seconds !== undefined && l.targetSeconds !== undefined && l.seconds > l.targetSeconds && (
                    <Tag color="gold" style={{ marginTop: 2 }}>{t('training.slowTag', { s: l.seconds, t: l.targetSeconds })}</Tag>
                  )}
                </div>
              </div>
            ))}
            <div ref={bottom} />
          </div>
          {session.buyerEnded && session.status === 'open' && (
            <Alert style={{ marginTop: 8 }} type="warning" message={t('training.buyerEnded', { o: outcomeText(session) })} data-testid="buyer-ended" />
          )}
          {error && <Alert style={{ marginTop: 8 }} type="error" message={error} />}
          {session.status === 'open' && mine && (
            <div style={{ marginTop: 8 }}>
              <Input.TextArea
                rows={3}
                value={text}
                placeholder={t('training.input')}
                onChange={(e) => setText(e.target.value)}
                onKeyDown={(e) => {
                  if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) void send();
                }}
                data-testid="training-input"
              />
              <Space style={{ marginTop: 8 }}>
                <Button type="primary" onClick={() => void send()} loading={busy} disabled={!text.trim()} data-testid="training-send">
                  {t('training.send')}
                </Button>
                <Button onClick={() => void finish()} disabled={busy} data-testid="training-finish">
                  {t('training.finish')}
                </Button>
              </Space>
            </div>
          )}
        </Card>
      </Col>
      {session.report && (
        <Col xs={24} lg={14}>
          <ReportCard report={session.report} />
        </Col>
      )}
    </Row>
  );
}

function outcomeText(s: TrainingSessionView): string {
  const zh: Record<string, string> = { bought: '买家下单了', satisfied: '买家满意', left: '买家离开了', complained: '买家投诉了' };
  return s.outcome ? (zh[s.outcome] ?? s.outcome) : '';
}

function ReportCard({ report }: { report: Report }) {
  const modelFor = useMemo(() => new Map(report.replay.filter((l) => l.analysis).map((l) => [l.seq, l.analysis!.modelAnswer])), [report]);
  return (
    <Card size="small" title={`${t('training.report')} · ${report.titleZh}`} data-testid="training-report">
      <Row gutter={12}>
        <Col span={8}>
          <Statistic title={t('training.score')} value={report.score} suffix="/ 100" data-testid="training-score" />
        </Col>
        <Col span={8}>
          <Statistic title={t('training.outcome')} value={report.outcomeZh} valueStyle={{ fontSize: 18, color: report.success ? '#389e0d' : '#cf1322' }} />
        </Col>
        <Col span={8}>
          <Statistic title={t('training.platformPoints')} value={t('training.points', { n: report.platformPoints })} valueStyle={{ fontSize: 18 }} />
        </Col>
      </Row>
      <Typography.Title level={5} style={{ marginTop: 12 }}>{t('training.deductions')}</Typography.Title>
      {report.deductions.length === 0 ? (
        <Empty description={t('training.noDeductions')} image={Empty.PRESENTED_IMAGE_SIMPLE} />
      ) : (
        <List
          size="small"
          data-testid="training-deductions"
          dataSource={report.deductions}
          renderItem={(d) => (
            <List.Item extra={<Tag color="red">-{d.points}</Tag>}>
              <List.Item.Meta
                title={
                  <span>
                    {d.titleZh}
                    {d.platformPoints !== undefined && <Tag style={{ marginLeft: 6 }}>平台 {d.platformPoints} 分</Tag>}
                  </span>
                }
                description={d.detailZh}
              />
            </List.Item>
          )}
        />
      )}
      <Typography.Title level={5}>{t('training.flow')}</Typography.Title>
      <Space wrap>
        {report.flow.map((f) => (
          <Tag key={f.step} color={f.done ? 'green' : f.required ? 'red' : 'default'}>
            {f.done ? '✓' : '✗'} {f.labelZh}
          </Tag>
        ))}
      </Space>
      <Typography.Title level={5} style={{ marginTop: 12 }}>{t('training.goalsDone')}</Typography.Title>
      <Space direction="vertical" size={2}>
        {report.goals.map((g) => (
          <span key={g.id}>
            <Tag color={g.met ? 'green' : 'red'}>{g.met ? t('training.success') : t('training.fail')}</Tag>
            {g.titleZh}
          </span>
        ))}
      </Space>
      {report.phrasesToLearn.length > 0 && (
        <>
          <Typography.Title level={5} style={{ marginTop: 12 }}>{t('training.phrases')}</Typography.Title>
          <ul>
            {report.phrasesToLearn.map((p) => (
              <li key={p}>{p}</li>
            ))}
          </ul>
        </>
      )}
      <Typography.Title level={5} style={{ marginTop: 12 }}>{t('training.replay')}</Typography.Title>
      <div data-testid="training-replay">
        {report.replay.map((l) => (
          <div key={l.seq} style={{ marginBottom: 6 }}>
            <Typography.Text strong>{l.author === 'buyer' ? t('training.buyer') : t('training.me')}：</Typography.Text>
            <Typography.Text>{l.text}</Typography.Text>
            {l.analysis && modelFor.get(l.seq) && (
              <div style={{ fontSize: 12, color: '#666', marginLeft: 16 }} data-testid="model-answer">
                {t('training.modelAnswer')}：{modelFor.get(l.seq)}
              </div>
            )}
          </div>
        ))}
      </div>
    </Card>
  );
}

function Overview({ data, supervisor, onOpen }: { data: TrainingOverviewView | null; supervisor: boolean; onOpen: (id: string) => void }) {
  if (!data) return null;
  return (
    <>
      {data.mine.length > 0 && (
        <Card size="small" title={t('training.mine')} style={{ marginTop: 16 }}>
          <List
            size="small"
            dataSource={data.mine}
            renderItem={(m) => (
              <List.Item actions={[<Button key="o" size="small" onClick={() => onOpen(m.id)}>{t('training.open')}</Button>]}>
                {m.titleZh} · {m.status === 'ended' ? `${m.score ?? '—'} 分` : t('training.inProgress')} · {formatDateTime(m.startedAt)}
              </List.Item>
            )}
          />
        </Card>
      )}
      {supervisor && (
        <Card size="small" title={t('training.progress')} style={{ marginTop: 16 }}>
          <Table
            size="small"
            rowKey="traineeId"
            pagination={false}
            data-testid="training-progress"
            dataSource={data.progress}
            columns={[
              { title: t('training.col.trainee'), dataIndex: 'traineeName' },
              { title: t('training.col.sessions'), dataIndex: 'sessions' },
              { title: t('training.col.finished'), dataIndex: 'finished' },
              { title: t('training.col.avg'), dataIndex: 'averageScore', render: (v: number | null) => v ?? '—' },
              { title: t('training.col.last'), dataIndex: 'lastScore', render: (v: number | null) => v ?? '—' },
              {
                title: t('training.col.best'),
                dataIndex: 'best',
                render: (best: TrainingOverviewView['progress'][number]['best']) => (
                  <Space wrap size={2}>
                    {best.map((b) => (
                      <Tag key={b.scenarioId}>{b.titleZh} {b.score}</Tag>
                    ))}
                  </Space>
                ),
              },
              { title: t('training.col.points'), dataIndex: 'platformPoints' },
            ]}
          />
        </Card>
      )}
    </>
  );
}

/** L2: the penalty cases of the shop's platform (points from rules/) and a quiz graded by the server. */
function CaseLibrary({ shopId }: { shopId: string }) {
  const lib = useApi<CaseLibraryView>(`/training/cases?shopId=${encodeURIComponent(shopId)}`);
  const [answers, setAnswers] = useState<(number | null)[]>([]);
  const [result, setResult] = useState<CaseQuizResultView | null>(null);
  const [error, setError] = useState<string | null>(null);
  if (lib.error) return <LoadError error={lib.error} />;
  const data = lib.data;
  if (!data) return null;
  const submit = async () => {
    try {
      setResult(await post<CaseQuizResultView>('/training/quiz', { shopId, seed: data.quiz.seed, answers: data.quiz.questions.map((_, i) => answers[i] ?? null) }));
      setError(null);
    } catch (e) {
      setError(errorText(e));
    }
  };
  return (
    <Row gutter={16}>
      <Col xs={24} xl={14}>
        <List
          data-testid="case-lessons"
          dataSource={data.lessons}
          renderItem={(l) => (
            <Card size="small" style={{ marginBottom: 8 }} title={`${l.rule} ${l.titleZh}`}
              extra={<Tag color={l.points > 0 ? 'red' : 'default'}>{data.platformZh} {l.points > 0 ? t('training.points', { n: l.points }) : t('training.noPoints')}</Tag>}>
              <Typography.Paragraph style={{ marginBottom: 4 }}>{l.situationZh}</Typography.Paragraph>
              <div>{t('training.buyer')}：{l.buyer}</div>
              <div style={{ color: '#cf1322' }}>✗ {l.wrong}</div>
              <div style={{ color: '#389e0d' }}>✓ {l.right}</div>
              <Typography.Paragraph type="secondary" style={{ fontSize: 12, marginTop: 4, marginBottom: 4 }}>{l.explanationZh}</Typography.Paragraph>
              <Space wrap size={2}>
                {l.pointsByPlatform.map((p) => (
                  <Tag key={p.platform}>{t('training.casePoints', { p: platformLabel(p.platform), n: p.points })}</Tag>
                ))}
              </Space>
            </Card>
          )}
        />
      </Col>
      <Col xs={24} xl={10}>
        <Card size="small" title={t('training.quiz')} data-testid="case-quiz">
          {data.quiz.questions.map((q, i) => (
            <div key={i} style={{ marginBottom: 12 }}>
              <div style={{ fontWeight: 500 }}>{i + 1}. {q.promptZh}</div>
              <Radio.Group value={answers[i] ?? null} onChange={(e) => setAnswers((a) => { const n = [...a]; n[i] = e.target.value as number; return n; })}>
                <Space direction="vertical">
                  {q.options.map((o, k) => (
                    <Radio key={k} value={k}>{o}</Radio>
                  ))}
                </Space>
              </Radio.Group>
              {result?.results[i] && (
                <div style={{ fontSize: 12, color: result.results[i].correct ? '#389e0d' : '#cf1322' }}>
                  <div data-testid="quiz-verdict">{result.results[i].correct ? t('training.quiz.right') : t('training.quiz.wrong', { a: q.options[result.results[i].answer] ?? '' })}</div>
                  <div style={{ color: '#8c8c8c' }}>{result.results[i].explanationZh}</div>
                </div>
              )}
            </div>
          ))}
          {error && <Alert type="error" message={error} />}
          <Space>
            <Button type="primary" onClick={() => void submit()} data-testid="quiz-submit">{t('training.quizSubmit')}</Button>
            {result && <span data-testid="quiz-result">{t('training.quizResult', { c: result.correct, n: result.total })}</span>}
          </Space>
        </Card>
      </Col>
    </Row>
  );
}

/** 质检: closed real chats scored by the same measures; violations and complaints first. */
function QualitySample() {
  const q = useApi<QualityView>('/training/quality?days=7');
  if (q.error) return <LoadError error={q.error} />;
  if (!q.data) return null;
  return (
    <>
      <Typography.Paragraph type="secondary">{t('training.qualityNote', { d: q.data.days, n: q.data.scored })}</Typography.Paragraph>
      <Table
        size="small"
        rowKey="agentId"
        pagination={false}
        style={{ marginBottom: 12 }}
        dataSource={q.data.agents}
        columns={[
          { title: t('training.col.trainee'), dataIndex: 'agentName' },
          { title: t('training.col.chats'), dataIndex: 'chats' },
          { title: t('training.col.avg'), dataIndex: 'averageScore' },
          { title: t('training.platformPoints'), dataIndex: 'platformPoints' },
        ]}
      />
      <Table
        size="small"
        rowKey="conversationId"
        data-testid="quality-sample"
        dataSource={q.data.sample}
        expandable={{ expandedRowRender: (r: QualityView['sample'][number]) => <ReviewForm row={r} onSaved={() => q.reload()} /> }}
        columns={[
          { title: t('training.col.trainee'), dataIndex: 'agentName' },
          { title: t('training.col.closed'), dataIndex: 'closedAt', render: (v: string) => formatDateTime(v) },
          { title: t('training.score'), dataIndex: 'score' },
          { title: t('training.col.flags'), key: 'flags', render: (_: unknown, r: QualityView['sample'][number]) => (
            <Space wrap size={2}>
              {r.review && <Tag color="blue">{t('training.review.done')} {r.review.score}</Tag>}
              {r.violations > 0 && <Tag color="red">{t('training.col.violations', { n: r.violations })}</Tag>}
              {r.complained && <Tag color="orange">{t('training.col.complaint')}</Tag>}
            </Space>
          ) },
          { title: t('training.deductions'), dataIndex: 'deductions', render: (ds: QualityView['sample'][number]['deductions']) => ds.map((d) => d.titleZh).join('；') || '—' },
          { title: '', key: 'open', render: (_: unknown, r: QualityView['sample'][number]) => <a href={`/inbox/${encodeURIComponent(r.conversationId)}`}>{t('training.open')}</a> },
        ]}
      />
    </>
  );
}
