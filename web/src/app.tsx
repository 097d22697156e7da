// The app shell: login gate, top navigation in the style of the marketplaces' seller back-ends,
// and the screens. Dashboard, cases and settings load on demand so the inbox paints first.
import { lazy, Suspense, useEffect, useMemo, useState } from 'react';
import { Badge, Button, Layout, Menu, message, notification, Select, Space, Spin, Tag, Typography } from 'antd';
import type { PresenceView } from '../../src/core/contract/presence.js';
import { get, onUnauthenticated, post, setToken, getToken } from './lib/api.js';
import { navigate, usePath } from './lib/router.js';
import { Realtime } from './lib/realtime.js';
import { SessionContext, type Session } from './lib/session.js';
import type { Me as MeResponse } from './lib/types.js';
import { getLocale, setLocale, t, type MessageKey } from './i18n.js';
import { LoginScreen } from './screens/login.js';
import { InboxScreen } from './screens/inbox.js';
import { ErrorBoundary } from './components/error-boundary.js';

const CasesScreen = lazy(() => import('./screens/cases.js'));
const OrdersScreen = lazy(() => import('./screens/orders.js'));
const DashboardScreen = lazy(() => import('./screens/dashboard.js'));
const SettingsScreen = lazy(() => import('./screens/settings.js'));
const ReviewsScreen = lazy(() => import('./screens/reviews.js'));
const FollowupsScreen = lazy(() => import('./screens/followups.js'));
const TrainingScreen = lazy(() => import('./screens/training.js'));

const NAV: { key: string; label: MessageKey }[] = [
  { key: '/inbox', label: 'nav.inbox' },
  { key: '/orders', label: 'nav.orders' },
  { key: '/cases', label: 'nav.cases' },
  { key: '/reviews', label: 'nav.reviews' },
  { key: '/followups', label: 'nav.followups' },
  { key: '/dashboard', label: 'nav.dashboard' },
  { key: '/training', label: 'nav.training' },
  { key: '/settings', label: 'nav.settings' },
];

export function App() {
  const [session, setSession] = useState<Session | null>(null);
  const [booting, setBooting] = useState(() => getToken() !== null);

  const start = (me: MeResponse, token: string) => {
    const realtime = new Realtime(token);
    realtime.start();
    setSession({ agent: me.agent, shops: me.shops, realtime });
  };

  useEffect(() => {
    const token = getToken();
    if (!token) return;
    get<MeResponse>('/me').then(
      (me) => {
        start(me, token);
        setBooting(false);
      },
      () => {
        setToken(null);
        setBooting(false);
      },
    );
  }, []);

  useEffect(
    () =>
      onUnauthenticated(() => {
        setToken(null);
        setSession((s) => {
          s?.realtime.stop();
          return null;
        });
      }),
    [],
  );

  const onLoggedIn = async (token: string) => {
    setToken(token);
    const me = await get<MeResponse>('/me');
    start(me, token);
    if (location.pathname === '/' || location.pathname === '/login') navigate('/inbox');
  };

  const logout = async () => {
    await post('/auth/logout').catch(() => undefined);
    session?.realtime.stop();
    setToken(null);
    setSession(null);
    navigate('/login');
  };

  if (booting) return <Spin fullscreen tip={t('common.loading')} />;
  if (!session) return <LoginScreen onLoggedIn={onLoggedIn} />;
  return (
    <SessionContext.Provider value={session}>
      <Shell session={session} onLogout={logout} />
    </SessionContext.Provider>
  );
}

