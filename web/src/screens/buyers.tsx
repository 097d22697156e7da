// 客户: the shop's buyers (issue 14, CRM). Segments by VIP tier and tag (M2), a buyer's profile
// with purchase and service history (M1; phone and address masked unless the role may see them),
// notes, tags and occupation edited in place, and the shop's VIP tiers with the perks the bot and
// agents may offer (supervisors and admins change them).
import { useEffect, useState } from 'react';
import { Alert, Button, Card, Descriptions, Drawer, Input, InputNumber, List, Segmented, Select, Space, Table, Tag, Typography, message } from 'antd';
import type { BuyerListView, BuyerProfileView, BuyerRow, VipTiersView } from '../../../src/core/contract/buyers.js';
import { errorText, put } from '../lib/api.js';
import { useApi } from '../lib/use-api.js';
import { isSupervisor, useSession } from '../lib/session.js';
import { money, t, yuan } from '../i18n.js';
import { LoadError, MissingRoute } from '../components/missing-route.js';

export default function BuyersScreen() {
  const { shops, agent } = useSession();
  const [shopId, setShopId] = useState(shops[0]?.id ?? '');
  const [tier, setTier] = useState('');
  const [tag, setTag] = useState('');
  const [q, setQ] = useState('');
  const [open, setOpen] = useState<string | null>(null);
  const params = new URLSearchParams({ limit: '200' });
  if (tier) params.set('tier', tier);
  if (tag.trim()) params.set('tag', tag.trim());
  if (q.trim()) params.set('q', q.trim());
  const list = useApi<BuyerListView>(shopId ? `/shops/${encodeURIComponent(shopId)}/buyers?${params.toString()}` : null);
  const data = list.data;
  return (
    <div style={{ padding: 16, height: '100%', overflow: 'auto' }} data-testid="buyers-screen">
      <div style={{ display: 'flex', alignItems: 'center', gap: 12, marginBottom: 8, flexWrap: 'wrap' }}>
        <Typography.Title level={4} style={{ margin: 0 }}>{t('buyers.title')}</Typography.Title>
        <Select style={{ width: 220 }} value={shopId} onChange={(v) => { setShopId(v); setTier(''); }} options={shops.map((s) => ({ value: s.id, label: s.name }))} />
        {data && (
          <Segmented
            data-testid="buyer-segments"
            value={tier}
            onChange={(v) => setTier(String(v))}
            options={[
              { value: '', label: t('buyers.segment.all') },
              ...data.tiers.map((x) => ({ value: x.id, label: `${x.name} ${data.byTier[x.id] ?? 0}` })),
              { value: 'none', label: `${t('buyers.segment.none')} ${data.byTier.none ?? 0}` },
            ]}
          />
        )}
        <Input.Search allowClear style={{ width: 160 }} placeholder={t('buyers.tagFilter')} onSearch={setTag} data-testid="buyer-tag-filter" />
        <Input.Search allowClear style={{ width: 180 }} placeholder={t('buyers.search')} onSearch={setQ} />
      </div>
      {list.missing ? (
        <MissingRoute path="/api/v1/shops/:shopId/buyers" />
      ) : list.error ? (
        <LoadError error={list.error} />
      ) : !data ? null : (
        <>
          <Typography.Text type="secondary">{t('buyers.count', { n: data.total })}</Typography.Text>
          <Table<BuyerRow>
            size="small"
            rowKey="id"
            data-testid="buyer-table"
            dataSource={data.items}
            pagination={{ pageSize: 50 }}
            onRow={(r) => ({ onClick: () => setOpen(r.id), style: { cursor: 'pointer' } })}
            columns={[
              { title: t('buyers.col.buyer'), render: (_, r) => <span data-testid="buyer-row">{r.nickname ?? r.platformAccount}{r.optedOut && <Tag color="purple" style={{ marginLeft: 6 }}>{t('buyers.optedOut')}</Tag>}</span> },
              { title: t('buyers.col.tier'), render: (_, r) => (r.tier ? <Tag color="gold">{r.tier.name}</Tag> : t('common.none')) },
              { title: t('buyers.col.orders'), dataIndex: 'paidOrders' },
              { title: t('buyers.col.spend'), render: (_, r) => <span data-testid="buyer-spend">{spendText(r.spendFen, r.spendByCurrency)}</span> },
              { title: t('buyers.col.tags'), render: (_, r) => r.tags.map((x) => <Tag key={x}>{x}</Tag>) },
              { title: t('buyers.col.last'), render: (_, r) => (r.lastOrderAt ? new Date(r.lastOrderAt).toLocaleDateString('zh-CN') : t('common.none')) },
            ]}
          />
          <Tiers key={shopId} shopId={shopId} canEdit={isSupervisor(agent)} onSaved={list.reload} />
        </>
      )}
      <Drawer width={560} open={open !== null} onClose={() => setOpen(null)} title={t('buyers.profile')} destroyOnHidden>
        {open && <Profile id={open} onSaved={list.reload} />}
      </Drawer>
    </div>
  );
}

