// The self-inspection of the portal and the new-media accounts against the national 2019 indicators for
// government websites and new media (docs/inspection.md, decision 174): what the system knows about its
// own site and accounts goes in, findings with their evidence come out, scored as the indicators do —
// single-veto items fail the site (or the account) outright, otherwise deductions from 100, and < 60 fails.
// Pure, shared by the server (which stores the runs) and the console (which explains them).
import type { ChannelKind } from '../cms/channels.ts';
import type { AccountFlag } from '../media/silence.ts';
import { dayNumber } from '../media/silence.ts';

export interface InspectionThresholds {
  /** the home page's newest item older than this fails the site (indicators: 2 weeks) */
  homeStaleDays: number;
  /** news/dynamics columns (动态类) count as not updated after this (2 weeks) */
  newsStaleDays: number;
  /** notice and policy columns (通知公告类、政策文件类) count as not updated after this (6 months) */
  noticeStaleDays: number;
  /** this many stale news columns fail the site (5) */
  staleNewsVetoCount: number;
  /** this many columns stale at all fail the site (10) */
  staleColumnsVetoCount: number;
  /** this many empty columns fail the site (5) */
  emptyColumnsVetoCount: number;
  /** a message unanswered for longer than this fails the site (3 months) */
  unansweredVetoDays: number;
  /** deductions: points per finding and the cap of each kind */
  points: Record<DeductionCode, { each: number; cap: number }>;
  /** a page answering slower than this, from the server itself, loses points (pages load within 3 s) */
  slowPageMs: number;
}

export const DEFAULT_THRESHOLDS: InspectionThresholds = {
  homeStaleDays: 14,
  newsStaleDays: 14,
  noticeStaleDays: 183,
  staleNewsVetoCount: 5,
  staleColumnsVetoCount: 10,
  emptyColumnsVetoCount: 5,
  unansweredVetoDays: 90,
  points: {
    columnStale: { each: 2, cap: 20 },
    columnEmpty: { each: 2, cap: 10 },
    itemUndated: { each: 1, cap: 5 },
    accountStoppedNotDeregistered: { each: 2, cap: 10 },
    accountNotFiled: { each: 1, cap: 5 },
    metaMissing: { each: 1, cap: 10 },
    brokenLink: { each: 1, cap: 10 },
    externalLinkBroken: { each: 1, cap: 5 },
    slowPage: { each: 2, cap: 10 },
  },
  slowPageMs: 3000,
};

export const VETO_CODES = [
  'siteUnreachable',
  'homeStale',
  'columnsStale',
  'noticeColumnStale',
  'columnsEmpty',
  'noInteractionChannel',
  'messageUnanswered',
  'noServiceGuide',
  'serviceGuideIncomplete',
  'securityIncident',
  'accountSilent',
  'accountNoInteraction',
] as const;
export const DEDUCTION_CODES = [
  'columnStale',
  'columnEmpty',
  'itemUndated',
  'accountStoppedNotDeregistered',
  'accountNotFiled',
  'metaMissing',
  'brokenLink',
  'externalLinkBroken',
  'slowPage',
] as const;
export type VetoCode = (typeof VETO_CODES)[number];
/** every finding code, as a plan's `finding` rule names them (decision 195) */
export const FINDING_CODES: readonly string[] = [...VETO_CODES, ...DEDUCTION_CODES];
export type DeductionCode = (typeof DEDUCTION_CODES)[number];
export type FindingCode = VetoCode | DeductionCode;

export const FINDING_LABELS: Record<FindingCode, { zh: string; en: string }> = {
  siteUnreachable: { zh: '网站首页无法访问', en: 'Home page unreachable' },
  homeStale: { zh: '首页超过2周未更新', en: 'Home page not updated for 2 weeks' },
  columnsStale: { zh: '栏目不更新（单项否决）', en: 'Columns not updated (single veto)' },
  noticeColumnStale: {
    zh: '通知公告、政策文件类栏目超过6个月未更新',
    en: 'Notice or policy column not updated for 6 months',
  },
  columnsEmpty: { zh: '空白栏目过多', en: 'Too many empty columns' },
  noInteractionChannel: { zh: '无有效的互动渠道', en: 'No working interaction channel' },
  messageUnanswered: { zh: '留言超过3个月未答复', en: 'A message unanswered for over 3 months' },
  noServiceGuide: { zh: '无办事指南', en: 'No service guide' },
  serviceGuideIncomplete: { zh: '办事指南要素缺失', en: 'Service guide missing key elements' },
  securityIncident: { zh: '安全事故或严重错误', en: 'Security incident or serious error' },
  accountSilent: { zh: '新媒体账号超过2周未更新（僵尸号）', en: 'Account silent for 2 weeks' },
  accountNoInteraction: { zh: '新媒体账号无互动功能', en: 'Account without a working interaction function' },
  columnStale: { zh: '栏目更新不及时', en: 'Column not updated in time' },
  columnEmpty: { zh: '空白栏目', en: 'Empty column' },
  itemUndated: { zh: '信息无发布日期', en: 'Item without a publication date' },
  accountStoppedNotDeregistered: { zh: '账号已停更未注销', en: 'Account stopped but not deregistered' },
  accountNotFiled: { zh: '账号未备案', en: 'Account not filed' },
  metaMissing: { zh: '页面缺少规定的元数据', en: 'Page missing required meta tags' },
  brokenLink: { zh: '站内链接不可用', en: 'Broken internal link' },
  externalLinkBroken: { zh: '外部链接不可用', en: 'Broken external link' },
  slowPage: { zh: '页面响应超过3秒', en: 'Page slower than 3 s' },
};

