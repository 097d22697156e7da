// Shop settings tables: catalogue and stock (O5), promotions the bot may offer (C7), and the
// shop's rule overrides over the platform profile (P1), edited as JSON and validated by the server.
import { useEffect, useState } from 'react';
import { Alert, App, Button, Input, InputNumber, Select, Switch, Table, Tag } from 'antd';
import { put, errorText } from '../lib/api.js';
import { useApi } from '../lib/use-api.js';
import { t, yuan, type MessageKey } from '../i18n.js';
import { LoadError, MissingRoute } from './missing-route.js';
import type { ItemView as Item, PromotionView, TextFindingView } from '../lib/types.js';

type Variant = Item['variants'][number];
/** A promotion row being edited: rows added here have no id until saved. */
type Promotion = Omit<PromotionView, 'id' | 'value'> & { id?: string; value?: unknown };

/** Warnings the server's guard returned on a save (issue 11): saved, but shown with the rule's name. */
/** A guard finding on a saved text (issue 11), as the server returns it. */
export type SaveWarning = TextFindingView;

export function warningText(w: SaveWarning): string {
  const head = `${w.where}：${w.suspected ? t('guard.suspected') : ''}「${w.title}」（${w.rule}）`;
  return `${head}${w.suspected && w.reason ? ` ${w.reason}` : ''}${w.rewrite ? ` ${t('guard.suggest', { s: w.rewrite })}` : ''}`;
}

function useSaver() {
  const { message: toast } = App.useApp();
  return async (path: string, body: unknown, done: () => void) => {
    try {
      const res = await put<{ warnings?: SaveWarning[] }>(path, body);
      const warnings = res?.warnings ?? [];
      if (warnings.length > 0) void toast.warning(`${t('guard.savedWithWarnings')} ${warnings.map(warningText).join('；')}`, 8);
      else void toast.success(t('common.saved'));
      done();
    } catch (e) {
      void toast.error(errorText(e));
    }
  };
}

export function ItemsTable({ shopId }: { shopId: string }) {
  const path = `/shops/${encodeURIComponent(shopId)}/items`;
  const res = useApi<{ items: Item[] }>(path);
  const save = useSaver();
  if (res.missing) return <MissingRoute path={`/api/v1${path}`} />;
  if (res.error) return <LoadError error={res.error} />;
  const setStock = (item: Item, v: Variant, stock: number) =>
    void save(path, { items: [{ sku: item.sku, variants: [{ colour: v.colour, size: v.size, stock }] }] }, res.reload);
  const setListed = (item: Item, listed: boolean) => void save(path, { items: [{ sku: item.sku, listed }] }, res.reload);
  const setFreeShipping = (item: Item, v: string) =>
    void save(path, { items: [{ sku: item.sku, freeShipping: v === 'yes' ? true : v === 'no' ? false : null }] }, res.reload);
  return (
    <Table<Item>
      size="small"
      rowKey="id"
      loading={res.loading}
      dataSource={res.data?.items ?? []}
      pagination={{ pageSize: 15 }}
      columns={[
        { title: t('settings.sku'), dataIndex: 'sku', width: 110 },
        { title: t('settings.itemTitle'), dataIndex: 'title' },
        { title: t('settings.category'), dataIndex: 'category', width: 90 },
        { title: t('settings.price'), dataIndex: 'priceFen', width: 90, render: (v: number) => yuan(v) },
        {
          title: t('settings.stock'),
          render: (_, item) =>
            item.variants.map((v) => (
              <span key={`${v.colour}/${v.size}`} style={{ display: 'inline-block', marginRight: 8, marginBottom: 4 }}>
                <Tag color={v.stock === 0 ? 'red' : 'default'}>{[v.colour, v.size].filter(Boolean).join('/') || '—'}</Tag>
                <InputNumber size="small" min={0} style={{ width: 64 }} defaultValue={v.stock} onBlur={(e) => {
                  const n = Number(e.target.value);
                  if (Number.isInteger(n) && n >= 0 && n !== v.stock) setStock(item, v, n);
                }} />
              </span>
            )),
        },
        {
          title: t('settings.freeShipping'),
          width: 120,
          render: (_, item) => (
            <Select
              size="small"
              style={{ width: 108 }}
              data-testid={`free-shipping-${item.sku}`}
              value={item.freeShipping === true ? 'yes' : item.freeShipping === false ? 'no' : 'shop'}
              onChange={(v) => setFreeShipping(item, v)}
              options={[
                { value: 'shop', label: t('settings.freeShipping.shop') },
                { value: 'yes', label: t('settings.freeShipping.yes') },
                { value: 'no', label: t('settings.freeShipping.no') },
              ]}
            />
          ),
        },
        { title: t('settings.listed'), dataIndex: 'listed', width: 70, render: (v: boolean, item) => <Switch size="small" checked={v} onChange={(x) => setListed(item, x)} /> },
      ]}
    />
  );
}