function Profile({ id, onSaved }: { id: string; onSaved: () => void }) {
  const view = useApi<BuyerProfileView>(`/buyers/${encodeURIComponent(id)}`);
  const [notes, setNotes] = useState('');
  const [tags, setTags] = useState<string[]>([]);
  const [occupation, setOccupation] = useState('');
  const [email, setEmail] = useState('');
  const [busy, setBusy] = useState(false);
  const b = view.data;
  useEffect(() => {
    if (!b) return;
    setNotes(b.notes ?? '');
    setTags(b.tags);
    setOccupation(b.occupation ?? '');
  }, [b]);
  if (view.error) return <LoadError error={view.error} />;
  if (!b) return null;
  // F4: the buyer's email for re-visit mail (validated on the server, shown masked afterwards).
  const saveEmail = async () => {
    try {
      await put(`/shops/${encodeURIComponent(b.shopId)}/buyers/${encodeURIComponent(id)}/email`, { email: email.trim() });
      void message.success(t('buyers.emailSaved'));
      setEmail('');
      view.reload();
    } catch (e) {
      void message.error(errorText(e));
    }
  };
  const save = async () => {
    setBusy(true);
    try {
      await put(`/buyers/${encodeURIComponent(id)}`, { notes, tags, occupation });
      void message.success(t('buyers.saved'));
      view.reload();
      onSaved();
    } catch (e) {
      void message.error(errorText(e));
    } finally {
      setBusy(false);
    }
  };
  return (
    <div data-testid="buyer-profile">
      <Typography.Title level={5} style={{ marginTop: 0 }}>
        {b.nickname ?? b.platformAccount} {b.tier ? <Tag color="gold" data-testid="buyer-tier">{b.tier.name}</Tag> : <Tag>{t('buyers.noTier')}</Tag>}
        {b.optedOut && <Tag color="purple">{t('buyers.optedOut')}</Tag>}
      </Typography.Title>
      <Typography.Paragraph type="secondary">
        {t('buyers.col.orders')} {b.standing.paidOrders} · {t('buyers.col.spend')} <span data-testid="profile-spend">{spendText(b.standing.spendFen, b.standing.spendByCurrency)}</span>
        {b.nextTier && ` · ${t('buyers.nextTier', {
          o: b.nextTier.ordersToGo,
          s: [yuan(b.nextTier.spendFenToGo), ...Object.entries(b.nextTier.spendToGoByCurrency).map(([c, m]) => money(m, c))].join(t('buyers.or')),
          name: b.nextTier.name,
        })}`}
      </Typography.Paragraph>
      {b.tier && (
        <Alert
          style={{ marginBottom: 12 }}
          type={b.perks.length ? 'success' : 'info'}
          message={t('buyers.perks')}
          description={b.perks.length ? b.perks.map((p) => p.text).join('；') : t('buyers.noPerks')}
          data-testid="buyer-perks"
        />
      )}
      {b.masked && <Alert style={{ marginBottom: 12 }} type="warning" showIcon message={t('buyers.masked')} />}
      <Descriptions size="small" column={1} bordered>
        <Descriptions.Item label={t('buyers.phone')}>{b.phone ?? t('common.none')}</Descriptions.Item>
        <Descriptions.Item label={t('buyers.email')}>
          <Space>
            <span data-testid="buyer-email">{b.email ?? t('common.none')}</span>
            <Input size="small" style={{ width: 220 }} placeholder={t('buyers.emailPlaceholder')} value={email} onChange={(e) => setEmail(e.target.value)} data-testid="buyer-email-input" />
            <Button size="small" disabled={!email.trim()} onClick={() => void saveEmail()} data-testid="buyer-email-save">{t('buyers.emailSave')}</Button>
          </Space>
        </Descriptions.Item>
        <Descriptions.Item label={t('buyers.address')}>{b.address ?? t('common.none')}</Descriptions.Item>
        <Descriptions.Item label={t('buyers.city')}>{b.city ?? t('common.none')}</Descriptions.Item>
      </Descriptions>
      <Space direction="vertical" style={{ width: '100%', marginTop: 12 }}>
        <Typography.Text strong>{t('buyers.occupation')}</Typography.Text>
        <Input value={occupation} maxLength={40} onChange={(e) => setOccupation(e.target.value)} data-testid="buyer-occupation" />
        <Typography.Text strong>{t('buyers.tags')}</Typography.Text>
        <Select mode="tags" style={{ width: '100%' }} value={tags} onChange={setTags} tokenSeparators={[',', '，']} data-testid="buyer-tags" />
        <Typography.Text strong>{t('buyers.notes')}</Typography.Text>
        <Input.TextArea rows={4} value={notes} maxLength={2000} onChange={(e) => setNotes(e.target.value)} data-testid="buyer-notes" />
        <Button type="primary" loading={busy} onClick={() => void save()} data-testid="buyer-save">{t('buyers.save')}</Button>
      </Space>
      <Typography.Title level={5}>{t('buyers.purchases')}</Typography.Title>
      <Table
        size="small"
        rowKey="orderId"
        pagination={false}
        dataSource={b.purchases}
        data-testid="buyer-purchases"
        columns={[
          { title: '订单号', dataIndex: 'platformOrderNo' },
          { title: '状态', dataIndex: 'state' },
          { title: '金额', render: (_, r) => yuan(r.totalFen) },
          { title: '商品', render: (_, r) => r.items.join('、') },
        ]}
      />
      <Typography.Title level={5}>{t('buyers.service')}</Typography.Title>
      <List
        size="small"
        dataSource={b.service}
        data-testid="buyer-service"
        renderItem={(s) => (
          <List.Item style={{ display: 'block' }}>
            <Typography.Text type="secondary">{new Date(s.at).toLocaleString('zh-CN')}</Typography.Text> {s.title}
            <div style={{ fontSize: 12, color: '#555' }}>{s.detail}</div>
          </List.Item>
        )}
      />
    </div>
  );
}

