import {
  AlertOutlined,
  BankOutlined,
  CalendarOutlined,
  CloudUploadOutlined,
  EnvironmentOutlined,
  FieldTimeOutlined,
  AuditOutlined,
  BarChartOutlined,
  FileTextOutlined,
  NotificationOutlined,
  ProfileOutlined,
  ApartmentOutlined,
  CheckSquareOutlined,
  ReadOutlined,
  HomeOutlined,
  SolutionOutlined,
  TeamOutlined,
} from '@ant-design/icons';
import type { Permission } from '@greenvoice/common';
import type { ReactNode } from 'react';
import type { DictKey } from '../shared/i18n/dictionary.ts';

export interface NavItem {
  key: string;
  path: string;
  label: DictKey;
  description: DictKey;
  icon: ReactNode;
  /** shown only to people holding it; undefined for pages everyone signed in may open */
  permission?: Permission;
}

/** The console's sections. The side menu and the home page's links are both built from this list. */
export const NAV_ITEMS: NavItem[] = [
  { key: 'home', path: '/', label: 'nav.home', description: 'home.homeDesc', icon: <HomeOutlined /> },
  {
    key: 'units',
    path: '/units',
    label: 'nav.units',
    description: 'home.unitsDesc',
    icon: <ApartmentOutlined />,
    permission: 'units:read',
  },
  {
    key: 'people',
    path: '/people',
    label: 'nav.people',
    description: 'home.peopleDesc',
    icon: <TeamOutlined />,
    permission: 'people:read',
  },
  {
    key: 'campaign',
    path: '/campaign',
    label: 'nav.campaign',
    description: 'home.campaignDesc',
    icon: <SolutionOutlined />,
    permission: 'campaign:read',
  },
  {
    key: 'submissions',
    path: '/submissions',
    label: 'nav.submissions',
    description: 'home.submissionsDesc',
    icon: <FileTextOutlined />,
    permission: 'submissions:read',
  },
  {
    key: 'review',
    path: '/review',
    label: 'nav.review',
    description: 'home.reviewDesc',
    icon: <CheckSquareOutlined />,
    permission: 'submissions:review',
  },
  {
    key: 'outlets',
    path: '/outlets',
    label: 'nav.outlets',
    description: 'home.outletsDesc',
    icon: <ReadOutlined />,
    permission: 'outlets:read',
  },
  {
    key: 'rankings',
    path: '/assessment/rankings',
    label: 'nav.rankings',
    description: 'home.rankingsDesc',
    icon: <BarChartOutlined />,
    permission: 'assessment:read',
  },
  {
    key: 'plans',
    path: '/assessment/plans',
    label: 'nav.plans',
    description: 'home.plansDesc',
    icon: <ProfileOutlined />,
    permission: 'assessment:read',
  },
  {
    key: 'bulletins',
    path: '/assessment/bulletins',
    label: 'nav.bulletins',
    description: 'home.bulletinsDesc',
    icon: <NotificationOutlined />,
    permission: 'assessment:read',
  },
  {
    key: 'interviews',
    path: '/assessment/interviews',
    label: 'nav.interviews',
    description: 'home.interviewsDesc',
    icon: <AlertOutlined />,
    permission: 'interviews:read',
  },
  {
    key: 'audit',
    path: '/audit',
    label: 'nav.audit',
    description: 'home.auditDesc',
    icon: <AuditOutlined />,
    permission: 'audit:read',
  },
  {
    key: 'envMonitoring',
    path: '/environment/monitoring',
    label: 'nav.envMonitoring',
    description: 'home.envMonitoringDesc',
    icon: <EnvironmentOutlined />,
    permission: 'environment:read',
  },
  {
    key: 'envImports',
    path: '/environment/imports',
    label: 'nav.envImports',
    description: 'home.envImportsDesc',
    icon: <CloudUploadOutlined />,
    permission: 'environment:read',
  },
  {
    key: 'envDischargers',
    path: '/environment/dischargers',
    label: 'nav.envDischargers',
    description: 'home.envDischargersDesc',
    icon: <BankOutlined />,
    permission: 'environment:read',
  },
  {
    key: 'envOverdue',
    path: '/environment/overdue',
    label: 'nav.envOverdue',
    description: 'home.envOverdueDesc',
    icon: <FieldTimeOutlined />,
    permission: 'environment:read',
  },
  {
    key: 'envIncidents',
    path: '/environment/incidents',
    label: 'nav.envIncidents',
    description: 'home.envIncidentsDesc',
    icon: <AlertOutlined />,
    permission: 'environment:read',
  },
  {
    key: 'envCalendar',
    path: '/environment/calendar',
    label: 'nav.envCalendar',
    description: 'home.envCalendarDesc',
    icon: <CalendarOutlined />,
    permission: 'environment:read',
  },
];
