import {
  GlobalOutlined,
  KeyOutlined,
  LogoutOutlined,
  MenuOutlined,
  SafetyOutlined,
  UserOutlined,
} from '@ant-design/icons';
import { ROLE_LABELS, type Me } from '@greenvoice/common';
import { Button, Drawer, Dropdown, Flex, Layout, Menu, Result, Spin, Typography, type MenuProps } from 'antd';
import { Suspense, useState } from 'react';
import { Link, Navigate, Outlet, useLocation, useNavigate } from 'react-router';
import { errorText } from '../shared/api/error-text.ts';
import { useI18n } from '../shared/i18n/use-i18n.ts';
import { useMe } from '../shared/session/use-me.ts';
import { useIsPhone } from '../shared/use-is-phone.ts';
import { useLogout } from '../features/auth/hooks/use-auth.ts';
import { UnreadBell } from '../features/notifications/components/unread-bell.tsx';
import { NAV_ITEMS } from './nav-items.tsx';

const PASSWORD_PATH = '/account/password';
const TWO_FACTOR_PATH = '/account/two-factor';

/** Signed-in pages: checks the session, then frames the page with the menu and the header. */
export function ConsoleLayout() {
  const { t, lang } = useI18n();
  const location = useLocation();
  const me = useMe();

  if (me.isPending) return <FullPageSpin />;
  if (me.isError)
    return (
      <Result
        status="error"
        title={errorText(me.error, lang)}
        extra={<Button onClick={() => void me.refetch()}>{t('common.retry')}</Button>}
      />
    );
  if (!me.data) return <Navigate to="/login" replace state={{ from: location.pathname + location.search }} />;
  // Until the password is changed the server refuses everything else, so the interface offers nothing else.
  if (me.data.mustChangePassword && location.pathname !== PASSWORD_PATH)
    return <Navigate to={PASSWORD_PATH} replace />;
  // REQUIRE_TOTP_FOR_ADMINS: the same for a second factor not yet set up
  if (!me.data.mustChangePassword && me.data.totpRequired && location.pathname !== TWO_FACTOR_PATH)
    return <Navigate to={TWO_FACTOR_PATH} replace />;
  return <Frame me={me.data} />;
}

function FullPageSpin() {
  return (
    <Flex justify="center" align="center" style={{ minHeight: '60vh' }}>
      <Spin size="large" />
    </Flex>
  );
}

