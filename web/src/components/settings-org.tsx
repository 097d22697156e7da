// Organisation settings: agents (who serves which shops; admins edit and disable them, issue 15)
// and API tokens for marketplace bridges.
// A new token is shown once; the server keeps only its hash.
import { useState } from 'react';
import { Alert, App, Button, Form, Input, Modal, Popconfirm, Select, Space, Table, Tag, Typography } from 'antd';
import { del, patch, post, errorText } from '../lib/api.js';
import type { UpdatedAgentView } from '../../../src/core/contract/views.js';
import { useApi } from '../lib/use-api.js';
import { useSession } from '../lib/session.js';
import { formatDateTime, t, type MessageKey } from '../i18n.js';
import { LoadError, MissingRoute } from './missing-route.js';
import type { AgentRowView as AgentRow, ApiTokenRowView as TokenRow } from '../lib/types.js';

const TOKEN_SCOPES = ['bridge', 'read', 'admin'] as const;

export function AgentsTable() {
  const { shops, agent: me } = useSession();
  const { message: toast } = App.useApp();
  const res = useApi<{ items: AgentRow[] }>('/agents');
  const [open, setOpen] = useState(false);
  const [editing, setEditing] = useState<AgentRow | null>(null);
  const isAdmin = me.role === 'admin';
  if (res.missing) return <MissingRoute path="/api/v1/agents" />;
  if (res.error) return <LoadError error={res.error} />;
  const shopName = (id: string) => shops.find((s) => s.id === id)?.name ?? id;
  const create = async (values: Record<string, unknown>) => {
    try {
      await post('/agents', values);
      setOpen(false);
      res.reload();
    } catch (e) {
      void toast.error(errorText(e));
    }
  };
  const update = async (a: AgentRow, values: Record<string, unknown>) => {
    try {
      const body = Object.fromEntries(Object.entries(values).filter(([k, v]) => !(k === 'password' && !v)));
      const r = await patch<UpdatedAgentView>(`/agents/${encodeURIComponent(a.id)}`, body);
      if (values.disabled === true) void toast.success(t('settings.agent.disabledDone', { s: r.endedSessions, n: r.requeued }));
      else void toast.success(t('common.saved'));
      setEditing(null);
      res.reload();
    } catch (e) {
      void toast.error(errorText(e));
    }
  };
  return (
    <>
      <Table<AgentRow>
        size="small"
        rowKey="id"
        data-testid="agents-table"
        loading={res.loading}
        dataSource={res.data?.items ?? []}
        pagination={false}
        columns={[
          { title: t('settings.login'), dataIndex: 'login' },
          { title: t('settings.displayName'), dataIndex: 'displayName' },
          { title: t('settings.agentNo'), dataIndex: 'agentNo' },
          { title: t('settings.role'), dataIndex: 'role', render: (r: AgentRow['role']) => <Tag color="orange">{t(`role.${r}`)}</Tag> },
          { title: t('settings.presence'), dataIndex: 'presence', render: (p: AgentRow['presence']) => <Tag color={p === 'online' ? 'green' : 'default'}>{t(`presence.${p}` as MessageKey)}</Tag> },
          { title: t('settings.shops'), dataIndex: 'shopIds', render: (ids: string[]) => ids.map((id) => <Tag key={id}>{shopName(id)}</Tag>) },
          {
            title: t('settings.agent.status'),
            dataIndex: 'disabled',
            render: (d: boolean, a) => <Tag color={d ? 'red' : 'green'} data-testid={`agent-status-${a.login}`}>{d ? t('settings.agent.disabled') : t('settings.agent.active')}</Tag>,
          },
          ...(isAdmin
            ? [
                {
                  title: '',
                  render: (_: unknown, a: AgentRow) => (
                    <Space size={0}>
                      <Button size="small" type="link" data-testid={`agent-edit-${a.login}`} onClick={() => setEditing(a)}>{t('settings.agent.edit')}</Button>
                      {a.id === me.id ? null : a.disabled ? (
                        <Button size="small" type="link" data-testid={`agent-enable-${a.login}`} onClick={() => void update(a, { disabled: false })}>{t('settings.agent.enable')}</Button>
                      ) : (
                        <Popconfirm title={t('settings.agent.disableConfirm', { name: a.displayName })} onConfirm={() => void update(a, { disabled: true })} okButtonProps={{ danger: true, className: 'agent-disable-confirm' }}>
                          <Button size="small" type="link" danger data-testid={`agent-disable-${a.login}`}>{t('settings.agent.disable')}</Button>
                        </Popconfirm>
                      )}
                    </Space>
                  ),
                },
              ]
            : []),
        ]}
      />
      {isAdmin && <Button style={{ marginTop: 8 }} onClick={() => setOpen(true)}>{t('common.add')}</Button>}
      <Modal open={editing !== null} title={editing ? `${t('settings.agent.edit')} · ${editing.login}` : ''} onCancel={() => setEditing(null)} footer={null} destroyOnHidden>
        {editing && (
          <Form
            layout="vertical"
            data-testid="agent-edit-form"
            onFinish={(v: Record<string, unknown>) => void update(editing, v)}
            initialValues={{ displayName: editing.displayName, agentNo: editing.agentNo ?? '', role: editing.role, shopIds: editing.shopIds }}
          >
            <Form.Item name="displayName" label={t('settings.displayName')} rules={[{ required: true, whitespace: true }]}><Input /></Form.Item>
            <Form.Item name="agentNo" label={t('settings.agentNo')}><Input /></Form.Item>
            <Form.Item name="password" label={t('settings.agent.newPassword')} rules={[{ min: 8 }]}><Input.Password autoComplete="new-password" /></Form.Item>
            <Form.Item name="role" label={t('settings.role')}>
              <Select disabled={editing.id === me.id} options={(['agent', 'supervisor', 'admin'] as const).map((r) => ({ value: r, label: t(`role.${r}`) }))} />
            </Form.Item>
            <Form.Item name="shopIds" label={t('settings.shops')}>
              <Select mode="multiple" options={shops.map((s) => ({ value: s.id, label: s.name }))} />
            </Form.Item>
            <Button type="primary" htmlType="submit">{t('common.save')}</Button>
          </Form>
        )}
      </Modal>
      <Modal open={open} title={t('settings.agents')} onCancel={() => setOpen(false)} footer={null} destroyOnHidden>
        <Form layout="vertical" onFinish={(v: Record<string, unknown>) => void create(v)} initialValues={{ role: 'agent', shopIds: [] }}>
          <Form.Item name="login" label={t('settings.login')} rules={[{ required: true }]}><Input /></Form.Item>
          <Form.Item name="displayName" label={t('settings.displayName')} rules={[{ required: true }]}><Input /></Form.Item>
          <Form.Item name="agentNo" label={t('settings.agentNo')}><Input /></Form.Item>
          <Form.Item name="password" label={t('settings.password')} rules={[{ required: true, min: 8 }]}><Input.Password /></Form.Item>
          <Form.Item name="role" label={t('settings.role')}>
            <Select options={(['agent', 'supervisor', 'admin'] as const).map((r) => ({ value: r, label: t(`role.${r}`) }))} />
          </Form.Item>
          <Form.Item name="shopIds" label={t('settings.shops')}>
            <Select mode="multiple" options={shops.map((s) => ({ value: s.id, label: s.name }))} />
          </Form.Item>
          <Button type="primary" htmlType="submit">{t('common.save')}</Button>
        </Form>
      </Modal>
    </>
  );
}

