// The app shell: login gate, top navigation in the style of the marketplaces' seller back-ends,
// and the screens. Dashboard, cases and settings load on demand so the inbox paints first.
import { lazy, Suspense, useEffect, useMemo, useState, useSyncExternalStore } from 'react';
import { Badge, Button, Dropdown, Layout, Menu, message, Modal, notification, Select, Space, Spin, Switch, Tag, Tooltip, Typography } from 'antd';
import { showsSettings } from '../../src/core/contract/workbench-tabs.js';
import { Attention } from './lib/attention.js';
import { announceShortcut, SHORTCUTS, shortcutOf } from './lib/shortcuts.js';
import type { PresenceView } from '../../src/core/contract/presence.js';
import { get, onUnauthenticated, post, sessionEnded, setToken, getToken } from './lib/api.js';
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
const BuyersScreen = lazy(() => import('./screens/buyers.js'));
const TrainingScreen = lazy(() => import('./screens/training.js'));

/** The shell's width at which the header folds its secondary controls into a menu (1024 px screens). */
const NARROW = 1280;
// English labels are about twice as wide as the Chinese ones: the header compacts earlier.
const NARROW_EN = 1640;

const NAV: { key: string; label: MessageKey }[] = [
  { key: '/inbox', label: 'nav.inbox' },
  { key: '/orders', label: 'nav.orders' },
  { key: '/cases', label: 'nav.cases' },
  { key: '/reviews', label: 'nav.reviews' },
  { key: '/followups', label: 'nav.followups' },
  { key: '/buyers', label: 'nav.buyers' },
  { key: '/dashboard', label: 'nav.dashboard' },
  { key: '/training', label: 'nav.training' },
  { key: '/settings', label: 'nav.settings' },
];

