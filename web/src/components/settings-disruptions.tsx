// O7: the shop's 物流异常 in 设置 — provinces (the 运费模板's names), a span from the first day to
// the expected recovery, the cause (暴雪/台风/暴雨/疫情管控/大促爆仓/节假日/其他 with a note) and
// optionally a courier; added with POST …/logistics-disruptions, removed with DELETE, the server's
// Chinese reasons shown. Beside them, the holiday calendar every shop shares (rules, read-only).
import { useState } from 'react';
import { Alert, App, Button, Card, DatePicker, Input, Popconfirm, Select, Space, Table, Tag, Typography } from 'antd';
import {
  DISRUPTION_CAUSE_ZH,
  DISRUPTION_CAUSES,
  disruptionErrors,
  type DisruptionBody,
  type DisruptionCause,
  type DisruptionsView,
  type DisruptionView,
} from '../../../src/core/contract/logistics-disruptions.js';
import { ApiError, del, errorText, post } from '../lib/api.js';
import { useApi } from '../lib/use-api.js';
import { t } from '../i18n.js';
import { LoadError, MissingRoute } from './missing-route.js';

const EMPTY: DisruptionBody = { provinces: [], from: '', to: '', cause: 'blizzard', note: null, courier: null };

export function DisruptionsEditor({ shopId }: { shopId: string }) {
  const path = `/shops/${encodeURIComponent(shopId)}/logistics-disruptions`;
  const res = useApi<DisruptionsView>(path);
  const { message: toast } = App.useApp();
  const [draft, setDraft] = useState<DisruptionBody>(EMPTY);
  // The date picker is uncontrolled; a new key clears it after an entry is added.
  const [formKey, setFormKey] = useState(0);
  const [touched, setTouched] = useState(false);
  const [serverError, setServerError] = useState<string | null>(null);
  if (res.missing) return <MissingRoute path={`/api/v1${path}`} />;
  if (res.error) return <LoadError error={res.error} />;
  if (!res.data) return null;
  const { provinces, items, calendar } = res.data;
  const localErrors = draft.from && draft.to ? disruptionErrors(draft) : [];

  const add = async () => {
    setTouched(true);
    setServerError(null);
    try {
      await post(path, draft);
      void toast.success(t('common.saved'));
      setDraft(EMPTY);
      setTouched(false);
      setFormKey((k) => k + 1);
      res.reload();
    } catch (e) {
      const text = errorText(e);
      setServerError(e instanceof ApiError ? e.message : text);
      void toast.error(text);
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
    <Space direction="vertical" style={{ width: '100%' }} data-testid="disruptions">
      <Typography.Paragraph type="secondary" style={{ margin: 0 }}>{t('settings.disruptions.hint')}</Typography.Paragraph>
      <Card size="small" title={t('settings.disruptions.add')} key={formKey}>
        <Space wrap align="start">
          <Select
            mode="multiple"
            allowClear
            style={{ minWidth: 280 }}
            placeholder={t('settings.disruptions.provinces')}
            data-testid="dis-provinces"
            value={draft.provinces}
            options={[{ value: '*', label: t('settings.disruptions.allProvinces') }, ...provinces.map((p) => ({ value: p, label: p }))]}
            onChange={(v: string[]) => setDraft({ ...draft, provinces: v.includes('*') ? [...provinces] : v })}
          />
          <span data-testid="dis-span">
            <DatePicker.RangePicker
              format="YYYY-MM-DD"
              placeholder={[t('settings.disruptions.span').split(' — ')[0] ?? '', t('settings.disruptions.span').split(' — ')[1] ?? '']}
              onChange={(_, text) => setDraft((d) => ({ ...d, from: text[0] ?? '', to: text[1] ?? '' }))}
            />
          </span>
          <Select<DisruptionCause>
            style={{ width: 130 }}
            data-testid="dis-cause"
            value={draft.cause}
            options={DISRUPTION_CAUSES.map((c) => ({ value: c, label: DISRUPTION_CAUSE_ZH[c] }))}
            onChange={(cause) => setDraft({ ...draft, cause })}
          />
          <Input
            style={{ width: 240 }}
            data-testid="dis-note"
            maxLength={200}
            placeholder={t('settings.disruptions.notePlaceholder')}
            value={draft.note ?? ''}
            onChange={(e) => setDraft({ ...draft, note: e.target.value || null })}
          />
          <Input
            style={{ width: 200 }}
            data-testid="dis-courier"
            maxLength={40}
            placeholder={t('settings.disruptions.courier')}
            value={draft.courier ?? ''}
            onChange={(e) => setDraft({ ...draft, courier: e.target.value || null })}
          />
          <Button type="primary" data-testid="dis-add" onClick={() => void add()}>
            {t('settings.disruptions.add')}
          </Button>
        </Space>
      </Card>
      {touched && localErrors.length > 0 && !serverError && <Alert type="warning" showIcon message={localErrors.map((e) => e.messageZh).join('；')} />}
      {serverError && <Alert type="error" showIcon data-testid="dis-error" message={serverError} />}
      <Table<DisruptionView>
        size="small"
        rowKey="id"
        pagination={false}
        data-testid="dis-table"
        locale={{ emptyText: t('settings.disruptions.empty') }}
        dataSource={items}
        columns={[
          { title: t('settings.disruptions.provinces'), render: (_, d) => (d.provinces.length === provinces.length ? t('settings.disruptions.allProvinces') : d.provinces.join('、')) },
          { title: t('settings.disruptions.span'), render: (_, d) => `${d.from} — ${d.to}` },
          { title: t('settings.disruptions.cause'), render: (_, d) => DISRUPTION_CAUSE_ZH[d.cause] + (d.note ? `（${d.note}）` : '') },
          { title: t('settings.disruptions.courierColumn'), render: (_, d) => d.courier ?? '—' },
          { title: t('settings.disruptions.buyerReads'), render: (_, d) => <span data-testid="dis-phrase">{d.phraseZh}</span> },
          {
            title: '',
            render: (_, d) => <Tag color={d.status === 'active' ? 'orange' : d.status === 'upcoming' ? 'blue' : 'default'}>{t(`settings.disruptions.status.${d.status}`)}</Tag>,
          },
          {
            title: '',
            render: (_, d) => (
              <Popconfirm title={t('settings.disruptions.deleteConfirm')} onConfirm={() => void remove(d.id)}>
                <Button danger size="small" data-testid="dis-delete">{t('common.delete')}</Button>
              </Popconfirm>
            ),
          },
        ]}
      />
      <Card size="small" title={t('settings.disruptions.calendar')}>
        <Table
          size="small"
          rowKey={(r) => `${r.name}|${r.from}`}
          pagination={false}
          dataSource={calendar}
          columns={[
            { title: '', dataIndex: 'name' },
            { title: t('settings.disruptions.span'), render: (_, r) => `${r.from} — ${r.to}` },
            { title: '', render: (_, r) => t(`settings.disruptions.impact.${r.impact}`) },
            { title: '', render: (_, r) => <Typography.Text type="secondary">{r.note ?? ''}</Typography.Text> },
          ]}
        />
      </Card>
    </Space>
  );
}