export function TokensTable() {
  const { shops } = useSession();
  const { message: toast } = App.useApp();
  const res = useApi<{ items: TokenRow[] }>('/api-tokens');
  const [name, setName] = useState('');
  const [shopId, setShopId] = useState('');
  const [scopes, setScopes] = useState<string[]>(['bridge']);
  const [created, setCreated] = useState<string | null>(null);
  if (res.missing) return <MissingRoute path="/api/v1/api-tokens" />;
  if (res.error) return <LoadError error={res.error} />;
  const create = async () => {
    try {
      const r = await post<{ token: string }>('/api-tokens', { name, scopes, ...(shopId ? { shopId } : {}) });
      setCreated(r.token);
      setName('');
      res.reload();
    } catch (e) {
      void toast.error(errorText(e));
    }
  };
  const revoke = async (id: string) => {
    await del(`/api-tokens/${encodeURIComponent(id)}`).catch((e: unknown) => void toast.error(errorText(e)));
    res.reload();
  };
  return (
    <>
      {created && <Alert type="success" showIcon closable onClose={() => setCreated(null)} style={{ marginBottom: 8 }} message={<Typography.Text copyable={{ text: created }}>{t('settings.tokenCreated', { token: created })}</Typography.Text>} />}
      <Table<TokenRow>
        size="small"
        rowKey="id"
        loading={res.loading}
        dataSource={res.data?.items ?? []}
        pagination={false}
        columns={[
          { title: t('settings.tokenName'), dataIndex: 'name' },
          { title: t('common.shop'), dataIndex: 'shopId', render: (id: string | null) => (id ? shops.find((s) => s.id === id)?.name ?? id : t('common.all')) },
          { title: t('settings.tokenScopes'), dataIndex: 'scopes', render: (v: string[] | undefined) => (v ?? []).map((x) => <Tag key={x}>{t(`settings.scope.${x}` as 'settings.scope.bridge')}</Tag>) },
          { title: t('settings.createdAt'), dataIndex: 'createdAt', render: (v: string) => formatDateTime(v) },
          { title: '', render: (_, r) => (r.revokedAt ? <Tag>{t('settings.revoked')}</Tag> : <Button size="small" type="link" danger onClick={() => void revoke(r.id)}>{t('settings.revoke')}</Button>) },
        ]}
      />
      <div style={{ display: 'flex', gap: 8, marginTop: 8 }}>
        <Input style={{ width: 200 }} placeholder={t('settings.tokenName')} value={name} onChange={(e) => setName(e.target.value)} />
        <Select style={{ width: 200 }} value={shopId} onChange={setShopId} options={[{ value: '', label: t('common.all') }, ...shops.map((s) => ({ value: s.id, label: s.name }))]} />
        <Select
          mode="multiple"
          style={{ minWidth: 220 }}
          aria-label={t('settings.tokenScopes')}
          value={scopes}
          onChange={setScopes}
          options={TOKEN_SCOPES.map((x) => ({ value: x, label: t(`settings.scope.${x}`) }))}
        />
        <Button type="primary" disabled={!name.trim() || scopes.length === 0} onClick={() => void create()}>{t('common.add')}</Button>
      </div>
    </>
  );
}
