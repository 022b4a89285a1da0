// The 2018 Changde plan (常环发〔2018〕9号 §3.2–3.3) as the default template: its three blocks summing to
// 100. The plan's task-breakdown table was never published, so every point value here is an EXAMPLE,
// modelled on published county and city rules (docs/standards.md, "Scoring rules"); the console says so.
import type { PlanDocument } from './plan.ts';

const REPORTS = ['newsReport', 'govInfo', 'onlineMedia', 'newMedia'] as const;
const COUNTY_ONLY = ['department', 'affiliated'];

export const DEFAULT_PLAN_2018_TITLE = '2018年度环境信息宣传工作考核方案';

export const DEFAULT_PLAN_2018: PlanDocument = {
  note: '示例分值：2018年方案所附任务分解表未公开，各项分值参照公开的县市考核细则设定，仅为示例，请按实际方案修改。Example values: the 2018 task-breakdown table was not published; these follow published county and city rules.',
  office: { issuer: '常德市环境保护局', docPrefix: '常环宣', printedBy: '常德市环境保护局办公室' },
  annualWeight: 5,
  joint: { mode: 'equal' },
  groups: [
    { code: 'county', name: '区县市环保局(分局)', unitKinds: ['countyBureau'] },
    { code: 'department', name: '局机关科室', unitKinds: ['department'] },
    { code: 'affiliated', name: '局属单位', unitKinds: ['affiliatedUnit'] },
  ],
  blocks: [
    {
      code: 'A',
      name: '新闻媒体、政务信息和网络媒体报道',
      maxPoints: 60,
      items: [
        {
          code: 'A1',
          name: '新闻媒体报道（按刊发媒体级别计分）',
          maxPoints: 30,
          rule: {
            type: 'perPiece',
            match: { kinds: ['newsReport'] },
            by: 'outletLevel',
            perPiece: { central: 10, provincial: 5, municipal: 2, county: 1 },
            leaderInstructionBonus: { municipal: 2, provincial: 4, national: 8 },
          },
        },
        {
          code: 'A2',
          name: '政务信息被采用（按采用级别加倍）',
          maxPoints: 15,
          rule: {
            type: 'perPiece',
            match: { kinds: ['govInfo'], adoptionLevels: ['municipal', 'provincial', 'national'] },
            by: 'flat',
            perPiece: 1,
            multipliers: [
              { when: { adoptionLevels: ['provincial'] }, factor: 2, label: '省级采用' },
              { when: { adoptionLevels: ['national'] }, factor: 5, label: '国家级采用' },
            ],
            leaderInstructionBonus: { municipal: 2, provincial: 4, national: 8 },
          },
        },
        {
          code: 'A3',
          name: '网络媒体和新媒体发布',
          maxPoints: 10,
          rule: {
            type: 'perPiece',
            match: { kinds: ['onlineMedia', 'newMedia'] },
            by: 'outletLevel',
            perPiece: { central: 4, provincial: 2, municipal: 1, county: 0.5 },
          },
        },
        {
          code: 'A4',
          name: '月度报送定额（5月起）',
          maxPoints: 8,
          rule: {
            type: 'monthlyQuota',
            match: { kinds: [...REPORTS] },
            quota: { county: 3, department: 1, affiliated: 1 },
            basePerMonth: 1,
            shortfallPenalty: 0.5,
            fromMonth: 5,
          },
        },
        {
          code: 'A5',
          name: '政务信息季度采用率低于30%扣分',
          maxPoints: 0,
          maxDeduction: 4,
          rule: { type: 'adoptionRate', match: { kinds: ['govInfo'] }, minRate: 0.3, penalty: 1 },
        },
      ],
    },
    {
      code: 'B',
      name: '主要活动（学校环保创意大赛、六五环境日等）',
      maxPoints: 25,
      items: [
        {
          code: 'B1',
          name: '六五环境日活动',
          maxPoints: 10,
          rule: {
            type: 'perPiece',
            match: { kinds: ['activity'], activityTypes: ['environmentDay'] },
            by: 'flat',
            perPiece: 5,
          },
        },
        {
          code: 'B2',
          name: '组织学校参加环保创意大赛',
          maxPoints: 5,
          notApplicableTo: COUNTY_ONLY,
          rule: {
            type: 'perPiece',
            match: { kinds: ['activity'], activityTypes: ['contestEntry'] },
            by: 'flat',
            perPiece: 1,
          },
        },
        {
          code: 'B3',
          name: '创意大赛获奖',
          maxPoints: 5,
          notApplicableTo: COUNTY_ONLY,
          rule: {
            type: 'perPiece',
            match: { kinds: ['activity'], activityTypes: ['contestAward'] },
            by: 'awardRank',
            perPiece: { first: 5, second: 3, third: 2, excellence: 1 },
          },
        },
        {
          code: 'B4',
          name: '大讲堂、“五进”等主题活动',
          maxPoints: 5,
          rule: {
            type: 'perPiece',
            match: {
              kinds: ['activity'],
              activityTypes: ['lectureHall', 'fiveInto', 'census', 'inspection'],
            },
            by: 'flat',
            perPiece: 1,
          },
        },
      ],
    },
    {
      code: 'C',
      name: '平台宣传推广（环境报刊订阅、微信公众号开通运行）',
      maxPoints: 15,
      items: [
        {
          code: 'C1',
          name: '《中国环境报》等报刊订阅（对照定额，报刊征订台账）',
          maxPoints: 7,
          rule: {
            type: 'proportional',
            match: { kinds: ['mediaSubscription'] },
            measure: 'sum',
            target: { county: 30, department: 2, affiliated: 5 },
          },
        },
        {
          code: 'C2',
          name: '6月30日前开通微信公众号（新媒体台账）',
          maxPoints: 5,
          notApplicableTo: COUNTY_ONLY,
          rule: {
            type: 'deadline',
            match: { kinds: ['mediaAccount'] },
            due: '2018-06-30',
            lateUntil: '2018-12-31',
            latePoints: 2,
          },
        },
        {
          code: 'C3',
          name: '公众号增粉（对照目标，新媒体数据）',
          maxPoints: 3,
          notApplicableTo: COUNTY_ONLY,
          rule: {
            type: 'proportional',
            match: { kinds: ['mediaFollowers'] },
            measure: 'growth',
            target: { county: 2000 },
          },
        },
        {
          code: 'C4',
          name: '公众号连续14天未更新扣分（新媒体数据，含开通后从未发文）',
          maxPoints: 0,
          maxDeduction: 2,
          notApplicableTo: COUNTY_ONLY,
          rule: {
            type: 'silence',
            match: { kinds: ['mediaSilence'], activityTypes: ['wechatOfficial'] },
            maxGapDays: 14,
            penalty: 0.5,
          },
        },
        {
          code: 'C5',
          name: '新媒体账号检查问题扣分（网站与新媒体检查：无互动功能、停更未注销、未备案）',
          maxPoints: 0,
          maxDeduction: 2,
          notApplicableTo: COUNTY_ONLY,
          rule: {
            type: 'finding',
            match: { kinds: ['inspectionFinding'] },
            // the silent account (僵尸号) is C4's, measured by the matrix: not counted twice (decision 195)
            penalty: { accountNoInteraction: 1, accountStoppedNotDeregistered: 0.5, accountNotFiled: 0.5 },
          },
        },
      ],
    },
  ],
  negativeList: [
    { code: 'criticism', name: '信息差错被通报批评', points: 2 },
    { code: 'lateReport', name: '迟报、漏报', points: 1 },
    {
      code: 'staffMisconduct',
      name: '局属单位负面清单：工作人员履职问题',
      points: 3,
      groups: ['affiliated'],
    },
  ],
};
