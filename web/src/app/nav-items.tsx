import {
  AuditOutlined,
  FileTextOutlined,
  GlobalOutlined,
  ApartmentOutlined,
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
    key: 'cmsArticles',
    path: '/cms/articles',
    label: 'nav.cmsArticles',
    description: 'home.cmsArticlesDesc',
    icon: <FileTextOutlined />,
    permission: 'cms:read',
  },
  {
    key: 'cmsChannels',
    path: '/cms/channels',
    label: 'nav.cmsChannels',
    description: 'home.cmsChannelsDesc',
    icon: <GlobalOutlined />,
    permission: 'cms:read',
  },
  {
    key: 'audit',
    path: '/audit',
    label: 'nav.audit',
    description: 'home.auditDesc',
    icon: <AuditOutlined />,
    permission: 'audit:read',
  },
];
