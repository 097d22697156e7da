// Shop settings tables: catalogue and stock (O5), promotions the bot may offer (C7), and the
// shop's rule overrides over the platform profile (P1): a form of every overridable figure with its
// platform default and source, the JSON as an advanced view; both validated by the server.
import { useEffect, useState } from 'react';
import { Alert, App, Button, Input, InputNumber, Select, Space, Switch, Table, Tabs, Tag, Tooltip, Typography } from 'antd';
import { ApiError, put, errorText } from '../lib/api.js';
import { OVERRIDE_FIELDS, overrideFieldErrors, overrideValueError, valueAt, withoutValueAt, withValueAt } from '../../../src/core/rules/override-fields.js';
import { useApi } from '../lib/use-api.js';
import { getLocale, ruleOptionLabel, t, yuan, type MessageKey } from '../i18n.js';
import { LoadError, MissingRoute } from './missing-route.js';
import type { ItemView as Item, PromotionView, TextFindingView } from '../lib/types.js';
import type { RuleOverrideFieldView, RuleOverridesView } from '../../../src/core/contract/views.js';

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

type FieldView = RuleOverrideFieldView;
type Overrides = Record<string, unknown>;

/** The source of a platform default as people read it: O3 · 种子 001 (note on hover). */
function sourceText(f: FieldView): string {
  if (!f.source) return '—';
  const req = Array.isArray(f.source.req) ? f.source.req.join('/') : f.source.req;
  return `${req} · ${f.source.seed ? t('settings.rules.seed', { s: f.source.seed }) : t('settings.rules.noSeed')}`;
}

function valueText(f: FieldView, v: unknown): string {
  if (v === null || v === undefined) return t('settings.rules.empty');
  if (typeof v === 'boolean') return v ? t('settings.rules.yes') : t('settings.rules.no');
  return String(v);
}

