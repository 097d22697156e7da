// A shop's own intent examples (issue 3): buyer wording the bot misread, taught to the shop's model.
// Agents add; the model retrains on the server in the background. Above them (issue 12): the
// agents' relabels from the chat — how many wait for the next retrain, when the model last
// retrained with them and what that changed on the corrected messages.
import { useState } from 'react';
import { Alert, App, Button, Card, Input, Select, Space, Statistic, Table, Tag, Typography } from 'antd';
import { INTENT_IDS } from '../../../src/core/intents.js';
import { del, post, errorText } from '../lib/api.js';
import { useApi } from '../lib/use-api.js';
import { formatDateTime, intentLabel, percent, t } from '../i18n.js';
import { LoadError, MissingRoute } from './missing-route.js';
import type { Correction, CorrectionsSummaryView, TrainingExampleView as Example } from '../lib/types.js';

function when(iso: string): string {
  return formatDateTime(iso);
}

/** Issue 12: the agents' corrections of this shop and what the last retrain changed. */
export function CorrectionsSummary({ shopId }: { shopId: string }) {
  const res = useApi<CorrectionsSummaryView>(`/shops/${encodeURIComponent(shopId)}/corrections`);
  if (res.missing || res.error || !res.data) return null;
  const d = res.data;
  const last = d.lastRetrain;
  return (
    <Card size="small" title={t('corrections.title')} style={{ marginBottom: 12 }} data-testid="corrections-summary" extra={<Button size="small" type="link" onClick={res.reload}>↻</Button>}>
      <Space size={32} wrap>
        <Statistic title={t('corrections.waiting')} value={d.waiting} valueStyle={{ fontSize: 18 }} data-testid="corrections-waiting" />
        <Statistic title={t('corrections.total')} value={d.total} valueStyle={{ fontSize: 18 }} />
        <Statistic title={t('corrections.lastRetrain')} value={last ? when(last.at) : t('corrections.never')} valueStyle={{ fontSize: 14 }} />
        {last && (
          <Statistic
            title={t('corrections.accuracy')}
            value={`${percent(last.accuracyBefore)} → ${percent(last.accuracyAfter)}`}
            valueStyle={{ fontSize: 18 }}
            data-testid="corrections-accuracy"
          />
        )}
      </Space>
      {last && last.changes.length > 0 && (
        <>
          <Typography.Text strong style={{ display: 'block', marginTop: 12 }}>{t('corrections.changes')}</Typography.Text>
          <Table
            size="small"
            rowKey={(r) => r.text}
            pagination={false}
            dataSource={last.changes}
            columns={[
              { title: t('corrections.text'), dataIndex: 'text' },
              { title: t('corrections.labelled'), dataIndex: 'intent', width: 110, render: (v: string) => intentLabel(v) },
              { title: t('corrections.before'), dataIndex: 'before', width: 110, render: (v: string, r) => <Tag color={v === r.intent ? 'green' : 'red'}>{intentLabel(v)}</Tag> },
              { title: t('corrections.after'), dataIndex: 'after', width: 110, render: (v: string, r) => <Tag color={v === r.intent ? 'green' : 'red'}>{intentLabel(v)}</Tag> },
            ]}
          />
        </>
      )}
      {d.recent.length > 0 && (
        <>
          <Typography.Text strong style={{ display: 'block', marginTop: 12 }}>{t('corrections.recent')}</Typography.Text>
          <Table<Correction>
            size="small"
            rowKey="id"
            pagination={{ pageSize: 10 }}
            dataSource={d.recent}
            columns={[
              { title: t('corrections.text'), dataIndex: 'text' },
              { title: t('corrections.change'), key: 'change', width: 200, render: (_: unknown, r) => `${intentLabel(r.oldIntent)} → ${intentLabel(r.newIntent)}` },
              { title: t('corrections.who'), dataIndex: 'agentName', width: 100, render: (v: string | null | undefined) => v ?? t('common.none') },
              { title: t('corrections.when'), dataIndex: 'updatedAt', width: 160, render: (v: string) => when(v) },
              {
                title: t('corrections.state'),
                dataIndex: 'retrainedAt',
                width: 90,
                render: (v: string | null) => (v ? <Tag color="green">{t('corrections.trained')}</Tag> : <Tag color="gold">{t('corrections.pending')}</Tag>),
              },
            ]}
          />
        </>
      )}
    </Card>
  );
}

export function TrainingExamples({ shopId }: { shopId: string }) {
  const path = `/shops/${encodeURIComponent(shopId)}/training-examples`;
  const res = useApi<{ items: Example[] }>(path);
  const { message: toast } = App.useApp();
  const [text, setText] = useState('');
  const [intent, setIntent] = useState<string>('stock');
  if (res.missing) return <MissingRoute path={`/api/v1${path}`} />;
  if (res.error) return <LoadError error={res.error} />;
  const add = async () => {
    try {
      await post(path, { items: [{ text, intent }] });
      void toast.success(t('settings.examplesAdded'));
      setText('');
      res.reload();
    } catch (e) {
      void toast.error(errorText(e));
    }
  };
  const remove = async (id: string) => {
    try {
      await del(`${path}/${encodeURIComponent(id)}`);
      res.reload();
    } catch (e) {
      void toast.error(errorText(e));
    }
  };
  return (
    <div>
      <CorrectionsSummary shopId={shopId} />
      <Alert type="info" showIcon style={{ marginBottom: 12 }} message={t('settings.examplesHint')} />
      <Space.Compact style={{ width: '100%', marginBottom: 12 }}>
        <Input
          value={text}
          maxLength={200}
          placeholder={t('settings.examplesPlaceholder')}
          onChange={(e) => setText(e.target.value)}
          onPressEnter={() => text.trim() && void add()}
        />
        <Select style={{ width: 180 }} value={intent} onChange={setIntent} options={INTENT_IDS.map((i) => ({ value: i, label: intentLabel(i) }))} />
        <Button type="primary" disabled={!text.trim()} onClick={() => void add()}>
          {t('settings.examplesAdd')}
        </Button>
      </Space.Compact>
      <Table<Example>
        size="small"
        rowKey="id"
        loading={res.loading}
        dataSource={res.data?.items ?? []}
        pagination={{ pageSize: 15 }}
        columns={[
          { title: t('settings.examplesText'), dataIndex: 'text' },
          { title: t('settings.examplesIntent'), dataIndex: 'intent', width: 160, render: (v: string) => intentLabel(v) },
          {
            title: '',
            key: 'del',
            width: 80,
            render: (_: unknown, row) => (
              <Button size="small" danger type="link" onClick={() => void remove(row.id)}>
                {t('settings.examplesDelete')}
              </Button>
            ),
          },
        ]}
      />
    </div>
  );
}