function Shell({ session, onLogout }: { session: Session; onLogout: () => void }) {
  const path = usePath();
  const [online, setOnline] = useState(session.realtime.online);
  useEffect(() => session.realtime.onStatus(setOnline), [session.realtime]);
  // C17: supervisors hear of a login left without activity and of chats moved off an absent agent
  // (one event per shop arrives; the notification key shows it once).
  useEffect(() => {
    if (session.agent.role === 'agent') return;
    return session.realtime.subscribe((f) => {
      if (f.type !== 'agent.presence') return;
      const d = f.data as { agentId?: string; displayName?: string; presence?: string; reasonZh?: string; alert?: boolean; requeued?: number };
      const key = `presence-${d.agentId ?? ''}-${d.presence ?? ''}-${d.alert ? 'alert' : 'change'}`;
      if (d.alert) notification.warning({ key, message: t('presence.alert', { name: d.displayName ?? '' }), description: d.reasonZh });
      else if (d.requeued) notification.info({ key, message: t('presence.requeued', { name: d.displayName ?? '', n: d.requeued }), description: d.reasonZh });
    });
  }, [session.agent.role, session.realtime]);
  // A8 (issue 15): a refund or dispute rate that reached its threshold, raised once by the server;
  // the key keeps a replayed event from showing twice.
  useEffect(() => {
    if (session.agent.role === 'agent') return;
    return session.realtime.subscribe((f) => {
      if (f.type !== 'rates.alert') return;
      const d = f.data as { month?: string; itemId?: string | null; kind?: string; messageZh?: string };
      notification.warning({ key: `rates-${f.shopId ?? ''}-${d.month ?? ''}-${d.itemId ?? ''}-${d.kind ?? ''}`, message: t('rates.alertPushed'), description: d.messageZh, duration: 0, props: { 'data-testid': 'rates-alert' } as object });
    });
  }, [session.agent.role, session.realtime]);
  const section = useMemo(() => NAV.find((n) => path.startsWith(n.key))?.key ?? '/inbox', [path]);

  const switchLocale = () => {
    setLocale(getLocale() === 'en' ? 'zh-CN' : 'en');
    location.reload();
  };

  return (
    <Layout style={{ height: '100vh' }}>
      <Layout.Header
        style={{ display: 'flex', alignItems: 'center', gap: 24, background: '#fff', borderBottom: '2px solid #ff5000', padding: '0 16px', height: 52, lineHeight: '52px' }}
      >
        <Typography.Text strong style={{ fontSize: 18, color: '#ff5000', whiteSpace: 'nowrap' }}>
          {t('app.title')} <span style={{ fontSize: 13, color: '#666', fontWeight: 400 }}>{t('app.subtitle')}</span>
        </Typography.Text>
        <Menu
          mode="horizontal"
          selectedKeys={[section]}
          style={{ flex: 1, borderBottom: 'none', lineHeight: '50px' }}
          items={NAV.map((n) => ({ key: n.key, label: t(n.label) }))}
          onClick={(e) => navigate(e.key)}
        />
        <Space size="middle">
          <Badge status={online ? 'success' : 'error'} text={online ? t('ws.online') : t('ws.offline')} data-testid="ws-status" />
          <PresenceSelect />
          <span>
            {session.agent.displayName} <Tag color="orange">{t(`role.${session.agent.role}`)}</Tag>
          </span>
          <Button size="small" type="text" onClick={switchLocale}>
            {t('nav.language')}
          </Button>
          <Button size="small" onClick={onLogout}>
            {t('nav.logout')}
          </Button>
        </Space>
      </Layout.Header>
      <Layout.Content style={{ overflow: 'hidden', background: '#f5f5f5' }}>
        <ErrorBoundary resetKey={path}>
        <Suspense fallback={<Spin style={{ margin: 48 }} />}>
          {section === '/inbox' && <InboxScreen path={path} />}
          {section === '/orders' && <OrdersScreen />}
          {section === '/cases' && <CasesScreen />}
          {section === '/reviews' && <ReviewsScreen />}
          {section === '/dashboard' && <DashboardScreen />}
          {section === '/followups' && <FollowupsScreen />}
          {section === '/settings' && <SettingsScreen />}
          {section === '/training' && <TrainingScreen />}
        </Suspense>
        </ErrorBoundary>
      </Layout.Content>
    </Layout>
  );
}

/** C17: the agent's own status (online / away / offline); the server also derives it from activity. */
function PresenceSelect() {
  const [presence, setPresence] = useState<PresenceView['presence'] | null>(null);
  useEffect(() => {
    const load = () => get<PresenceView>('/presence').then((v) => setPresence(v.presence), () => undefined);
    load();
    const timer = setInterval(load, 60_000);
    return () => clearInterval(timer);
  }, []);
  if (!presence) return null;
  return (
    <Select
      size="small"
      style={{ width: 110 }}
      value={presence}
      aria-label={t('presence.label')}
      data-testid="presence-select"
      onChange={(status: PresenceView['presence']) => {
        post<PresenceView>('/presence', { status }).then((v) => {
          setPresence(v.presence);
          if (v.requeued > 0) void message.info(t('presence.changed', { p: t(`presence.set.${v.presence}` as MessageKey), n: v.requeued }));
        }, () => undefined);
      }}
      options={(['online', 'away', 'offline'] as const).map((p) => ({ value: p, label: t(`presence.set.${p}` as MessageKey) }))}
    />
  );
}
