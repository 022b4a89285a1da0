// Demo accounts: one per role. Their passwords are public (README, sign-in page) and exist only in a
// database seeded with the demo data set — never in a production set-up.
import type { Role } from '@greenvoice/common';

export interface DemoAccount {
  username: string;
  password: string;
  role: Role;
  name: string;
  unitCode: string;
  title: string;
  mobile: string;
}

export const DEMO_ACCOUNTS: DemoAccount[] = [
  {
    username: 'admin',
    password: 'Demo-Xinxi-2018!',
    role: 'admin',
    name: '信息中心管理员（演示）',
    unitCode: 'CD-XXZX',
    title: '信息中心主任',
    mobile: '13907360001',
  },
  {
    username: 'reviewer',
    password: 'Demo-Review-2018!',
    role: 'reviewer',
    name: '审核员（演示）',
    unitCode: 'CD-XXZX',
    title: '信息中心审核员',
    mobile: '13907360002',
  },
  {
    username: 'officer.wl',
    password: 'Demo-Officer-2018!',
    role: 'officer',
    name: '武陵区信息员（演示）',
    unitCode: 'CD-WL',
    title: '办公室科员',
    mobile: '13907360003',
  },
  {
    username: 'deputy.wl',
    password: 'Demo-Deputy-2018!',
    role: 'deputyLeader',
    name: '武陵区分管领导（演示）',
    unitCode: 'CD-WL',
    title: '副局长',
    mobile: '13907360004',
  },
  {
    username: 'leader',
    password: 'Demo-Lingdao-2018!',
    role: 'leadership',
    name: '局领导（演示）',
    unitCode: 'CDHB',
    title: '党组书记、局长',
    mobile: '13907360005',
  },
  {
    username: 'editor',
    password: 'Demo-Bianji-2018!',
    role: 'editor',
    name: '网站编辑（演示）',
    unitCode: 'CD-XXZX',
    title: '网站编辑',
    mobile: '13907360006',
  },
  {
    username: 'handler',
    password: 'Demo-Shouli-2018!',
    role: 'reportHandler',
    name: '举报受理员（演示）',
    unitCode: 'CD-JCZD',
    title: '举报受理员',
    mobile: '13907360007',
  },
  {
    username: 'handler.wl',
    password: 'Demo-Banli-2018!',
    role: 'reportHandler',
    name: '武陵区举报办理员（演示）',
    unitCode: 'CD-WL',
    title: '环境监察大队办理员',
    mobile: '13907360010',
  },
  {
    username: 'security',
    password: 'Demo-Anquan-2018!',
    role: 'security',
    name: '安全管理员（演示）',
    unitCode: 'CD-XXZX',
    title: '安全管理员',
    mobile: '13907360009',
  },
  {
    username: 'auditor',
    password: 'Demo-Shenji-2018!',
    role: 'auditor',
    name: '审计管理员（演示）',
    unitCode: 'CD-BGS',
    title: '安全审计员',
    mobile: '13907360008',
  },
  {
    // the second city's administrator (second-city-demo.ts): sees only Xiangtan's records
    username: 'admin.xt',
    password: 'Demo-Xiangtan-2018!',
    role: 'admin',
    name: '湘潭市信息中心管理员（演示）',
    unitCode: 'XT-XXZX',
    title: '信息中心主任',
    mobile: '13907320001',
  },
];
