import { lazy, Suspense, type ReactNode } from 'react';
import { createBrowserRouter, Link } from 'react-router';
import { Button, Result } from 'antd';
import type { Permission } from '@greenvoice/common';
import { useI18n } from '../shared/i18n/use-i18n.ts';
import { ConsoleLayout } from './console-layout.tsx';
import { HomePage } from './home-page.tsx';
import { RequirePermission } from './require-permission.tsx';

// Each page is its own chunk: the sign-in page and the home page do not pay for tables and forms.
const LoginPage = lazy(() =>
  import('../features/auth/components/login-page.tsx').then((m) => ({ default: m.LoginPage })),
);
const UnitsPage = lazy(() =>
  import('../features/units/components/units-page.tsx').then((m) => ({ default: m.UnitsPage })),
);
const PeoplePage = lazy(() =>
  import('../features/people/components/people-page.tsx').then((m) => ({ default: m.PeoplePage })),
);
const CampaignPage = lazy(() =>
  import('../features/campaign/components/campaign-page.tsx').then((m) => ({ default: m.CampaignPage })),
);
const AuditPage = lazy(() =>
  import('../features/audit/components/audit-page.tsx').then((m) => ({ default: m.AuditPage })),
);
const ChangePasswordPage = lazy(() =>
  import('../features/account/components/change-password-page.tsx').then((m) => ({
    default: m.ChangePasswordPage,
  })),
);
const ArticlesPage = lazy(() =>
  import('../features/cms/components/articles-page.tsx').then((m) => ({ default: m.ArticlesPage })),
);
const ArticleEditorPage = lazy(() =>
  import('../features/cms/components/article-editor-page.tsx').then((m) => ({
    default: m.ArticleEditorPage,
  })),
);
const ChannelsPage = lazy(() =>
  import('../features/cms/components/channels-page.tsx').then((m) => ({ default: m.ChannelsPage })),
);
const OrgDataToolbar = lazy(() =>
  import('../features/org-data/components/org-data-toolbar.tsx').then((m) => ({ default: m.OrgDataToolbar })),
);

// Features never import each other; the Excel toolbar is put onto the organisation lists here.
const orgToolbar = (
  <Suspense fallback={null}>
    <OrgDataToolbar />
  </Suspense>
);

const guarded = (permission: Permission, page: ReactNode) => (
  <RequirePermission permission={permission}>{page}</RequirePermission>
);

function NotFound() {
  const { t } = useI18n();
  return (
    <Result
      status="404"
      title={t('error.notFoundTitle')}
      extra={
        <Link to="/">
          <Button type="primary">{t('nav.home')}</Button>
        </Link>
      }
    />
  );
}

export const router = createBrowserRouter(
  [
    {
      path: '/login',
      element: (
        <Suspense fallback={null}>
          <LoginPage />
        </Suspense>
      ),
    },
    {
      path: '/',
      element: <ConsoleLayout />,
      children: [
        { index: true, element: <HomePage /> },
        { path: 'units', element: guarded('units:read', <UnitsPage toolbar={orgToolbar} />) },
        { path: 'people', element: guarded('people:read', <PeoplePage toolbar={orgToolbar} />) },
        { path: 'campaign', element: guarded('campaign:read', <CampaignPage />) },
        { path: 'audit', element: guarded('audit:read', <AuditPage />) },
        { path: 'cms/articles', element: guarded('cms:read', <ArticlesPage />) },
        { path: 'cms/articles/:id', element: guarded('cms:read', <ArticleEditorPage />) },
        { path: 'cms/channels', element: guarded('cms:read', <ChannelsPage />) },
        { path: 'account/password', element: <ChangePasswordPage /> },
        { path: '*', element: <NotFound /> },
      ],
    },
  ],
  { basename: '/admin' },
);
