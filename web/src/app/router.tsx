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
const PlansPage = lazy(() =>
  import('../features/assessment/components/plans-page.tsx').then((m) => ({ default: m.PlansPage })),
);
const RankingsPage = lazy(() =>
  import('../features/assessment/components/rankings-page.tsx').then((m) => ({ default: m.RankingsPage })),
);
const UnitScorePage = lazy(() =>
  import('../features/assessment/components/unit-score-page.tsx').then((m) => ({ default: m.UnitScorePage })),
);
const BulletinsPage = lazy(() =>
  import('../features/assessment/components/bulletins-page.tsx').then((m) => ({ default: m.BulletinsPage })),
);
const InterviewsPage = lazy(() =>
  import('../features/assessment/components/interviews-page.tsx').then((m) => ({
    default: m.InterviewsPage,
  })),
);
const ChangePasswordPage = lazy(() =>
  import('../features/account/components/change-password-page.tsx').then((m) => ({
    default: m.ChangePasswordPage,
  })),
);
const TwoFactorPage = lazy(() =>
  import('../features/account/components/two-factor-page.tsx').then((m) => ({ default: m.TwoFactorPage })),
);
const SubmissionsPage = lazy(() =>
  import('../features/submissions/components/submissions-page.tsx').then((m) => ({
    default: m.SubmissionsPage,
  })),
);
const ReviewQueuePage = lazy(() =>
  import('../features/submissions/components/review-queue-page.tsx').then((m) => ({
    default: m.ReviewQueuePage,
  })),
);
const SubmissionDetailPage = lazy(() =>
  import('../features/submissions/components/submission-detail-page.tsx').then((m) => ({
    default: m.SubmissionDetailPage,
  })),
);
const OutletsPage = lazy(() =>
  import('../features/outlets/components/outlets-page.tsx').then((m) => ({ default: m.OutletsPage })),
);
const env = (name: string) =>
  lazy(() =>
    import('../features/environment/components/environment-pages.ts').then((m) => ({
      default: m[name as keyof typeof m],
    })),
  );
const MonitoringPage = env('MonitoringPage');
const ImportsPage = env('ImportsPage');
const DischargersPage = env('DischargersPage');
const OverduePage = env('OverduePage');
const IncidentsPage = env('IncidentsPage');
const CalendarPage = env('CalendarPage');
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
        { path: 'submissions', element: guarded('submissions:read', <SubmissionsPage />) },
        { path: 'submissions/:id', element: guarded('submissions:read', <SubmissionDetailPage />) },
        { path: 'review', element: guarded('submissions:review', <ReviewQueuePage />) },
        { path: 'outlets', element: guarded('outlets:read', <OutletsPage />) },
        { path: 'assessment/plans', element: guarded('assessment:read', <PlansPage />) },
        { path: 'assessment/rankings', element: guarded('assessment:read', <RankingsPage />) },
        { path: 'assessment/units/:unitId', element: guarded('assessment:read', <UnitScorePage />) },
        { path: 'assessment/bulletins', element: guarded('assessment:read', <BulletinsPage />) },
        { path: 'assessment/interviews', element: guarded('interviews:read', <InterviewsPage />) },
        { path: 'environment/monitoring', element: guarded('environment:read', <MonitoringPage />) },
        { path: 'environment/imports', element: guarded('environment:read', <ImportsPage />) },
        { path: 'environment/dischargers', element: guarded('environment:read', <DischargersPage />) },
        { path: 'environment/overdue', element: guarded('environment:read', <OverduePage />) },
        { path: 'environment/incidents', element: guarded('environment:read', <IncidentsPage />) },
        { path: 'environment/calendar', element: guarded('environment:read', <CalendarPage />) },
        { path: 'account/password', element: <ChangePasswordPage /> },
        { path: 'account/two-factor', element: <TwoFactorPage /> },
        { path: '*', element: <NotFound /> },
      ],
    },
  ],
  { basename: '/admin' },
);
