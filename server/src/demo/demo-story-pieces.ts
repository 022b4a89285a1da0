// What each demo unit reports in 2018 (demo-story.ts sends it through the services): how many pieces a
// month, and each piece's kind, outlet, title, date and fate. Strong reporters (武陵区, 宣传教育科), a
// unit that starts late (澧县 named its contacts in May), a long-term bottom (西洞庭) and units without
// an officer (桃花源, 辐射站) that report nothing. December ends open: a draft and a returned piece for
// the demo officer, a few pieces in the reviewer's queue, one of them a duplicate.
import type { ActivityType, ReviewInput, SubmissionInput, SubmissionTheme } from '@greenvoice/common';

/** Pieces per month, January to December, by unit code (units not listed report nothing). */
export const PIECES_PER_MONTH: Record<string, number[]> = Object.fromEntries(
  Object.entries({
    'CD-WL': '222312322123',
    'CD-DC': '122212212212',
    'CD-AX': '101110111011',
    'CD-HS': '112111211121',
    'CD-LX': '000011101111',
    'CD-LL': '111111011111',
    'CD-TY': '121212121212',
    'CD-SM': '112111121111',
    'CD-JS': '111111111111',
    'CD-JKQ': '101111110111',
    'CD-LYH': '111011101111',
    'CD-XH': '110111011101',
    'CD-XDT': '100100010001',
    'CD-BGS': '010101001011',
    'CD-XJK': '211121112112',
    'CD-FGK': '100100101001',
    'CD-WRFZ': '111011101110',
    'CD-HPK': '010001000101',
    'CD-STK': '101001010011',
    'CD-JCK': '101010101011',
    'CD-JCZ': '111011111011',
    'CD-JCZD': '111111011111',
    'CD-GFZX': '100100100001',
    'CD-HKS': '010010000011',
  }).map(([code, months]) => [code, [...months].map(Number)]),
);

const CODES = Object.keys(PIECES_PER_MONTH);

const SHORT: Record<string, string> = {
  'CD-WL': '武陵区',
  'CD-DC': '鼎城区',
  'CD-AX': '安乡县',
  'CD-HS': '汉寿县',
  'CD-LX': '澧县',
  'CD-LL': '临澧县',
  'CD-TY': '桃源县',
  'CD-SM': '石门县',
  'CD-JS': '津市市',
  'CD-JKQ': '经开区',
  'CD-LYH': '柳叶湖',
  'CD-XH': '西湖管理区',
  'CD-XDT': '西洞庭',
  'CD-BGS': '局办公室',
  'CD-XJK': '宣教科',
  'CD-FGK': '法规科',
  'CD-WRFZ': '污防科',
  'CD-HPK': '环评科',
  'CD-STK': '生态科',
  'CD-JCK': '监测科',
  'CD-JCZ': '市监测站',
  'CD-JCZD': '市监察支队',
  'CD-GFZX': '市固废中心',
  'CD-HKS': '市环科所',
};

/** the county's own broadcaster, where it has one (outlets seeded by migration) */
const COUNTY_TV: Record<string, string> = {
  'CD-DC': '鼎城区广播电视台',
  'CD-AX': '安乡县广播电视台',
  'CD-HS': '汉寿县广播电视台',
  'CD-LX': '澧县广播电视台',
  'CD-LL': '临澧县广播电视台',
  'CD-TY': '桃源县广播电视台',
  'CD-SM': '石门县广播电视台',
  'CD-JS': '津市市广播电视台',
};

const NEWS: Array<[string, SubmissionTheme]> = [
  ['开展大气污染防治专项执法行动', 'pollutionAir'],
  ['推进饮用水水源地环境问题整治', 'pollutionWater'],
  ['中央环保督察反馈问题整改取得阶段成效', 'inspection'],
  ['第二次全国污染源普查清查工作全面铺开', 'census'],
  ['生态环保大讲堂走进社区', 'lectureHall'],
  ['固体废物非法转移倾倒专项排查', 'pollutionSolidWaste'],
  ['受污染耕地安全利用试点启动', 'pollutionSoil'],
  ['“六五”环境日主题宣传活动', 'environmentDay'],
  ['环保设施向公众开放', 'publicParticipation'],
  ['重点排污单位自行监测信息公开检查', 'disclosure'],
  ['环保创意大赛作品征集', 'contest'],
  ['环保知识“五进”宣传', 'fiveInto'],
];
const GOV_INFO = [
  '关于黑臭水体整治进展情况的报告',
  '关于秸秆禁烧工作开展情况的汇报',
  '关于污染源普查入户调查进度的情况报告',
  '关于督察整改销号工作的专报',
  '关于畜禽养殖退养工作的信息',
  '关于工业园区污水处理设施建设的情况',
];
const ACTIVITIES: Array<[ActivityType, SubmissionTheme, string]> = [
  ['lectureHall', 'lectureHall', '生态环保大讲堂'],
  ['fiveInto', 'fiveInto', '环保知识进校园'],
  ['census', 'census', '污染源普查宣传日'],
  ['inspection', 'inspection', '督察整改群众回访'],
  ['training', 'partyConduct', '环保业务培训班'],
];

