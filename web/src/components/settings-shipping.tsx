// O6: the shop's own 运费模板 in 设置 — a default group (first-weight price, first kg, price per
// extra kg) and province groups, each with its own prices; saved with PUT …/shipping-fees, whose
// Chinese reasons are shown per group. 试算 computes a fee from the draft with the same core
// function the bot uses (core/money/shipping-fee.ts). 恢复示例 clears the shop's table: the
// rules' example (rules/common.yaml, seed 004) applies again.
import { useEffect, useState } from 'react';
import { Alert, App, Button, Card, InputNumber, Select, Space, Table, Typography } from 'antd';
import type { ShippingFeesView } from '../../../src/core/contract/shipping-fees.js';
import { feeTableErrors } from '../../../src/core/contract/shipping-fees.js';
import { shippingFee } from '../../../src/core/money/shipping-fee.js';
import { ApiError, errorText, put } from '../lib/api.js';
import { useApi } from '../lib/use-api.js';
import { t } from '../i18n.js';
import { LoadError, MissingRoute } from './missing-route.js';

type Table = ShippingFeesView['table'];
type Group = Table['regions'][number];

export function ShippingFeesEditor({ shopId }: { shopId: string }) {
  const path = `/shops/${encodeURIComponent(shopId)}/shipping-fees`;
  const res = useApi<ShippingFeesView>(path);
  const { message: toast } = App.useApp();
  const [draft, setDraft] = useState<Table | null>(null);
  const [serverError, setServerError] = useState<string | null>(null);
  const [province, setProvince] = useState('新疆');
  const [weight, setWeight] = useState<number | null>(2);
  useEffect(() => {
    if (res.data) setDraft(structuredClone(res.data.table));
    setServerError(null);
  }, [res.data]);
  if (res.missing) return <MissingRoute path={`/api/v1${path}`} />;
  if (res.error) return <LoadError error={res.error} />;
  if (!res.data || !draft) return null;
  const provinces = res.data.provinces;

  const setGroup = (i: number, patch: Partial<Group>) =>
    setDraft((d) => (d ? { ...d, regions: d.regions.map((g, j) => (j === i ? { ...g, ...patch } : g)) } : d));
  const localErrors = feeTableErrors(draft);
  const trial = (() => {
    if (weight === null || localErrors.length > 0) return null;
    try {
      return { fee: shippingFee(draft, province, weight).fee };
    } catch (e) {
      return { error: e instanceof Error ? e.message : String(e) };
    }
  })();

  const save = async (table: Table | null) => {
    setServerError(null);
    try {
      await put(path, { table });
      void toast.success(t('common.saved'));
      res.reload();
    } catch (e) {
      const text = errorText(e);
      setServerError(e instanceof ApiError ? e.message : text);
      void toast.error(text);
    }
  };

  const price = (value: number | null, onChange: (v: number | null) => void, testId: string, nullable = false) => (
    <InputNumber
      data-testid={testId}
      min={0}
      max={9999}
      step={0.5}
      value={value}
      placeholder={nullable ? t('settings.shipping.askShop') : undefined}
      onChange={(v) => onChange(typeof v === 'number' ? v : nullable ? null : 0)}
    />
  );

  return (
    <Space direction="vertical" style={{ width: '100%' }} data-testid="shipping-fees">
      <Typography.Paragraph type="secondary" style={{ margin: 0 }}>
        {res.data.own ? t('settings.shipping.own') : t('settings.shipping.example')}
      </Typography.Paragraph>
      <Card size="small" title={t('settings.shipping.default')}>
        <Space wrap>
          <span>{t('settings.shipping.first')}</span>
          {price(draft.default.first, (v) => setDraft({ ...draft, default: { ...draft.default, first: v ?? 0 } }), 'fee-default-first')}
          <span>{t('settings.shipping.firstKg')}</span>
          <InputNumber data-testid="fee-default-first-kg" min={0.1} max={100} step={0.5} value={draft.first_kg} onChange={(v) => setDraft({ ...draft, first_kg: typeof v === 'number' ? v : 1 })} />
          <span>{t('settings.shipping.extraPerKg')}</span>
          {price(draft.default.extra_per_kg, (v) => setDraft({ ...draft, default: { ...draft.default, extra_per_kg: v ?? 0 } }), 'fee-default-extra')}
        </Space>
      </Card>
      <Table<Group & { key: number }>
        size="small"
        pagination={false}
        rowKey="key"
        dataSource={draft.regions.map((g, key) => ({ ...g, key }))}
        columns={[
          {
            title: t('settings.shipping.provinces'),
            render: (_, g) => (
              <Select
                mode="multiple"
                style={{ minWidth: 260 }}
                data-testid={`fee-group-${g.key}-provinces`}
                value={g.provinces}
                options={provinces.map((p) => ({ value: p, label: p }))}
                onChange={(v: string[]) => setGroup(g.key, { provinces: v })}
              />
            ),
          },
          { title: t('settings.shipping.first'), render: (_, g) => price(g.first, (v) => setGroup(g.key, { first: v ?? 0 }), `fee-group-${g.key}-first`) },
          {
            title: t('settings.shipping.firstKg'),
            render: (_, g) => (
              <InputNumber
                min={0.1}
                max={100}
                step={0.5}
                value={g.first_kg ?? null}
                placeholder={String(draft.first_kg)}
                onChange={(v) => setGroup(g.key, { first_kg: typeof v === 'number' ? v : undefined })}
              />
            ),
          },
          { title: t('settings.shipping.extraPerKg'), render: (_, g) => price(g.extra_per_kg, (v) => setGroup(g.key, { extra_per_kg: v }), `fee-group-${g.key}-extra`, true) },
          {
            title: '',
            render: (_, g) => (
              <Button danger size="small" onClick={() => setDraft({ ...draft, regions: draft.regions.filter((_, j) => j !== g.key) })}>
                {t('common.delete')}
              </Button>
            ),
          },
        ]}
      />
      <Space wrap>
        <Button
          data-testid="fee-add-group"
          disabled={draft.regions.length >= 40}
          onClick={() => setDraft({ ...draft, regions: [...draft.regions, { provinces: [], first: draft.default.first, extra_per_kg: draft.default.extra_per_kg }] })}
        >
          {t('settings.shipping.addGroup')}
        </Button>
        <Button type="primary" data-testid="fee-save" onClick={() => void save(draft)}>
          {t('common.save')}
        </Button>
        {res.data.own && <Button onClick={() => void save(null)}>{t('settings.shipping.useExample')}</Button>}
      </Space>
      {localErrors.length > 0 && <Alert type="warning" showIcon message={localErrors.map((e) => e.messageZh).join('；')} />}
      {serverError && <Alert type="error" showIcon data-testid="fee-error" message={serverError} />}
      <Card size="small" title={t('settings.shipping.trial')}>
        <Space wrap>
          <Select style={{ width: 120 }} showSearch value={province} onChange={setProvince} options={provinces.map((p) => ({ value: p, label: p }))} data-testid="fee-trial-province" />
          <InputNumber min={0} max={1000} step={0.5} value={weight} onChange={(v) => setWeight(typeof v === 'number' ? v : null)} addonAfter="kg" data-testid="fee-trial-weight" />
          <Typography.Text strong data-testid="fee-trial-result">
            {trial === null ? '—' : 'fee' in trial ? t('settings.shipping.trialFee', { fee: trial.fee ?? 0 }) : trial.error}
          </Typography.Text>
        </Space>
      </Card>
    </Space>
  );
}
