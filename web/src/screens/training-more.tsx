// 培训, issue 16 continued: the monthly product exam and product practice (L3/T4) with results over
// time (supervisors see the team's progress), competitor comparison tables written to standard
// answers (T4), 我的质检 — the supervisor's comments on the agent's chats, acknowledged here —, the
// supervisor's review form on a sampled chat, and the shop's presence minutes (C17/T2).
import { Alert, Button, Card, Col, Empty, Input, InputNumber, List, Radio, Row, Select, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import type { PresenceSettingsView } from '../../../src/core/contract/presence.js';
import type {
  ComparisonsView,
  ProductQuizResultView,
  ProductQuizView,
  QualityFeedbackView,
  QualityRowView,
  QuizProgressView,
} from '../../../src/core/contract/training.js';
import { errorText, del, post, put } from '../lib/api.js';
import { useApi } from '../lib/use-api.js';
import { formatDateTime, t, type MessageKey } from '../i18n.js';
import { LoadError } from '../components/missing-route.js';

/** Questions with one radio group each, graded by the server; the key is shown after handing in. */
function QuizForm({ quiz, testId, onDone }: { quiz: ProductQuizView; testId: string; onDone: () => void }) {
  const [answers, setAnswers] = useState<(number | null)[]>([]);
  const [result, setResult] = useState<ProductQuizResultView | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const submit = async () => {
    setBusy(true);
    setError(null);
    try {
      setResult(await post<ProductQuizResultView>('/training/product-quiz', {
        shopId: quiz.shopId, kind: quiz.kind, seed: quiz.seed, answers: quiz.questions.map((_, i) => answers[i] ?? null),
      }));
      onDone();
    } catch (e) {
      setError(errorText(e));
    } finally {
      setBusy(false);
    }
  };
  return (
    <div data-testid={testId}>
      {quiz.questions.map((q, i) => (
        <div key={i} style={{ marginBottom: 12 }} data-testid={`${testId}-question`}>
          <div style={{ fontWeight: 500 }}>
            {i + 1}. <Tag>{q.kindZh}</Tag>{q.promptZh}
          </div>
          <Radio.Group disabled={result !== null} value={answers[i] ?? null} onChange={(e) => setAnswers((a) => { const n = [...a]; n[i] = e.target.value as number; return n; })}>
            <Space direction="vertical">
              {q.options.map((o, k) => (
                <Radio key={k} value={k} data-testid={`${testId}-q${i}-o${k}`}>{o}</Radio>
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
      {error && <Alert type="error" message={error} style={{ marginBottom: 8 }} />}
      <Space>
        {!result && (
          <Button type="primary" loading={busy} onClick={() => void submit()} data-testid={`${testId}-submit`}>
            {t('training.exam.submit')}
          </Button>
        )}
        {result && <span data-testid={`${testId}-result`}>{t('training.exam.result', { s: result.score, c: result.correct, n: result.total })}</span>}
      </Space>
    </div>
  );
}

/** L3/T4: this month's exam, a practice set, my history; the team's progress for supervisors. */
export function ProductExam({ shopId, supervisor }: { shopId: string; supervisor: boolean }) {
  const exam = useApi<ProductQuizView>(`/training/exam?shopId=${encodeURIComponent(shopId)}`);
  const [practiceSeed, setPracticeSeed] = useState(0);
  const practice = useApi<ProductQuizView>(practiceSeed ? `/training/product-quiz?shopId=${encodeURIComponent(shopId)}&seed=${practiceSeed}` : null);
  const results = useApi<QuizProgressView>('/training/results');
  const e = exam.data;
  return (
    <Row gutter={16}>
      <Col xs={24} xl={14}>
        <Card size="small" title={e ? t('training.exam.title', { p: e.period ?? '' }) : t('training.tab.exam')} data-testid="exam-card">
          {exam.error && <LoadError error={exam.error} />}
          {e && (
            <>
              <Typography.Paragraph type="secondary" style={{ fontSize: 12 }}>
                {t('training.exam.note', { d: e.dueAt ? formatDateTime(e.dueAt, { time: false }) : '' })}
              </Typography.Paragraph>
              {e.taken ? (
                <Alert type="success" message={t('training.exam.taken', { s: e.taken.score, c: e.taken.correct, n: e.taken.total })} data-testid="exam-taken" />
              ) : (
                <QuizForm quiz={e} testId="exam" onDone={() => results.reload()} />
              )}
            </>
          )}
        </Card>
        <Card size="small" title={t('training.practice.title')} style={{ marginTop: 12 }}
          extra={<Button size="small" onClick={() => setPracticeSeed(1 + Math.floor(Math.random() * 2_000_000_000))} data-testid="practice-start">{t('training.practice.start')}</Button>}>
          {practice.error && <LoadError error={practice.error} />}
          {practice.data && <QuizForm key={practice.data.seed} quiz={practice.data} testId="practice" onDone={() => results.reload()} />}
        </Card>
      </Col>
      <Col xs={24} xl={10}>
        <Results data={results.data} supervisor={supervisor} />
      </Col>
    </Row>
  );
}

function Results({ data, supervisor }: { data: QuizProgressView | null; supervisor: boolean }) {
  if (!data) return null;
  const kindZh = (k: string) => t(`training.results.kind.${k}` as MessageKey);
  return (
    <>
      {supervisor && (
        <Card size="small" title={`${t('training.results.team')} · ${data.period}`} style={{ marginBottom: 12 }}>
          <Table
            size="small"
            rowKey="agentId"
            pagination={false}
            data-testid="exam-progress"
            dataSource={data.agents}
            columns={[
              { title: t('training.col.trainee'), dataIndex: 'agentName' },
              {
                title: data.period, key: 'month', render: (_: unknown, a: QuizProgressView['agents'][number]) => (
                  <Space wrap size={2}>
                    {a.thisMonth.map((m) => (
                      <Tag key={m.shopId} color={m.score === null ? 'default' : m.score >= 60 ? 'green' : 'red'}>
                        {m.shopName} {m.score ?? t('training.results.notYet')}
                      </Tag>
                    ))}
                  </Space>
                ),
              },
              { title: t('training.results.history'), key: 'hist', render: (_: unknown, a: QuizProgressView['agents'][number]) => a.exams.map((x) => `${x.period}: ${x.score}`).join('，') || '—' },
              { title: t('training.results.productAvg'), dataIndex: 'productAverage', render: (v: number | null) => v ?? '—' },
              { title: t('training.results.casesAvg'), dataIndex: 'casesAverage', render: (v: number | null) => v ?? '—' },
            ]}
          />
        </Card>
      )}
      <Card size="small" title={t('training.results.mine')}>
        <List
          size="small"
          data-testid="my-results"
          dataSource={data.results.slice(0, 30)}
          locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} /> }}
          renderItem={(r) => (
            <List.Item>
              <Tag>{kindZh(r.kind)}</Tag>
              {supervisor && <span style={{ marginRight: 6 }}>{r.agentName}</span>}
              {r.score} 分（{r.correct}/{r.total}）· {r.shopName} · {formatDateTime(r.at)}
            </List.Item>
          )}
        />
      </Card>
    </>
  );
}

/** T4: comparison tables; supervisors edit them, everyone reads the answers written from them. */
export function Comparisons({ shopId, supervisor }: { shopId: string; supervisor: boolean }) {
  const list = useApi<ComparisonsView>(`/shops/${encodeURIComponent(shopId)}/comparisons`);
  const [itemId, setItemId] = useState<string>('');
  const [competitor, setCompetitor] = useState('');
  const [rows, setRows] = useState<{ attribute: string; ours: string; theirs: string }[]>([{ attribute: '', ours: '', theirs: '' }]);
  const [message, setMessage] = useState<{ type: 'success' | 'error' | 'warning'; text: string } | null>(null);
  if (list.error) return <LoadError error={list.error} />;
  const data = list.data;
  if (!data) return null;
  const save = async () => {
    setMessage(null);
    try {
      const saved = await put<ComparisonsView>(`/shops/${encodeURIComponent(shopId)}/comparisons`, { itemId, competitor, rows });
      list.reload();
      const warn = saved.warnings ?? [];
      setMessage(warn.length ? { type: 'warning', text: warn.map((w) => `${w.title}：${w.message}`).join('；') } : { type: 'success', text: t('training.saved') });
    } catch (e) {
      setMessage({ type: 'error', text: errorText(e) });
    }
  };
  const remove = async (id: string) => {
    try {
      await del(`/shops/${encodeURIComponent(shopId)}/comparisons/${encodeURIComponent(id)}`);
      list.reload();
    } catch (e) {
      setMessage({ type: 'error', text: errorText(e) });
    }
  };
  const setRow = (i: number, k: 'attribute' | 'ours' | 'theirs', v: string) => setRows((rs) => rs.map((r, j) => (j === i ? { ...r, [k]: v } : r)));
  return (
    <Row gutter={16}>
      {supervisor && (
        <Col xs={24} xl={10}>
          <Card size="small" title={t('training.tab.compare')} data-testid="compare-form">
            <Typography.Paragraph type="secondary" style={{ fontSize: 12 }}>{t('training.compare.note')}</Typography.Paragraph>
            <Space direction="vertical" style={{ width: '100%' }}>
              <Select style={{ width: '100%' }} placeholder={t('training.compare.item')} value={itemId || undefined} onChange={setItemId}
                options={data.items.map((i) => ({ value: i.id, label: i.title }))} data-testid="compare-item" showSearch optionFilterProp="label" />
              <Input placeholder={t('training.compare.competitor')} value={competitor} onChange={(e) => setCompetitor(e.target.value)} data-testid="compare-competitor" />
              {rows.map((r, i) => (
                <Space key={i} wrap>
                  <Input style={{ width: 100 }} placeholder={t('training.compare.attribute')} value={r.attribute} onChange={(e) => setRow(i, 'attribute', e.target.value)} data-testid={`compare-attr-${i}`} />
                  <Input style={{ width: 130 }} placeholder={t('training.compare.ours')} value={r.ours} onChange={(e) => setRow(i, 'ours', e.target.value)} data-testid={`compare-ours-${i}`} />
                  <Input style={{ width: 130 }} placeholder={t('training.compare.theirs')} value={r.theirs} onChange={(e) => setRow(i, 'theirs', e.target.value)} data-testid={`compare-theirs-${i}`} />
                </Space>
              ))}
              <Space>
                <Button onClick={() => setRows((rs) => [...rs, { attribute: '', ours: '', theirs: '' }])}>{t('training.compare.addRow')}</Button>
                <Button type="primary" disabled={!itemId || !competitor.trim()} onClick={() => void save()} data-testid="compare-save">{t('training.compare.save')}</Button>
              </Space>
              {message && <Alert type={message.type} message={message.text} data-testid="compare-message" />}
            </Space>
          </Card>
        </Col>
      )}
      <Col xs={24} xl={supervisor ? 14 : 24}>
        {data.comparisons.length === 0 ? (
          <Empty description={t('training.compare.none')} />
        ) : (
          <List
            data-testid="compare-list"
            dataSource={data.comparisons}
            renderItem={(c) => (
              <Card size="small" style={{ marginBottom: 8 }} title={`${c.itemTitle} vs ${c.competitor}`}
                extra={supervisor ? <Button size="small" danger onClick={() => void remove(c.id)}>{t('training.compare.delete')}</Button> : null}>
                <Table size="small" pagination={false} rowKey="attribute" dataSource={c.rows}
                  columns={[
                    { title: t('training.compare.attribute'), dataIndex: 'attribute' },
                    { title: t('training.compare.ours'), dataIndex: 'ours' },
                    { title: c.competitor, dataIndex: 'theirs' },
                  ]} />
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>{t('training.compare.answer')}（{c.answerKey}）：</Typography.Text>
                {c.answer.map((a, i) => (
                  <div key={i} style={{ fontSize: 12, whiteSpace: 'pre-wrap', background: '#fafafa', margin: '4px 0', padding: 4 }} data-testid="compare-answer">{a}</div>
                ))}
              </Card>
            )}
          />
        )}
      </Col>
    </Row>
  );
}

/** 我的质检: what the supervisor said about my chats; I acknowledge each. */
export function MyFeedback() {
  const fb = useApi<QualityFeedbackView>('/training/feedback');
  const [error, setError] = useState<string | null>(null);
  if (fb.error) return <LoadError error={fb.error} />;
  if (!fb.data) return null;
  const ack = async (id: string) => {
    try {
      await post<QualityFeedbackView>(`/training/feedback/${encodeURIComponent(id)}/ack`, {});
      fb.reload();
    } catch (e) {
      setError(errorText(e));
    }
  };
  return (
    <>
      {error && <Alert type="error" message={error} />}
      <List
        data-testid="my-feedback"
        dataSource={fb.data.items}
        locale={{ emptyText: <Empty description={t('training.feedback.none')} /> }}
        renderItem={(r) => (
          <List.Item
            data-testid="feedback-item"
            actions={[
              r.acknowledgedAt ? (
                <Tag key="a" color="green">{t('training.feedback.acked')}</Tag>
              ) : (
                <Button key="a" type="primary" size="small" onClick={() => void ack(r.id)} data-testid="feedback-ack">{t('training.feedback.ack')}</Button>
              ),
              <a key="o" href={`/inbox/${encodeURIComponent(r.conversationId)}`}>{t('training.open')}</a>,
            ]}
          >
            <List.Item.Meta
              title={t('training.feedback.row', { r: r.reviewerName, s: r.score, a: r.autoScore })}
              description={<span data-testid="feedback-comment">{r.comment}</span>}
            />
            <span style={{ fontSize: 12, color: '#999' }}>{formatDateTime(r.at)}</span>
          </List.Item>
        )}
      />
    </>
  );
}

/** The supervisor's review of one sampled chat (comment, own score). */
export function ReviewForm({ row, onSaved }: { row: QualityRowView; onSaved: () => void }) {
  const [comment, setComment] = useState(row.review?.comment ?? '');
  const [score, setScore] = useState<number | null>(row.review?.score ?? row.score);
  const [error, setError] = useState<string | null>(null);
  const save = async () => {
    setError(null);
    try {
      await post<QualityRowView>(`/training/quality/${encodeURIComponent(row.conversationId)}/review`, { comment, ...(score !== null ? { score } : {}) });
      onSaved();
    } catch (e) {
      setError(errorText(e));
    }
  };
  return (
    <Space direction="vertical" style={{ width: '100%' }} data-testid="review-form">
      <Input.TextArea rows={2} placeholder={t('training.review.comment')} value={comment} onChange={(e) => setComment(e.target.value)} data-testid="review-comment" />
      <Space>
        <span>{t('training.review.score')}</span>
        <InputNumber min={0} max={100} value={score} onChange={(v) => setScore(v)} data-testid="review-score" />
        <Button type="primary" size="small" disabled={!comment.trim()} onClick={() => void save()} data-testid="review-save">{t('training.review.save')}</Button>
        {row.review && <Tag color="blue">{t('training.review.done')}{row.review.acknowledgedAt ? ` · ${t('training.feedback.acked')}` : ''}</Tag>}
      </Space>
      {error && <Alert type="error" message={error} />}
    </Space>
  );
}

/** C17/T2: the shop's presence minutes (empty = the rules/common.yaml default). */
export function PresenceSettings({ shopId }: { shopId: string }) {
  const s = useApi<PresenceSettingsView>(`/shops/${encodeURIComponent(shopId)}/presence-settings`);
  const [draft, setDraft] = useState<PresenceSettingsView['override'] | null>(null);
  const [message, setMessage] = useState<{ type: 'success' | 'error'; text: string } | null>(null);
  if (s.error) return <LoadError error={s.error} />;
  if (!s.data) return null;
  const v = draft ?? s.data.override;
  const field = (k: keyof PresenceSettingsView['override'], label: MessageKey, placeholder: number) => (
    <Space>
      <span style={{ display: 'inline-block', width: 300 }}>{t(label)}</span>
      <InputNumber min={1} max={1440} value={v[k]} placeholder={String(placeholder)} onChange={(x) => setDraft({ ...v, [k]: x ?? null })} data-testid={`presence-${k}`} />
    </Space>
  );
  const save = async () => {
    setMessage(null);
    try {
      await put<PresenceSettingsView>(`/shops/${encodeURIComponent(shopId)}/presence-settings`, v);
      setDraft(null);
      s.reload();
      setMessage({ type: 'success', text: t('training.saved') });
    } catch (e) {
      setMessage({ type: 'error', text: errorText(e) });
    }
  };
  const d = s.data.defaults;
  const e = s.data.effective;
  return (
    <Card size="small" title={t('training.tab.presence')} data-testid="presence-settings" style={{ maxWidth: 720 }}>
      <Typography.Paragraph type="secondary" style={{ fontSize: 12 }}>{t('training.presence.note', { note: d.noteZh })}</Typography.Paragraph>
      <Space direction="vertical">
        {field('autoAwayMinutes', 'training.presence.autoAway', d.autoAwayMinutes)}
        {field('idleAlertMinutes', 'training.presence.idleAlert', d.idleAlertMinutes)}
        {field('offlineAfterMinutes', 'training.presence.offline', d.offlineAfterMinutes)}
        <Typography.Text data-testid="presence-effective">{t('training.presence.effective', { a: e.autoAwayMinutes, i: e.idleAlertMinutes, o: e.offlineAfterMinutes })}</Typography.Text>
        <Button type="primary" onClick={() => void save()} data-testid="presence-save">{t('training.presence.save')}</Button>
        {message && <Alert type={message.type} message={message.text} />}
      </Space>
    </Card>
  );
}