export type Fate = 'approve' | 'adopt' | 'instructionLater' | 'return' | 'queue' | 'draft';

export interface DemoPiece {
  input: Omit<SubmissionInput, 'submit'>;
  fate: Fate;
  review?: Pick<ReviewInput, 'adoptionLevel' | 'leaderInstruction' | 'instructionNote'>;
}

const linkOf = (code: string, month: number, k: number) =>
  `https://news.example.cn/demo/2018/${String(month).padStart(2, '0')}/${code.toLowerCase()}-${k + 1}.html`;

function fateOf(code: string, month: number, k: number, kind: string): Fate {
  if (month === 12 && code === 'CD-WL') return k === 0 ? 'draft' : k === 1 ? 'return' : 'queue';
  if (month === 12 && k === 0 && ['CD-DC', 'CD-TY', 'CD-LYH', 'CD-XJK', 'CD-JCZ'].includes(code))
    return 'queue';
  if (kind === 'govInfo' && ((code === 'CD-DC' && month === 4) || (code === 'CD-WL' && month === 3)))
    return 'instructionLater';
  if (kind === 'govInfo' && (month % 4 === 1 || month === 7)) return 'adopt';
  return 'approve';
}

/** The k-th piece of a unit in a month. */
export function demoPiece(code: string, month: number, k: number, outlets: Map<string, number>): DemoPiece {
  const u = CODES.indexOf(code);
  const mm = String(month).padStart(2, '0');
  const date = `2018-${mm}-${String(3 + ((k * 9 + u * 3 + month) % 24)).padStart(2, '0')}`;
  const who = SHORT[code] ?? code;
  const pick = <T>(list: T[], salt: number) => list[(u + month * 5 + k + salt) % list.length]!;
  let input: DemoPiece['input'];
  if (k === 1) {
    input = {
      kind: 'govInfo',
      title: `${who}${pick(GOV_INFO, 0)}（${month}月）（演示）`,
      date,
      themes: ['disclosure'],
    };
  } else if (k === 2) {
    const [activityType, theme, name] = month === 6 ? ACTIVITIES[0]! : pick(ACTIVITIES, 1);
    input = {
      kind: 'activity',
      title: `${who}举办${month === 6 ? '“六五”环境日' : ''}${name}（${month}月）（演示）`,
      date,
      activityType: month === 6 ? 'environmentDay' : activityType,
      quantity: 40 + ((u * 37 + month * 11) % 260),
      themes: [month === 6 ? 'environmentDay' : theme],
    };
  } else {
    const [topic, theme] = pick(NEWS, k);
    const outlet =
      code === 'CD-WL' && month === 6
        ? '人民网'
        : month % 3 === 0
          ? '湖南日报'
          : k === 3
            ? '常德广播电视台'
            : (COUNTY_TV[code] ?? '常德日报');
    input = {
      kind: 'newsReport',
      title: `${who}${topic}（${month}月）（演示）`,
      date,
      outletId: outlets.get(outlet) ?? outlets.get('常德日报')!,
      // 柳叶湖's December piece repeats 武陵区's November link: the reviewer's queue flags it
      link: code === 'CD-LYH' && month === 12 ? linkOf('CD-WL', 11, 0) : linkOf(code, month, k),
      themes: [theme],
    };
  }
  const fate = fateOf(code, month, k, input.kind);
  const review: DemoPiece['review'] =
    fate === 'adopt'
      ? month === 7
        ? {
            adoptionLevel: 'provincial',
            leaderInstruction: 'municipal',
            instructionNote: '市领导批示（演示）',
          }
        : { adoptionLevel: 'municipal' }
      : undefined;
  return { input, fate, ...(review ? { review } : {}) };
}
