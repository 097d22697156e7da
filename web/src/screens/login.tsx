// 登录: login and password; the server's Chinese message is shown when it refuses.
import { useState } from 'react';
import { Alert, Button, Card, Form, Input, Typography } from 'antd';
import { post, errorText } from '../lib/api.js';
import { t } from '../i18n.js';
import type { LoginReply as LoginResponse } from '../lib/types.js';

export function LoginScreen({ onLoggedIn }: { onLoggedIn: (token: string) => Promise<void> }) {
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (values: { login: string; password: string }) => {
    setBusy(true);
    setError(null);
    try {
      const res = await post<LoginResponse>('/auth/login', values);
      await onLoggedIn(res.token);
    } catch (e) {
      setError(t('login.failed', { msg: errorText(e) }));
    } finally {
      setBusy(false);
    }
  };

  return (
    <div style={{ minHeight: '100vh', display: 'flex', alignItems: 'center', justifyContent: 'center', background: 'linear-gradient(135deg,#ff7a2e,#ff5000)' }}>
      <Card style={{ width: 360 }}>
        <Typography.Title level={3} style={{ color: '#ff5000', marginTop: 0 }}>
          {t('app.title')}
        </Typography.Title>
        <Typography.Paragraph type="secondary">{t('login.title')}</Typography.Paragraph>
        {error && <Alert type="error" showIcon message={error} style={{ marginBottom: 16 }} data-testid="login-error" />}
        <Form layout="vertical" onFinish={submit} requiredMark={false}>
          <Form.Item name="login" label={t('login.login')} rules={[{ required: true, message: t('login.loginRequired') }]}>
            <Input autoComplete="username" autoFocus data-testid="login-name" />
          </Form.Item>
          <Form.Item name="password" label={t('login.password')} rules={[{ required: true, message: t('login.passwordRequired') }]}>
            <Input.Password autoComplete="current-password" data-testid="login-password" />
          </Form.Item>
          <Button type="primary" htmlType="submit" block loading={busy} data-testid="login-submit">
            {t('login.submit')}
          </Button>
        </Form>
      </Card>
    </div>
  );
}