function Frame({ me }: { me: Me }) {
  const { t, lang, setLang, pick } = useI18n();
  const location = useLocation();
  const navigate = useNavigate();
  const logout = useLogout();
  const [collapsed, setCollapsed] = useState(false);
  // on a phone the menu is a drawer behind the header's menu button (decision 170)
  const phone = useIsPhone();
  const [drawerOpen, setDrawerOpen] = useState(false);
  const locked = me.mustChangePassword || me.totpRequired;

  const menuItems: MenuProps['items'] = NAV_ITEMS.filter(
    (n) => !n.permission || me.permissions.includes(n.permission),
  ).map((n) => ({
    key: n.key,
    icon: n.icon,
    label: (
      <Link to={n.path} data-testid={`nav-${n.key}`} onClick={() => setDrawerOpen(false)}>
        {t(n.label)}
      </Link>
    ),
  }));
  const selected =
    NAV_ITEMS.find((n) => n.path !== '/' && location.pathname.startsWith(n.path))?.key ??
    (location.pathname === '/' ? 'home' : '');

  const userMenu: MenuProps['items'] = [
    {
      key: 'password',
      icon: <KeyOutlined />,
      label: <span data-testid="menu-change-password">{t('nav.password')}</span>,
    },
    {
      key: 'twoFactor',
      icon: <SafetyOutlined />,
      label: <span data-testid="menu-two-factor">{t('nav.twoFactor')}</span>,
    },
    { type: 'divider' },
    {
      key: 'logout',
      icon: <LogoutOutlined />,
      label: <span data-testid="menu-logout">{t('nav.logout')}</span>,
    },
  ];
  const onUserMenu: MenuProps['onClick'] = ({ key }) => {
    if (key === 'password') void navigate(PASSWORD_PATH);
    if (key === 'twoFactor') void navigate(TWO_FACTOR_PATH);
    if (key === 'logout')
      logout.mutate(undefined, { onSettled: () => void navigate('/login', { replace: true }) });
  };

  const brand = (short: boolean) => (
    <Link to="/" className="gv-brand" aria-label={t('app.brand')} onClick={() => setDrawerOpen(false)}>
      <span className="gv-brand-mark" aria-hidden="true">
        绿
      </span>
      {short ? null : <span className="gv-brand-text">{t('app.brandShort')}</span>}
    </Link>
  );
  const nav = (
    <nav aria-label={t('nav.main')}>
      <Menu
        mode="inline"
        selectedKeys={[selected]}
        items={menuItems}
        style={{ borderInlineEnd: 'none' }}
        data-testid="nav-menu"
      />
    </nav>
  );

  return (
    <Layout style={{ minHeight: '100vh' }}>
      <a className="gv-skip-link" href="#main-content">
        {t('shell.skipToContent')}
      </a>
      {locked ? null : phone ? (
        <Drawer
          open={drawerOpen}
          onClose={() => setDrawerOpen(false)}
          placement="left"
          size={260}
          title={brand(false)}
          closable={{ 'aria-label': t('common.close') }}
          styles={{ body: { padding: 0 }, header: { padding: '0 8px 0 0' } }}
          data-testid="nav-drawer"
        >
          {nav}
        </Drawer>
      ) : (
        <Layout.Sider
          collapsible
          collapsed={collapsed}
          onCollapse={setCollapsed}
          width={208}
          theme="light"
          className="gv-sider"
          style={{ borderInlineEnd: '1px solid #f0f0f0' }}
        >
          {brand(collapsed)}
          {nav}
        </Layout.Sider>
      )}
      <Layout>
        <Layout.Header className="gv-header">
          {phone && !locked ? (
            <Button
              type="text"
              icon={<MenuOutlined />}
              aria-label={t('shell.openMenu')}
              aria-expanded={drawerOpen}
              onClick={() => setDrawerOpen(true)}
              data-testid="nav-open"
            />
          ) : null}
          <Typography.Text strong className="gv-header-title">
            {phone ? t('app.brandShort') : t('app.console')}
          </Typography.Text>
          <Flex align="center" gap={12} wrap={false} style={{ minWidth: 0 }}>
            <span className="gv-header-unit" data-testid="header-unit">
              {me.unitName}
              {' · '}
              {me.roles.map((r) => pick(ROLE_LABELS[r])).join('、')}
            </span>
            {locked ? null : <UnreadBell />}
            <Button
              type="text"
              icon={<GlobalOutlined />}
              onClick={() => setLang(lang === 'zh' ? 'en' : 'zh')}
              data-testid="lang-switch"
              aria-label={lang === 'zh' ? 'Switch to English' : '切换到中文'}
            >
              <span className="gv-hide-phone">{lang === 'zh' ? 'English' : '中文'}</span>
            </Button>
            <Dropdown menu={{ items: userMenu, onClick: onUserMenu }} trigger={['click']}>
              <Button
                type="text"
                icon={<UserOutlined />}
                data-testid="user-menu"
                className="gv-user-button"
                aria-label={me.name}
              >
                <span className="gv-hide-phone">{me.name}</span>
              </Button>
            </Dropdown>
          </Flex>
        </Layout.Header>
        <Layout.Content className="gv-content">
          <main id="main-content" tabIndex={-1}>
            <Suspense fallback={<FullPageSpin />}>
              <Outlet />
            </Suspense>
          </main>
        </Layout.Content>
        <Layout.Footer style={{ textAlign: 'center', padding: '12px 24px', color: '#595959', fontSize: 12 }}>
          {t('app.footer')}
        </Layout.Footer>
      </Layout>
    </Layout>
  );
}
