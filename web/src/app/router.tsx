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
const OwnInterviewsPage = lazy(() =>
  import('../features/assessment/components/own-interviews-page.tsx').then((m) => ({
    default: m.OwnInterviewsPage,
  })),
);
const DeductionsPage = lazy(() =>
  import('../features/assessment/components/deductions-page.tsx').then((m) => ({
    default: m.DeductionsPage,
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
const media = (name: string) =>
  lazy(() =>
    import('../features/media/components/media-pages.ts').then((m) => ({
      default: m[name as keyof typeof m],
    })),
  );
const MediaPage = media('MediaPage');
const MediaAccountPage = media('MediaAccountPage');
const ConsultationsPage = lazy(() =>
  import('../features/cases/components/consultations-page.tsx').then((m) => ({
    default: m.ConsultationsPage,
  })),
);
const CaseStatsPage = lazy(() =>
  import('../features/cases/components/case-stats-page.tsx').then((m) => ({ default: m.CaseStatsPage })),
);
const DisclosureReportPage = lazy(() =>
  import('../features/cases/components/disclosure-report-page.tsx').then((m) => ({
    default: m.DisclosureReportPage,
  })),
);
const InspectionPage = lazy(() =>
  import('../features/inspection/components/inspection-page.tsx').then((m) => ({
    default: m.InspectionPage,
  })),
);
const activities = (
  name:
    | 'ActivitiesPage'
    | 'ActivityCalendarPage'
    | 'ActivityStatsPage'
    | 'FiveIntoBoardPage'
    | 'SignupsPage'
    | 'RegistryPage',
) =>
  lazy(() =>
    import('../features/activities/components/activities-pages.ts').then((m) => ({ default: m[name] })),
  );
const ActivitiesPage = activities('ActivitiesPage');
const ActivityCalendarPage = activities('ActivityCalendarPage');
const ActivityStatsPage = activities('ActivityStatsPage');
const FiveIntoBoardPage = activities('FiveIntoBoardPage');
const SignupsPage = activities('SignupsPage');
const RegistryPage = activities('RegistryPage');
const ContestPage = lazy(() =>
  import('../features/contest/components/contest-page.tsx').then((m) => ({ default: m.ContestPage })),
);
const SubscriptionsPage = media('SubscriptionsPage');
const CommentatorsPage = media('CommentatorsPage');
const ColumnsPage = media('ColumnsPage');
const CasesPage = lazy(() =>
  import('../features/cases/components/cases-page.tsx').then((m) => ({ default: m.CasesPage })),
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
const ServiceGuidesPage = lazy(() =>
  import('../features/service-guides/components/service-guides-page.tsx').then((m) => ({
    default: m.ServiceGuidesPage,
  })),
);
const InboxPage = lazy(() =>
  import('../features/notifications/components/inbox-page.tsx').then((m) => ({ default: m.InboxPage })),
);
const DeliveryChannelsPage = lazy(() =>
  import('../features/notifications/components/channels-page.tsx').then((m) => ({ default: m.ChannelsPage })),
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
        { path: 'submissions', element: guarded('submissions:read', <SubmissionsPage />) },
        { path: 'submissions/:id', element: guarded('submissions:read', <SubmissionDetailPage />) },
        { path: 'review', element: guarded('submissions:review', <ReviewQueuePage />) },
        { path: 'outlets', element: guarded('outlets:read', <OutletsPage />) },
        { path: 'assessment/plans', element: guarded('assessment:read', <PlansPage />) },
        { path: 'assessment/rankings', element: guarded('assessment:read', <RankingsPage />) },
        { path: 'assessment/units/:unitId', element: guarded('assessment:read', <UnitScorePage />) },
        { path: 'assessment/bulletins', element: guarded('assessment:read', <BulletinsPage />) },
        { path: 'assessment/interviews', element: guarded('interviews:read', <InterviewsPage />) },
        { path: 'assessment/deductions', element: guarded('assessment:read', <DeductionsPage />) },
        { path: 'assessment/my-interviews', element: guarded('interviews:own', <OwnInterviewsPage />) },
        { path: 'environment/monitoring', element: guarded('environment:read', <MonitoringPage />) },
        { path: 'environment/imports', element: guarded('environment:read', <ImportsPage />) },
        { path: 'environment/dischargers', element: guarded('environment:read', <DischargersPage />) },
        { path: 'environment/overdue', element: guarded('environment:read', <OverduePage />) },
        { path: 'environment/incidents', element: guarded('environment:read', <IncidentsPage />) },
        { path: 'cases', element: guarded('cases:read', <CasesPage />) },
        { path: 'cases/:id', element: guarded('cases:read', <CasesPage />) },
        { path: 'case-stats', element: guarded('cases:read', <CaseStatsPage />) },
        { path: 'consultations', element: guarded('cms:read', <ConsultationsPage />) },
        { path: 'consultations/:id', element: guarded('cms:read', <ConsultationsPage />) },
        { path: 'disclosure-report', element: guarded('cms:read', <DisclosureReportPage />) },
        { path: 'environment/calendar', element: guarded('environment:read', <CalendarPage />) },
        { path: 'media', element: guarded('media:read', <MediaPage />) },
        { path: 'inspection', element: guarded('inspection:read', <InspectionPage />) },
        { path: 'activities', element: guarded('activities:read', <ActivitiesPage />) },
        { path: 'activities/calendar', element: guarded('activities:read', <ActivityCalendarPage />) },
        { path: 'activities/stats', element: guarded('activities:read', <ActivityStatsPage />) },
        { path: 'activities/five-into', element: guarded('activities:read', <FiveIntoBoardPage />) },
        { path: 'activities/signups', element: guarded('activities:read', <SignupsPage />) },
        { path: 'activities/registry', element: guarded('activities:read', <RegistryPage />) },
        { path: 'contest', element: guarded('contest:judge', <ContestPage />) },
        { path: 'media/accounts/:id', element: guarded('media:read', <MediaAccountPage />) },
        { path: 'media/subscriptions', element: guarded('media:read', <SubscriptionsPage />) },
        { path: 'media/commentators', element: guarded('media:read', <CommentatorsPage />) },
        { path: 'media/columns', element: guarded('media:read', <ColumnsPage />) },
        { path: 'cms/articles', element: guarded('cms:read', <ArticlesPage />) },
        { path: 'cms/articles/:id', element: guarded('cms:read', <ArticleEditorPage />) },
        { path: 'cms/channels', element: guarded('cms:read', <ChannelsPage />) },
        { path: 'cms/service-guides', element: guarded('cms:read', <ServiceGuidesPage />) },
        { path: 'notifications', element: guarded('notifications:self', <InboxPage />) },
        {
          path: 'notification-channels',
          element: guarded('notifications:manage', <DeliveryChannelsPage />),
        },
        { path: 'account/password', element: <ChangePasswordPage /> },
        { path: 'account/two-factor', element: <TwoFactorPage /> },
        { path: '*', element: <NotFound /> },
      ],
    },
  ],
  { basename: '/admin' },
);
