// What an officer can report (docs/requirements.md capability 3; plan §3.2 blocks a–c) and which fields each kind
// needs. Each kind becomes the assessment fact of the same name when approved (assessment/facts.ts).
import type {
  AdoptionLevel,
  AwardRank,
  FactKind,
  InstructionLevel,
  OutletLevel,
  OutletMedium,
} from '../assessment/facts.ts';
import type { SubmissionAction, SubmissionStatus } from './submission-workflow.ts';
export { AWARD_RANKS, type AwardRank } from '../assessment/facts.ts';

type Label = { zh: string; en: string };

export const SUBMISSION_KINDS = [
  'newsReport',
  'govInfo',
  'onlineMedia',
  'newMedia',
  'activity',
  'subscription',
  'wechatAccount',
  'followerCount',
  'other',
] as const satisfies readonly FactKind[];
export type SubmissionKind = (typeof SUBMISSION_KINDS)[number];

export const SUBMISSION_KIND_LABELS: Record<SubmissionKind, Label> = {
  newsReport: { zh: '新闻媒体报道', en: 'News-media report' },
  govInfo: { zh: '政务信息', en: 'Government information' },
  onlineMedia: { zh: '网络媒体', en: 'Online media' },
  newMedia: { zh: '新媒体发布', en: 'New-media post' },
  activity: { zh: '活动', en: 'Activity' },
  subscription: { zh: '报刊征订', en: 'Subscription record' },
  wechatAccount: { zh: '微信公众号开通', en: 'WeChat-account record' },
  followerCount: { zh: '公众号粉丝数', en: 'Follower count' },
  other: { zh: '其他', en: 'Other' },
};

/** Theme tags: the plan's main activities (§2) and the pollution battle's four fronts. */
export const SUBMISSION_THEMES = [
  'lectureHall',
  'contest',
  'fiveInto',
  'census',
  'inspection',
  'pollutionAir',
  'pollutionWater',
  'pollutionSoil',
  'pollutionSolidWaste',
  'partyConduct',
  'environmentDay',
  'mediaMatrix',
  'disclosure',
  'publicParticipation',
] as const;
export type SubmissionTheme = (typeof SUBMISSION_THEMES)[number];

export const SUBMISSION_THEME_LABELS: Record<SubmissionTheme, Label> = {
  lectureHall: { zh: '生态环保大讲堂', en: 'Lecture hall' },
  contest: { zh: '环保创意大赛', en: 'Creativity contest' },
  fiveInto: { zh: '五进活动', en: 'Five-into activities' },
  census: { zh: '污染源普查', en: 'Pollution-source census' },
  inspection: { zh: '环保督察跟踪', en: 'Inspection follow-up' },
  pollutionAir: { zh: '大气污染防治', en: 'Pollution battle: air' },
  pollutionWater: { zh: '水污染防治', en: 'Pollution battle: water' },
  pollutionSoil: { zh: '土壤污染防治', en: 'Pollution battle: soil' },
  pollutionSolidWaste: { zh: '固体废物污染防治', en: 'Pollution battle: solid waste' },
  partyConduct: { zh: '党风廉政及文明创建', en: 'Party conduct and civilisation' },
  environmentDay: { zh: '六五环境日', en: 'June-5 Environment Day' },
  mediaMatrix: { zh: '新媒体矩阵', en: 'New-media matrix' },
  disclosure: { zh: '信息公开与社会监督', en: 'Disclosure and supervision' },
  publicParticipation: { zh: '公众参与', en: 'Public participation' },
};

/** An activity's type: the fact's activityType, which the rules score (block B). */
export const ACTIVITY_TYPES = [
  'environmentDay',
  'contestEntry',
  'contestAward',
  'lectureHall',
  'fiveInto',
  'census',
  'inspection',
  'training',
  'otherActivity',
] as const;
export type ActivityType = (typeof ACTIVITY_TYPES)[number];

export const ACTIVITY_TYPE_LABELS: Record<ActivityType, Label> = {
  environmentDay: { zh: '六五环境日活动', en: 'June-5 Environment Day event' },
  contestEntry: { zh: '创意大赛参赛作品', en: 'Contest entry' },
  contestAward: { zh: '创意大赛获奖', en: 'Contest award' },
  lectureHall: { zh: '大讲堂', en: 'Lecture hall' },
  fiveInto: { zh: '五进活动', en: 'Five-into activity' },
  census: { zh: '普查宣传活动', en: 'Census publicity' },
  inspection: { zh: '督察宣传活动', en: 'Inspection publicity' },
  training: { zh: '培训', en: 'Training' },
  otherActivity: { zh: '其他活动', en: 'Other activity' },
};