/** P1 (issue 15): every overridable figure as a form row; the JSON stays as the advanced view. */
export function RuleOverrides({ shopId }: { shopId: string }) {
  const path = `/shops/${encodeURIComponent(shopId)}/rule-overrides`;
  const res = useApi<RuleOverridesView>(path);
  const { message: toast } = App.useApp();
  const [draft, setDraft] = useState<Overrides>({});
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [text, setText] = useState('{}');
  const [invalid, setInvalid] = useState(false);
  const save = useSaver();
  useEffect(() => {
    const o = (res.data?.overrides ?? {}) as Overrides;
    setDraft(o && typeof o === 'object' && !Array.isArray(o) ? o : {});
    setText(JSON.stringify(res.data?.overrides ?? {}, null, 2));
    setErrors({});
  }, [res.data]);
  if (res.missing) return <MissingRoute path={`/api/v1${path}`} />;
  if (res.error) return <LoadError error={res.error} />;
  const fields = res.data?.fields ?? [];
  const catalogue = new Map(OVERRIDE_FIELDS.map((f) => [f.path, f]));

  const setField = (f: FieldView, v: unknown) => {
    setDraft((d) => withValueAt(d, f.path, v));
    const spec = catalogue.get(f.path);
    const why = spec ? overrideValueError(spec, v) : null;
    setErrors((e) => {
      const next = { ...e };
      if (why) next[f.path] = `${f.meaningZh}：${why}`;
      else delete next[f.path];
      return next;
    });
  };
  const resetField = (f: FieldView) => {
    setDraft((d) => withoutValueAt(d, f.path));
    setErrors((e) => {
      const next = { ...e };
      delete next[f.path];
      return next;
    });
  };

  const submitForm = async () => {
    const local = overrideFieldErrors(draft);
    if (local.length > 0) {
      setErrors(Object.fromEntries(local.map((x) => [x.path, x.messageZh])));
      void toast.error(t('settings.rules.fixErrors', { n: local.length }));
      return;
    }
    try {
      await put(path, { overrides: draft });
      void toast.success(t('common.saved'));
      res.reload();
    } catch (e) {
      const fieldsWrong = e instanceof ApiError ? (e.details as { fields?: { path: string; messageZh: string }[] } | undefined)?.fields : undefined;
      if (fieldsWrong?.length) setErrors(Object.fromEntries(fieldsWrong.map((x) => [x.path, x.messageZh])));
      void toast.error(errorText(e));
    }
  };

  const submitJson = () => {
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

  const input = (f: FieldView) => {
    const own = valueAt(draft, f.path);
    const v = own !== undefined ? own : f.platformDefault;
    const testId = `rule-${f.path}`;
    if (f.kind === 'bool') return <Switch size="small" data-testid={testId} checked={v === true} onChange={(x) => setField(f, x)} />;
    if (f.kind === 'enum') {
      return (
        <Select size="small" style={{ width: 160 }} data-testid={testId} value={v as string} onChange={(x: string) => setField(f, x)}
          options={f.options.map((o) => ({ value: o, label: ruleOptionLabel(o) }))} />
      );
    }
    return (
      <InputNumber
        size="small"
        style={{ width: 140 }}
        data-testid={testId}
        aria-label={f.meaningZh}
        status={errors[f.path] ? 'error' : undefined}
        value={typeof v === 'number' ? v : null}
        placeholder={f.nullable ? t('settings.rules.empty') : undefined}
        onChange={(x) => setField(f, x === null || x === undefined ? (f.nullable ? null : x) : Number(x))}
      />
    );
  };

  const wrong = Object.keys(errors).length;
  return (
    <Tabs
      size="small"
      items={[
        {
          key: 'form',
          label: t('settings.rules.form'),
          children: (
            <div data-testid="rule-form">
              <Alert type="info" showIcon message={t('settings.rules.formHint')} style={{ marginBottom: 8 }} />
              {wrong > 0 && <Alert type="error" showIcon data-testid="rule-errors" message={t('settings.rules.fixErrors', { n: wrong })} style={{ marginBottom: 8 }} />}
              <Table<FieldView>
                size="small"
                rowKey="path"
                dataSource={fields}
                pagination={false}
                scroll={{ y: 520 }}
                columns={[
                  {
                    title: t('settings.rules.meaning'),
                    render: (_, f) => (
                      <div>
                        <div>{getLocale() === 'en' ? f.meaningEn : f.meaningZh}</div>
                        <Typography.Text type="secondary" style={{ fontSize: 11 }}>{f.path}</Typography.Text>
                      </div>
                    ),
                  },
                  { title: t('settings.rules.default'), width: 120, render: (_, f) => valueText(f, f.platformDefault) },
                  {
                    title: t('settings.rules.source'),
                    width: 150,
                    render: (_, f) => (
                      <Tooltip title={f.source?.note}>
                        <Tag data-testid={`rule-source-${f.path}`}>{sourceText(f)}</Tag>
                      </Tooltip>
                    ),
                  },
                  {
                    title: t('settings.rules.value'),
                    width: 260,
                    render: (_, f) => (
                      <div>
                        <Space size={4}>
                          {input(f)}
                          {valueAt(draft, f.path) !== undefined && (
                            <>
                              <Tag color="orange">{t('settings.rules.overridden')}</Tag>
                              <Button size="small" type="link" onClick={() => resetField(f)}>{t('settings.rules.reset')}</Button>
                            </>
                          )}
                        </Space>
                        {errors[f.path] && <div style={{ color: '#ff4d4f', fontSize: 12 }} data-testid={`rule-error-${f.path}`}>{errors[f.path]}</div>}
                      </div>
                    ),
                  },
                ]}
              />
              <Button type="primary" style={{ marginTop: 8 }} data-testid="rule-save" onClick={() => void submitForm()}>{t('common.save')}</Button>
            </div>
          ),
        },
        {
          key: 'json',
          label: t('settings.rules.advanced'),
          children: (
            <>
              <Alert type="info" showIcon message={t('settings.rulesHint')} style={{ marginBottom: 8 }} />
              {invalid && <Alert type="error" message={t('settings.invalidJson')} style={{ marginBottom: 8 }} />}
              <Input.TextArea rows={14} value={text} onChange={(e) => setText(e.target.value)} style={{ fontFamily: 'monospace' }} data-testid="rule-json" />
              <Button type="primary" style={{ marginTop: 8 }} onClick={submitJson}>{t('common.save')}</Button>
            </>
          ),
        },
      ]}
    />
  );
}
