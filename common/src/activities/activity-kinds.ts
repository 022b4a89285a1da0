// The kinds of publicity events the plan names (§2.1 lecture hall, §2.3 five-into, §2.4–2.5 census and
// inspection publicity, the June-5 Environment Day, trainings, §2.11 绿色小天使 / 绿色卫士), the five
// targets of "five-into", and the quarter / half-year an event's date falls in. One list for server and
// console; the kind is also the assessment fact's activityType (common/src/assessment/facts.ts).

export const ACTIVITY_KINDS = [
  'lectureHall',
  'fiveInto',
  'environmentDay',
  'census',
  'inspection',
  'training',
  'greenAngel',
  'greenGuard',
] as const;
export type ActivityKind = (typeof ACTIVITY_KINDS)[number];

export const ACTIVITY_KIND_LABELS: Record<ActivityKind, { zh: string; en: string }> = {
  lectureHall: { zh: '生态环保大讲堂', en: 'Lecture hall' },
  fiveInto: { zh: '“五进”活动', en: 'Five-into' },
  environmentDay: { zh: '六五环境日', en: 'June-5 Environment Day' },
  census: { zh: '污染源普查宣传', en: 'Pollution-source census publicity' },
  inspection: { zh: '环保督察跟踪宣传', en: 'Inspection follow-up publicity' },
  training: { zh: '培训', en: 'Training' },
  greenAngel: { zh: '绿色小天使', en: 'Green little angels' },
  greenGuard: { zh: '绿色卫士', en: 'Green guards' },
};

export const FIVE_INTO_TARGETS = ['enterprise', 'school', 'agency', 'community', 'village'] as const;
export type FiveIntoTarget = (typeof FIVE_INTO_TARGETS)[number];

export const FIVE_INTO_TARGET_LABELS: Record<FiveIntoTarget, { zh: string; en: string }> = {
  enterprise: { zh: '进企业', en: 'Enterprises' },
  school: { zh: '进学校', en: 'Schools' },
  agency: { zh: '进机关', en: 'Agencies' },
  community: { zh: '进社区', en: 'Communities' },
  village: { zh: '进农村', en: 'Villages' },
};

/** Who came to a lecture hall or a training: the plan's "key minority" first. */
export const AUDIENCE_KINDS = ['leadingCadres', 'enterpriseHeads', 'students', 'public', 'staff'] as const;
export type AudienceKind = (typeof AUDIENCE_KINDS)[number];
export const AUDIENCE_KIND_LABELS: Record<AudienceKind, { zh: string; en: string }> = {
  leadingCadres: { zh: '领导干部（关键少数）', en: 'Leading cadres (key minority)' },
  enterpriseHeads: { zh: '企业负责人', en: 'Enterprise heads' },
  students: { zh: '师生', en: 'Teachers and students' },
  public: { zh: '社会公众', en: 'The public' },
  staff: { zh: '系统干部职工', en: 'Bureau staff' },
};

/** The quarter of a YYYY-MM-DD date: '2018-Q2'. */
export function quarterOf(date: string): string {
  return `${date.slice(0, 4)}-Q${Math.floor((Number(date.slice(5, 7)) - 1) / 3) + 1}`;
}

/** The half-year of a date: '2018-H1'. */
export function halfOf(date: string): string {
  return `${date.slice(0, 4)}-H${Number(date.slice(5, 7)) <= 6 ? 1 : 2}`;
}
