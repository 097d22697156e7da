// A shop's own intent examples (issue 3): buyer wording the bot misread, taught to the shop's model.
// Agents add; the model retrains on the server in the background.
import { useState } from 'react';
import { Alert, App, Button, Input, Select, Space, Table } from 'antd';
import { INTENT_IDS } from '../../../src/core/intents.js';
import { del, post, errorText } from '../lib/api.js';
import { useApi } from '../lib/use-api.js';
import { intentLabel, t } from '../i18n.js';
import { LoadError, MissingRoute } from './missing-route.js';
import type { TrainingExampleView as Example } from '../lib/types.js';

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
