// The demo organisation: Changde's environmental protection bureau as the 2018 plan (常环发〔2018〕9号)
// addresses it. County-level and zone bureaus are the real ones the plan names; departments and units
// under the bureau are plausible examples. Every row is flagged is_demo.
import type { UnitKind } from '@greenvoice/common';

export interface DemoUnit {
  code: string;
  name: string;
  kind: UnitKind;
  parent: string | null;
}

export const DEMO_BUREAU_CODE = 'CDHB';

export const DEMO_UNITS: DemoUnit[] = [
  { code: DEMO_BUREAU_CODE, name: '常德市环境保护局', kind: 'cityBureau', parent: null },
  // 科室 — departments (examples)
  { code: 'CD-BGS', name: '办公室', kind: 'department', parent: DEMO_BUREAU_CODE },
  { code: 'CD-XXZX', name: '信息中心', kind: 'department', parent: DEMO_BUREAU_CODE },
  { code: 'CD-XJK', name: '宣传教育科', kind: 'department', parent: DEMO_BUREAU_CODE },
  { code: 'CD-FGK', name: '政策法规科', kind: 'department', parent: DEMO_BUREAU_CODE },
  { code: 'CD-WRFZ', name: '污染防治科', kind: 'department', parent: DEMO_BUREAU_CODE },
  { code: 'CD-HPK', name: '环境影响评价科', kind: 'department', parent: DEMO_BUREAU_CODE },
  { code: 'CD-STK', name: '自然生态保护科', kind: 'department', parent: DEMO_BUREAU_CODE },
  { code: 'CD-JCK', name: '环境监测科', kind: 'department', parent: DEMO_BUREAU_CODE },
  // 区县市环保局(分局) — the county-level bureaus the plan addresses
  { code: 'CD-WL', name: '武陵区环境保护局', kind: 'countyBureau', parent: DEMO_BUREAU_CODE },
  { code: 'CD-DC', name: '鼎城区环境保护局', kind: 'countyBureau', parent: DEMO_BUREAU_CODE },
  { code: 'CD-AX', name: '安乡县环境保护局', kind: 'countyBureau', parent: DEMO_BUREAU_CODE },
  { code: 'CD-HS', name: '汉寿县环境保护局', kind: 'countyBureau', parent: DEMO_BUREAU_CODE },
  { code: 'CD-LX', name: '澧县环境保护局', kind: 'countyBureau', parent: DEMO_BUREAU_CODE },
  { code: 'CD-LL', name: '临澧县环境保护局', kind: 'countyBureau', parent: DEMO_BUREAU_CODE },
  { code: 'CD-TY', name: '桃源县环境保护局', kind: 'countyBureau', parent: DEMO_BUREAU_CODE },
  { code: 'CD-SM', name: '石门县环境保护局', kind: 'countyBureau', parent: DEMO_BUREAU_CODE },
  { code: 'CD-JS', name: '津市市环境保护局', kind: 'countyBureau', parent: DEMO_BUREAU_CODE },
  { code: 'CD-JKQ', name: '常德经济技术开发区环保分局', kind: 'countyBureau', parent: DEMO_BUREAU_CODE },
  { code: 'CD-LYH', name: '柳叶湖旅游度假区环保分局', kind: 'countyBureau', parent: DEMO_BUREAU_CODE },
  { code: 'CD-XH', name: '西湖管理区环保分局', kind: 'countyBureau', parent: DEMO_BUREAU_CODE },
  { code: 'CD-XDT', name: '西洞庭管理区环保分局', kind: 'countyBureau', parent: DEMO_BUREAU_CODE },
  { code: 'CD-THY', name: '桃花源旅游管理区环保分局', kind: 'countyBureau', parent: DEMO_BUREAU_CODE },
  // 局属单位 — units under the bureau (examples)
  { code: 'CD-JCZ', name: '常德市环境监测站', kind: 'affiliatedUnit', parent: DEMO_BUREAU_CODE },
  { code: 'CD-JCZD', name: '常德市环境监察支队', kind: 'affiliatedUnit', parent: DEMO_BUREAU_CODE },
  { code: 'CD-GFZX', name: '常德市固体废物管理中心', kind: 'affiliatedUnit', parent: DEMO_BUREAU_CODE },
  { code: 'CD-FSZ', name: '常德市辐射环境监督站', kind: 'affiliatedUnit', parent: DEMO_BUREAU_CODE },
  { code: 'CD-HKS', name: '常德市环境科学研究所', kind: 'affiliatedUnit', parent: DEMO_BUREAU_CODE },
];

/**
 * How each unit answered the contact-registration campaign (deadline 2018-04-30):
 * the dates its deputy leader and information officer were named, or null for not yet.
 */
export const DEMO_CONTACT_DATES: Record<string, { deputyLeader: string | null; officer: string | null }> = {
  'CD-LX': { deputyLeader: '2018-05-08', officer: '2018-05-08' }, // late
  'CD-XDT': { deputyLeader: '2018-04-27', officer: '2018-05-15' }, // late
  'CD-THY': { deputyLeader: '2018-04-20', officer: null }, // officer still missing
  'CD-FSZ': { deputyLeader: null, officer: null }, // nobody named
};