export interface ColumnFacts {
  id: number;
  name: string;
  kind: ChannelKind;
  /** a data page (air, water, …) is updated by its readings, not by articles: never "empty" */
  dataPage: boolean;
  published: number;
  /** the newest publication day, null when nothing is published */
  newestOn: string | null;
  undated: number;
}

export interface AccountFacts {
  id: number;
  name: string;
  unitId: number;
  unitName: string;
  flags: AccountFlag[];
  /** the running silent spell's first day */
  silentSince: string | null;
}

export interface SiteFacts {
  today: string;
  /** the newest publication day of anything the home page lists */
  homeNewestOn: string | null;
  columns: ColumnFacts[];
  /** a public intake (12369, mailbox, consultation) the portal offers */
  interactionChannels: number;
  /** open messages (mailbox, consultation) by the day they came in */
  openMessages: { id: number; trackingNumber: string; receivedOn: string }[];
  guides: { id: number; name: string; missing: string[] }[];
  /** set by the information centre when the site had a security incident or a serious error this period */
  securityIncident: string | null;
  accounts: AccountFacts[];
  pages: PageFacts[];
  links: LinkFacts[];
  /** broken external links (decision 188); absent when external links are not checked */
  brokenExternal?: ExternalLinkFacts[];
}

export type SubjectType = 'site' | 'column' | 'case' | 'guide' | 'account' | 'page' | 'link';

/** one page type fetched from the server itself */
export interface PageFacts {
  path: string;
  /** home, channel, article, air, …: the page type it stands for */
  type: string;
  status: number;
  ms: number;
  bytes: number;
  missingMeta: string[];
}

/** an internal link found on the pages, and what its target answered */
export interface LinkFacts {
  from: string;
  href: string;
  status: number;
}

/** an external link that was checked and found broken (decision 188); unchecked ones are not facts */
export interface ExternalLinkFacts {
  from: string;
  href: string;
  /** HTTP status, or null for a redirect loop */
  status: number | null;
  detail: string;
}

export interface Finding {
  code: FindingCode;
  veto: boolean;
  points: number;
  subject: { type: SubjectType; id: number | null; label: string };
  /** the account's or column's unit, for alerts; null: the information centre's */
  unitId: number | null;
  /** since when the problem stands (YYYY-MM-DD), when known */
  since: string | null;
  evidence: { zh: string; en: string };
}

export interface InspectionResult {
  findings: Finding[];
  /** the site: vetoed, else 100 − deductions (deductions of accounts do not count against the site) */
  site: { vetoed: boolean; score: number; passed: boolean };
  accounts: { id: number; vetoed: boolean; passed: boolean }[];
}

const ageDays = (today: string, since: string) => dayNumber(today) - dayNumber(since);

function staleAfter(kind: ChannelKind, t: InspectionThresholds): number | null {
  if (kind === 'news') return t.newsStaleDays;
  if (kind === 'notice' || kind === 'policy') return t.noticeStaleDays;
  return null;
}