export function App() {
  const [session, setSession] = useState<Session | null>(null);
  const [booting, setBooting] = useState(() => getToken() !== null);

  const start = (me: MeResponse, token: string) => {
    const realtime = new Realtime(token);
    const attention = new Attention(t('app.title'));
    realtime.subscribe((f) => attention.onFrame(f));
    realtime.onSessionEnded = sessionEnded;
    realtime.start();
    attention.updateTitle();
    setSession({ agent: me.agent, shops: me.shops, realtime, tabs: me.tabs, attention });
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
  // Issue 15: only the tabs the role may use (the server derives them from route-access.ts).
  const nav = useMemo(() => NAV.filter((n) => (n.key === '/settings' ? showsSettings(session.tabs) : session.tabs.includes(n.key.slice(1)))), [session.tabs]);
  const section = useMemo(() => nav.find((n) => path.startsWith(n.key))?.key ?? nav[0]?.key ?? '/inbox', [path, nav]);
  const [help, setHelp] = useState(false);
  const width = useWidth();
  const narrow = width < (getLocale() === 'en' ? NARROW_EN : NARROW);
  const attention = session.attention;
  const alertsOn = useSyncExternalStore((cb) => attention.subscribe(cb), () => attention.alertsOn);

  // Keyboard shortcuts (issue 15): the shell turns keys into actions; the screens act on them.
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const action = shortcutOf(e);
      if (!action) return;
      e.preventDefault();
      if (action === 'help') setHelp((h) => !h);
      else announceShortcut(action);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);

  const switchLocale = () => {
    setLocale(getLocale() === 'en' ? 'zh-CN' : 'en');
    location.reload();
  };
  const toggleAlerts = (on: boolean) =>
    void attention.setAlerts(on).then(() => void message.info(t(on ? 'alerts.on' : 'alerts.off')));

  const alertsSwitch = (
    <Tooltip title={t('alerts.on')}>
      <Space size={4} style={{ whiteSpace: 'nowrap' }}>
        <Switch size="small" checked={alertsOn} onChange={toggleAlerts} data-testid="alerts-toggle" aria-label={t('alerts.label')} />
        {!narrow && <span style={{ fontSize: 12 }}>{t('alerts.label')}</span>}
      </Space>
    </Tooltip>
  );
  const roleTag = <Tag color="orange" style={{ marginInlineEnd: 0 }}>{t(`role.${session.agent.role}`)}</Tag>;

  return (
    <Layout style={{ height: '100vh' }}>
      {/* Compact header (narrow windows, English): tighter tabs so none folds into "…" from 1024 px. */}
      <style>{'.dxe-nav-compact.ant-menu-horizontal > .ant-menu-item { padding-inline: 9px; } .dxe-nav-compact.ant-menu-horizontal > .ant-menu-item::after { inset-inline: 9px; }'}</style>
      <Layout.Header
        data-testid="app-header"
        style={{ display: 'flex', alignItems: 'center', gap: narrow ? 8 : 24, background: '#fff', borderBottom: '2px solid #ff5000', padding: '0 12px', height: 52, lineHeight: '52px', minWidth: 0 }}
      >
        <Typography.Text strong style={{ fontSize: 18, color: '#ff5000', whiteSpace: 'nowrap' }}>
          {t('app.title')} {!narrow && <span style={{ fontSize: 13, color: '#666', fontWeight: 400 }}>{t('app.subtitle')}</span>}
        </Typography.Text>
        <Menu
          mode="horizontal"
          selectedKeys={[section]}
          data-testid="nav"
          className={narrow ? 'dxe-nav-compact' : undefined}
          style={{ flex: 1, minWidth: 0, borderBottom: 'none', lineHeight: '50px' }}
          items={nav.map((n) => ({ key: n.key, label: t(n.label) }))}
          onClick={(e) => navigate(e.key)}
        />
        <Space size={narrow ? 6 : 'middle'} style={{ flexShrink: 0 }} data-testid="header-tools">
          <Badge status={online ? 'success' : 'error'} text={narrow ? undefined : online ? t('ws.online') : t('ws.offline')} title={online ? t('ws.online') : t('ws.offline')} data-testid="ws-status" />
          {alertsSwitch}
          <PresenceSelect />
          {narrow ? (
            <Dropdown
              trigger={['click']}
              menu={{
                items: [
                  { key: 'who', label: <span>{session.agent.displayName} {roleTag}</span>, disabled: true },
                  { key: 'keys', label: t('keys.title'), onClick: () => setHelp(true) },
                  { key: 'lang', label: t('nav.language'), onClick: switchLocale },
                  { key: 'logout', label: t('nav.logout'), onClick: onLogout },
                ],
              }}
            >
              <Button size="small" data-testid="header-more" title={session.agent.displayName} style={{ maxWidth: 110, overflow: 'hidden', textOverflow: 'ellipsis' }}>
                {session.agent.displayName} ▾
              </Button>
            </Dropdown>
          ) : (
            <>
              <span style={{ whiteSpace: 'nowrap' }}>
                {session.agent.displayName} {roleTag}
              </span>
              <Button size="small" type="text" onClick={() => setHelp(true)} title="?">{t('keys.title')}</Button>
              <Button size="small" type="text" onClick={switchLocale}>
                {t('nav.language')}
              </Button>
              <Button size="small" onClick={onLogout} data-testid="logout">
                {t('nav.logout')}
              </Button>
            </>
          )}
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
          {section === '/buyers' && <BuyersScreen />}
          {section === '/settings' && <SettingsScreen />}
          {section === '/training' && <TrainingScreen />}
        </Suspense>
        </ErrorBoundary>
      </Layout.Content>
      <Modal open={help} title={t('keys.title')} footer={null} onCancel={() => setHelp(false)} data-testid="shortcut-help">
        <table style={{ width: '100%' }} data-testid="shortcut-table">
          <tbody>
            {SHORTCUTS.map((k) => (
              <tr key={k.keys}>
                <td style={{ padding: '4px 8px', whiteSpace: 'nowrap' }}><Tag>{k.keys}</Tag></td>
                <td style={{ padding: '4px 8px' }}>{t(k.label)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </Modal>
    </Layout>
  );
}

function useWidth(): number {
  const [w, setW] = useState(() => window.innerWidth);
  useEffect(() => {
    const on = () => setW(window.innerWidth);
    window.addEventListener('resize', on);
    return () => window.removeEventListener('resize', on);
  }, []);
  return w;
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