export const AWARD_RANK_LABELS: Record<AwardRank, Label> = {
  first: { zh: '一等奖', en: 'First prize' },
  second: { zh: '二等奖', en: 'Second prize' },
  third: { zh: '三等奖', en: 'Third prize' },
  excellence: { zh: '优秀奖', en: 'Excellence award' },
};

export const SUBMISSION_STATUS_LABELS: Record<SubmissionStatus, Label> = {
  draft: { zh: '草稿', en: 'Draft' },
  submitted: { zh: '待审核', en: 'Submitted' },
  returned: { zh: '已退回', en: 'Returned' },
  resubmitted: { zh: '重新提交', en: 'Resubmitted' },
  approved: { zh: '已通过', en: 'Approved' },
  rejected: { zh: '未采用', en: 'Rejected' },
};

export const SUBMISSION_ACTION_LABELS: Record<SubmissionAction, Label> = {
  edit: { zh: '修改', en: 'Edit' },
  submit: { zh: '提交', en: 'Submit' },
  resubmit: { zh: '重新提交', en: 'Resubmit' },
  withdraw: { zh: '撤回', en: 'Withdraw' },
  delete: { zh: '删除草稿', en: 'Delete draft' },
  approve: { zh: '通过', en: 'Approve' },
  return: { zh: '退回修改', en: 'Return for revision' },
  reject: { zh: '不予采用', en: 'Reject' },
  recordOutcome: { zh: '补录采用与批示', en: 'Record adoption and instruction' },
};

export const ADOPTION_LEVEL_LABELS: Record<AdoptionLevel, Label> = {
  none: { zh: '未被采用', en: 'Not adopted' },
  county: { zh: '县级采用', en: 'Adopted by a county body' },
  municipal: { zh: '市级采用', en: 'Adopted by the city' },
  provincial: { zh: '省级采用', en: 'Adopted by the province' },
  national: { zh: '国家级采用', en: 'Adopted nationally' },
};

export const INSTRUCTION_LEVEL_LABELS: Record<InstructionLevel, Label> = {
  municipal: { zh: '市领导批示', en: 'Instruction by a city leader' },
  provincial: { zh: '省领导批示', en: 'Instruction by a provincial leader' },
  national: { zh: '中央领导批示', en: 'Instruction by a national leader' },
};

export const OUTLET_LEVEL_LABELS: Record<OutletLevel, Label> = {
  central: { zh: '中央', en: 'Central' },
  provincial: { zh: '省级', en: 'Provincial' },
  municipal: { zh: '市级', en: 'Municipal' },
  county: { zh: '县级', en: 'County' },
};

export const OUTLET_MEDIUM_LABELS: Record<OutletMedium, Label> = {
  paper: { zh: '报刊', en: 'Paper' },
  broadcast: { zh: '广播电视', en: 'Broadcast' },
  web: { zh: '网站', en: 'Web' },
  newMedia: { zh: '新媒体', en: 'New media' },
};

type Need = 'required' | 'optional' | 'none';
export interface KindFields {
  outlet: Need;
  link: Need;
  activityType: Need;
  quantity: Need;
  accountName: Need;
  /** what the date means for this kind */
  dateLabel: Label;
  /** what the quantity means, when it is asked for */
  quantityLabel: Label | null;
}

const published: Label = { zh: '刊发日期', en: 'Publication date' };

/** Which fields each kind asks for. The server validates with it; the console shows the form from it. */
export const KIND_FIELDS: Record<SubmissionKind, KindFields> = {
  newsReport: field('required', 'optional', published),
  govInfo: field('none', 'none', { zh: '报送日期', en: 'Date sent' }),
  onlineMedia: field('required', 'required', published),
  newMedia: field('required', 'required', published),
  activity: {
    ...field('none', 'optional', { zh: '活动日期', en: 'Event date' }),
    activityType: 'required',
    quantity: 'optional',
    quantityLabel: { zh: '参与人数', en: 'People reached' },
  },
  subscription: {
    ...field('required', 'none', { zh: '征订日期', en: 'Subscription date' }),
    quantity: 'required',
    quantityLabel: { zh: '订阅份数', en: 'Copies' },
  },
  wechatAccount: {
    ...field('none', 'optional', { zh: '开通日期', en: 'Opening date' }),
    accountName: 'required',
  },
  followerCount: {
    ...field('none', 'none', { zh: '统计日期', en: 'Measured on' }),
    accountName: 'required',
    quantity: 'required',
    quantityLabel: { zh: '粉丝数', en: 'Followers' },
  },
  other: field('optional', 'optional', { zh: '日期', en: 'Date' }),
};

function field(outlet: Need, link: Need, dateLabel: Label): KindFields {
  return {
    outlet,
    link,
    activityType: 'none',
    quantity: 'none',
    accountName: 'none',
    dateLabel,
    quantityLabel: null,
  };
}