export function inspect(f: SiteFacts, t: InspectionThresholds = DEFAULT_THRESHOLDS): InspectionResult {
  const out: Finding[] = [];
  const site = (code: FindingCode, evidence: Finding['evidence'], since: string | null = null) =>
    out.push({
      code,
      veto: true,
      points: 0,
      subject: { type: 'site', id: null, label: '' },
      unitId: null,
      since,
      evidence,
    });

  const home = f.pages.find((p) => p.type === 'home');
  if (!home || home.status !== 200)
    site('siteUnreachable', {
      zh: `首页应答 ${home?.status ?? '无'}`,
      en: `The home page answered ${home?.status ?? 'nothing'}`,
    });
  if (!f.homeNewestOn || ageDays(f.today, f.homeNewestOn) > t.homeStaleDays)
    site(
      'homeStale',
      f.homeNewestOn
        ? {
            zh: `首页最新信息发布于 ${f.homeNewestOn}，已 ${ageDays(f.today, f.homeNewestOn)} 天未更新`,
            en: `The home page's newest item is of ${f.homeNewestOn}, ${ageDays(f.today, f.homeNewestOn)} days ago`,
          }
        : { zh: '首页没有任何已发布信息', en: 'The home page lists nothing published' },
      f.homeNewestOn,
    );

  const stale: ColumnFacts[] = [];
  const empty: ColumnFacts[] = [];
  for (const c of f.columns) {
    if (c.published === 0 && !c.dataPage) {
      empty.push(c);
      continue;
    }
    const limit = staleAfter(c.kind, t);
    if (limit !== null && c.published > 0 && (!c.newestOn || ageDays(f.today, c.newestOn) > limit))
      stale.push(c);
  }
  const staleNews = stale.filter((c) => c.kind === 'news');
  const staleNotices = stale.filter((c) => c.kind !== 'news');
  const names = (cs: ColumnFacts[]) => cs.map((c) => c.name).join('、');
  if (staleNews.length >= t.staleNewsVetoCount || stale.length >= t.staleColumnsVetoCount)
    site('columnsStale', {
      zh: `${stale.length} 个栏目未按时更新：${names(stale)}`,
      en: `${stale.length} columns not updated in time: ${names(stale)}`,
    });
  for (const c of staleNotices)
    out.push({
      code: 'noticeColumnStale',
      veto: true,
      points: 0,
      subject: { type: 'column', id: c.id, label: c.name },
      unitId: null,
      since: c.newestOn,
      evidence: {
        zh: `「${c.name}」最新信息发布于 ${c.newestOn ?? '（无日期）'}，超过 ${t.noticeStaleDays} 天`,
        en: `"${c.name}": newest item of ${c.newestOn ?? '(undated)'}, over ${t.noticeStaleDays} days`,
      },
    });
  if (empty.length >= t.emptyColumnsVetoCount)
    site('columnsEmpty', {
      zh: `${empty.length} 个空白栏目：${names(empty)}`,
      en: `${empty.length} empty columns: ${names(empty)}`,
    });

  const deduct = (
    code: DeductionCode,
    subject: Finding['subject'],
    unitId: number | null,
    since: string | null,
    evidence: Finding['evidence'],
  ) => out.push({ code, veto: false, points: 0, subject, unitId, since, evidence });
  for (const c of staleNews)
    deduct('columnStale', { type: 'column', id: c.id, label: c.name }, null, c.newestOn, {
      zh: `「${c.name}」最新信息发布于 ${c.newestOn ?? '（无日期）'}，超过 ${t.newsStaleDays} 天未更新`,
      en: `"${c.name}": newest item of ${c.newestOn ?? '(undated)'}, over ${t.newsStaleDays} days`,
    });
  for (const c of empty)
    deduct('columnEmpty', { type: 'column', id: c.id, label: c.name }, null, null, {
      zh: `「${c.name}」没有任何已发布信息`,
      en: `"${c.name}" holds nothing published`,
    });
  for (const c of f.columns.filter((x) => x.undated > 0))
    deduct('itemUndated', { type: 'column', id: c.id, label: c.name }, null, null, {
      zh: `「${c.name}」有 ${c.undated} 条信息无发布日期`,
      en: `"${c.name}": ${c.undated} items without a publication date`,
    });

  for (const p of f.pages) {
    const subject = { type: 'page' as const, id: null, label: p.path };
    if (p.missingMeta.length > 0)
      deduct('metaMissing', subject, null, null, {
        zh: `${p.path}（${p.type}）缺少：${p.missingMeta.join('、')}`,
        en: `${p.path} (${p.type}) lacks: ${p.missingMeta.join(', ')}`,
      });
    if (p.ms > t.slowPageMs)
      deduct('slowPage', subject, null, null, {
        zh: `${p.path} 用时 ${Math.round(p.ms)} 毫秒（${Math.round(p.bytes / 1024)} KB）`,
        en: `${p.path} took ${Math.round(p.ms)} ms (${Math.round(p.bytes / 1024)} KB)`,
      });
  }
  for (const l of f.links.filter((x) => x.status >= 400 || x.status === 0))
    deduct('brokenLink', { type: 'link', id: null, label: l.href }, null, null, {
      zh: `${l.from} 上的链接 ${l.href} 应答 ${l.status}`,
      en: `The link ${l.href} on ${l.from} answered ${l.status}`,
    });
  for (const l of f.brokenExternal ?? [])
    deduct('externalLinkBroken', { type: 'link', id: null, label: l.href }, null, null, {
      zh: `${l.from} 上的外部链接 ${l.href} 不可用（${l.detail}）`,
      en: `The external link ${l.href} on ${l.from} is broken (${l.detail})`,
    });

  if (f.interactionChannels === 0)
    site('noInteractionChannel', {
      zh: '网站没有可用的互动渠道',
      en: 'The site offers no interaction channel',
    });
  for (const m of f.openMessages)
    if (ageDays(f.today, m.receivedOn) > t.unansweredVetoDays)
      out.push({
        code: 'messageUnanswered',
        veto: true,
        points: 0,
        subject: { type: 'case', id: m.id, label: m.trackingNumber },
        unitId: null,
        since: m.receivedOn,
        evidence: {
          zh: `${m.trackingNumber} 于 ${m.receivedOn} 收到，${ageDays(f.today, m.receivedOn)} 天未答复`,
          en: `${m.trackingNumber} received ${m.receivedOn}, unanswered for ${ageDays(f.today, m.receivedOn)} days`,
        },
      });

  if (f.guides.length === 0)
    site('noServiceGuide', { zh: '网站没有办事指南', en: 'The site has no service guide' });
  for (const g of f.guides.filter((x) => x.missing.length > 0))
    out.push({
      code: 'serviceGuideIncomplete',
      veto: true,
      points: 0,
      subject: { type: 'guide', id: g.id, label: g.name },
      unitId: null,
      since: null,
      evidence: {
        zh: `「${g.name}」缺少：${g.missing.join('、')}`,
        en: `"${g.name}" lacks: ${g.missing.join(', ')}`,
      },
    });
  if (f.securityIncident)
    site('securityIncident', {
      zh: `信息中心登记：${f.securityIncident}`,
      en: `Recorded by the information centre: ${f.securityIncident}`,
    });

  for (const a of f.accounts) {
    const subject = { type: 'account' as const, id: a.id, label: `${a.name}（${a.unitName}）` };
    const push = (code: FindingCode, veto: boolean, since: string | null, evidence: Finding['evidence']) =>
      out.push({ code, veto, points: 0, subject, unitId: a.unitId, since, evidence });
    if (a.flags.includes('silent'))
      push('accountSilent', true, a.silentSince, {
        zh: `「${a.name}」自 ${a.silentSince ?? '开通'} 起未发布信息，已 ${a.silentSince ? ageDays(f.today, a.silentSince) : '?'} 天`,
        en: `"${a.name}": no post since ${a.silentSince ?? 'opening'}`,
      });
    if (a.flags.includes('noWorkingInteraction'))
      push('accountNoInteraction', true, null, {
        zh: `「${a.name}」留言、自动回复、菜单均不可用`,
        en: `"${a.name}": no working message, auto-reply or menu function`,
      });
    if (a.flags.includes('stoppedNotDeregistered'))
      push('accountStoppedNotDeregistered', false, null, {
        zh: `「${a.name}」已停更但未注销`,
        en: `"${a.name}" is stopped but not deregistered`,
      });
    if (a.flags.includes('notFiled'))
      push('accountNotFiled', false, null, { zh: `「${a.name}」未备案`, en: `"${a.name}" is not filed` });
  }

  // deductions in order, each kind capped; account deductions count against their account only
  const used = new Map<DeductionCode, number>();
  for (const x of out) {
    if (x.veto || x.subject.type === 'account') continue;
    const code = x.code as DeductionCode;
    const rule = t.points[code];
    const before = used.get(code) ?? 0;
    x.points = Math.max(0, Math.min(rule.each, rule.cap - before));
    used.set(code, before + x.points);
  }
  for (const x of out)
    if (!x.veto && x.subject.type === 'account') x.points = t.points[x.code as DeductionCode].each;

  const siteFindings = out.filter((x) => x.subject.type !== 'account');
  const vetoed = siteFindings.some((x) => x.veto);
  const score = Math.max(0, 100 - siteFindings.reduce((s, x) => s + x.points, 0));
  return {
    findings: out,
    site: { vetoed, score, passed: !vetoed && score >= 60 },
    accounts: f.accounts.map((a) => {
      const mine = out.filter((x) => x.subject.type === 'account' && x.subject.id === a.id);
      const v = mine.some((x) => x.veto);
      return { id: a.id, vetoed: v, passed: !v && 100 - mine.reduce((s, x) => s + x.points, 0) >= 60 };
    }),
  };
}

/** One finding's identity across runs: alerts go once per key, again only if it persists past an interval. */
export const findingKey = (x: Pick<Finding, 'code' | 'subject'>) =>
  `${x.code}:${x.subject.type}:${x.subject.id ?? (x.subject.type === 'page' || x.subject.type === 'link' ? x.subject.label : 0)}`;