const KINDS: Promotion['kind'][] = ['coupon', 'gift', 'freight', 'discount'];

export function PromotionsTable({ shopId }: { shopId: string }) {
  const path = `/shops/${encodeURIComponent(shopId)}/promotions`;
  const res = useApi<{ items: Promotion[] }>(path);
  const [rows, setRows] = useState<Promotion[]>([]);
  const save = useSaver();
  useEffect(() => setRows(res.data?.items ?? []), [res.data]);
  if (res.missing) return <MissingRoute path={`/api/v1${path}`} />;
  if (res.error) return <LoadError error={res.error} />;
  const update = (i: number, patch: Partial<Promotion>) => setRows((rs) => rs.map((r, j) => (j === i ? { ...r, ...patch } : r)));
  return (
    <>
      <Table<Promotion>
        size="small"
        rowKey={(r) => r.id ?? `new-${rows.indexOf(r)}`}
        dataSource={rows}
        pagination={false}
        columns={[
          { title: t('settings.kind'), width: 140, render: (_, r, i) => <Select size="small" style={{ width: 120 }} value={r.kind} onChange={(kind) => update(i, { kind })} options={KINDS.map((k) => ({ value: k, label: t(`settings.promo.${k}` as MessageKey) }))} /> },
          { title: t('settings.text'), render: (_, r, i) => <Input size="small" value={r.text} onChange={(e) => update(i, { text: e.target.value })} /> },
          { title: t('settings.active'), width: 70, render: (_, r, i) => <Switch size="small" checked={r.active} onChange={(active) => update(i, { active })} /> },
          { title: '', width: 70, render: (_, __, i) => <Button size="small" type="link" danger onClick={() => setRows((rs) => rs.filter((_, j) => j !== i))}>{t('common.delete')}</Button> },
        ]}
      />
      <Button style={{ marginTop: 8, marginRight: 8 }} onClick={() => setRows((rs) => [...rs, { kind: 'coupon', text: '', active: true }])}>{t('common.add')}</Button>
      <Button type="primary" style={{ marginTop: 8 }} onClick={() => void save(path, { items: rows.filter((r) => r.text.trim()) }, res.reload)}>{t('common.save')}</Button>
    </>
  );
}

export function RuleOverrides({ shopId }: { shopId: string }) {
  const path = `/shops/${encodeURIComponent(shopId)}/rule-overrides`;
  const res = useApi<{ overrides: unknown }>(path);
  const [text, setText] = useState('{}');
  const [invalid, setInvalid] = useState(false);
  const save = useSaver();
  useEffect(() => setText(JSON.stringify(res.data?.overrides ?? {}, null, 2)), [res.data]);
  if (res.missing) return <MissingRoute path={`/api/v1${path}`} />;
  if (res.error) return <LoadError error={res.error} />;
  const submit = () => {
    let parsed: unknown;
    try {
      parsed = JSON.parse(text);
    } catch {
      setInvalid(true);
      return;
    }
    setInvalid(false);
    void save(path, { overrides: parsed }, res.reload);
  };
  return (
    <>
      <Alert type="info" showIcon message={t('settings.rulesHint')} style={{ marginBottom: 8 }} />
      {invalid && <Alert type="error" message={t('settings.invalidJson')} style={{ marginBottom: 8 }} />}
      <Input.TextArea rows={14} value={text} onChange={(e) => setText(e.target.value)} style={{ fontFamily: 'monospace' }} />
      <Button type="primary" style={{ marginTop: 8 }} onClick={submit}>{t('common.save')}</Button>
    </>
  );
}