type TierDraft = VipTiersView['tiers'][number];

function Tiers({ shopId, canEdit, onSaved }: { shopId: string; canEdit: boolean; onSaved: () => void }) {
  const view = useApi<VipTiersView>(`/shops/${encodeURIComponent(shopId)}/vip-tiers`);
  const [draft, setDraft] = useState<TierDraft[]>([]);
  const [busy, setBusy] = useState(false);
  useEffect(() => {
    if (view.data) setDraft(view.data.tiers);
  }, [view.data]);
  if (view.error) return <LoadError error={view.error} />;
  if (!view.data) return null;
  const set = (i: number, patch: Partial<TierDraft>) => setDraft((d) => d.map((x, k) => (k === i ? { ...x, ...patch } : x)));
  const save = async () => {
    setBusy(true);
    try {
      await put(`/shops/${encodeURIComponent(shopId)}/vip-tiers`, { tiers: draft });
      void message.success(t('buyers.tiers.saved'));
      view.reload();
      onSaved();
    } catch (e) {
      void message.error(errorText(e));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Card size="small" style={{ marginTop: 12 }} title={t('buyers.tiers')} data-testid="vip-tiers">
      <Typography.Paragraph type="secondary">{view.data.own ? t('buyers.tiers.own') : t('buyers.tiers.defaults')}</Typography.Paragraph>
      {!canEdit && <Typography.Paragraph type="secondary">{t('buyers.tiers.leadsOnly')}</Typography.Paragraph>}
      {draft.map((x, i) => (
        <Space key={x.id} wrap style={{ marginBottom: 8 }} data-testid="vip-tier">
          <Input style={{ width: 120 }} value={x.name} disabled={!canEdit} addonBefore={t('buyers.tiers.name')} onChange={(e) => set(i, { name: e.target.value })} />
          <InputNumber min={1} value={x.minOrders} disabled={!canEdit} addonBefore={t('buyers.tiers.minOrders')} onChange={(v) => set(i, { minOrders: Number(v ?? 1) })} />
          <InputNumber min={0} value={x.minSpendYuan} disabled={!canEdit} addonBefore={t('buyers.tiers.minSpend')} onChange={(v) => set(i, { minSpendYuan: Number(v ?? 0) })} />
          {Object.keys(x.minSpendByCurrency ?? {}).length > 0 && (
            <Typography.Text type="secondary" style={{ fontSize: 12 }} data-testid="vip-tier-currencies">
              {t('buyers.tiers.otherCurrencies')}{Object.entries(x.minSpendByCurrency).map(([c, v]) => `${c} ${v}`).join(' / ')}
            </Typography.Text>
          )}
          <Input
            style={{ width: 300 }}
            disabled={!canEdit}
            placeholder={t('buyers.tiers.perk')}
            value={x.perks[0]?.text ?? ''}
            data-testid="vip-perk"
            onChange={(e) => set(i, { perks: e.target.value.trim() ? [{ kind: x.perks[0]?.kind ?? 'new_item_discount', text: e.target.value }] : [] })}
          />
          {!view.data!.own && <Typography.Text type="secondary" style={{ fontSize: 12 }}>{view.data!.defaultSources[x.id]}</Typography.Text>}
        </Space>
      ))}
      {canEdit && <div><Button type="primary" loading={busy} onClick={() => void save()} data-testid="vip-save">{t('buyers.tiers.save')}</Button></div>}
    </Card>
  );
}

/** Spend per currency, each in its own currency (issue 15: never added or converted). */
function spendText(fen: number, other: Record<string, number>): string {
  const parts = Object.entries(other).filter(([, m]) => m > 0).map(([c, m]) => money(m, c));
  return fen > 0 || parts.length === 0 ? [yuan(fen), ...parts].join(' / ') : parts.join(' / ');
}
