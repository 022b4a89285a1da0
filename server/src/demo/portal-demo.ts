// The demo portal: the channels docs/requirements.md names (some left empty on purpose — empty columns are never
// shown), the seed notice as the first notice in 通知公告, a few plausible items elsewhere, and one
// article still under review. Every row is flagged is_demo; the footer's filing numbers say 演示.
import { chinaInstant } from '@greenvoice/common';
import type { ChannelDataPage, ChannelKind, SiteSettings } from '@greenvoice/common';
import { PostgresAdapter, type Transaction } from 'kysely';
import type { Database } from '../db/types.ts';
import { articleHtmlToText, sanitizeArticleHtml } from '../modules/cms/sanitize-article-html.ts';
import { docParts } from '../modules/cms/cms.service.ts';
import { createSearchIndex } from '../modules/cms/search-index.repo.ts';
import { siteSettingsKey } from '../modules/cms/site-settings.ts';
import { SEED_NOTICE } from './portal-seed-notice.ts';

const CHANNELS = [
  ['gzdt', '工作动态', 'Work news', 'news', '全市生态环境保护工作动态'],
  ['tzgg', '通知公告', 'Notices', 'notice', '常德市环境保护局发布的通知、公告'],
  ['zcfg', '政策法规', 'Policies and laws', 'policy', '环境保护法律法规与政策文件'],
  ['xxgk', '信息公开', 'Information disclosure', 'disclosure', '政府信息公开目录、年报与指南'],
  ['hjzl', '环境质量', 'Environmental quality', 'data', '空气与地表水环境质量'],
  ['qyhjxx', '企业环境信息', 'Enterprise information', 'disclosure', '重点排污单位环境信息公开'],
  ['tfhjsj', '突发环境事件', 'Environmental incidents', 'news', '突发环境事件信息发布'],
  ['sjkf', '开放数据', 'Open data', 'data', '环境质量、企业与事件数据整套下载'],
  ['gzcy', '公众参与', 'Public participation', 'participation', '举报、意见征集与活动报名'],
  ['xmtjz', '新媒体矩阵', 'New-media matrix', 'media', '全市环保系统微信公众号、微博与视频号'],
  ['wrfzgjz', '污染防治攻坚战', 'Pollution battle', 'special', '打好大气、水、土壤污染防治攻坚战'],
  ['wj', '生态环保“五进”', 'Five-into activities', 'special', '进企业、进学校、进机关、进社区、进农村'],
  ['dczg', '督察整改', 'Inspection follow-up', 'special', '中央环保督察反馈问题整改'],
] as const;

/** the channels that are also data pages (decision 101) */
const DATA_PAGES: Partial<Record<string, ChannelDataPage>> = {
  hjzl: 'quality',
  qyhjxx: 'enterprises',
  tfhjsj: 'incidents',
  sjkf: 'open-data',
};

export const p = (...paras: string[]) => paras.map((x) => `<p>${x}</p>`).join('');

const ARTICLES: DemoArticle[] = [
  [
    'gzdt',
    '全市环保信息宣传工作会议召开',
    '2018-03-28 10:00',
    '信息中心',
    p(
      '3月28日，全市环保信息宣传工作会议召开，部署2018年信息宣传工作，要求各单位4月底前报送分管领导和信息员联系方式。',
      '会议强调，要坚持正确舆论导向，加强环保督察、污染防治攻坚战等重点工作的宣传报道。',
    ),
  ],
  [
    'gzdt',
    '市环境保护局举办生态环保“大讲堂”',
    '2018-04-20 15:30',
    '宣传教育科',
    p(
      '4月20日，市环境保护局在市委党校举办生态环保“大讲堂”，面向全市领导干部解读新《环境保护法》和《党政领导干部生态环境损害责任追究办法（试行）》。',
    ),
  ],
  [
    'gzdt',
    '“六五”环境日主题宣传活动在柳叶湖举行',
    '2018-06-05 09:30',
    '宣传教育科',
    p(
      '6月5日，以“美丽中国，我是行动者”为主题的“六五”环境日宣传活动在柳叶湖举行，全市中小学校环保创意大赛同时颁奖。',
      '活动现场设置环保知识问答、环境监测开放体验等环节，吸引市民千余人参与。',
    ),
  ],
  [
    'tzgg',
    SEED_NOTICE.title,
    '2018-03-21 16:30',
    SEED_NOTICE.issuer,
    SEED_NOTICE.bodyHtml,
    { doc: SEED_NOTICE.docNumber },
  ],
  [
    'tzgg',
    '关于报送2018年分管领导及信息员联络信息的通知',
    '2018-04-02 09:00',
    '信息中心',
    p(
      '各区县市环保局（分局），局属各单位：',
      '请于2018年4月30日前，将本单位分管领导和信息员的姓名、职务、手机号码报送至信息中心。',
    ),
    { doc: '常环办〔2018〕12号' },
  ],
  [
    'tzgg',
    '关于组织开展全市中小学校环保创意大赛的通知',
    '2018-04-16 10:00',
    '宣传教育科',
    p(
      '结合今年世界环境日“‘塑’战速决”主题，组织开展全市中小学校环保手工制作和绘画比赛，获奖作品将在“六五”环境日颁奖晚会上展出。',
    ),
    { doc: '常环发〔2018〕15号' },
  ],
  [
    'zcfg',
    '中华人民共和国环境保护法',
    '2018-03-05 09:00',
    '政策法规科',
    p(
      '《中华人民共和国环境保护法》由第十二届全国人民代表大会常务委员会第八次会议于2014年4月24日修订通过，自2015年1月1日起施行。',
      '第五十七条：公民、法人和其他组织发现任何单位和个人有污染环境和破坏生态行为的，有权向环境保护主管部门或者其他负有环境保护监督管理职责的部门举报。接受举报的机关应当对举报人的相关信息予以保密。',
    ),
  ],
  [
    'xxgk',
    '常德市环境保护局2017年政府信息公开工作年度报告',
    '2018-03-30 11:00',
    '办公室',
    p(
      '根据《中华人民共和国政府信息公开条例》规定，现公布常德市环境保护局2017年政府信息公开工作年度报告。',
      '一、概述。二、主动公开政府信息情况。三、依申请公开政府信息情况。四、存在的主要问题及改进情况。',
    ),
    { index: '4307000000/2018-00012', doc: '' },
  ],
  [
    'gzcy',
    '12369环保举报热线受理须知',
    '2018-03-15 09:00',
    '常德市环境监察支队',
    p('公众可通过12369环保举报热线、微信公众号举报环境违法行为。举报人的个人信息依法予以保密。'),
  ],
  [
    'xmtjz',
    '常德环保新媒体矩阵一览',
    '2018-07-02 09:00',
    '信息中心',
    p(
      '欢迎关注“常德环保”微信公众号和各区县市环保局公众号，获取最新环保资讯。',
      '<a href="/media">查看新媒体矩阵：全部账号、二维码和微信传播指数排行</a>',
    ),
  ],
  [
    'wrfzgjz',
    '全市打响污染防治攻坚战',
    '2018-05-10 10:00',
    '污染防治科',
    p('我市印发污染防治攻坚战三年行动计划，突出大气、水、土壤和固体废物等重点领域，推动环境质量持续改善。'),
  ],
  [
    'wj',
    '生态环保“五进”活动走进武陵区社区',
    '2018-05-22 15:00',
    '武陵区环境保护局',
    p('5月22日，生态环保“五进”活动走进武陵区社区，志愿者向居民讲解垃圾分类和节能减排知识。'),
  ],
  [
    'dczg',
    '中央环保督察“回头看”反馈问题整改进展情况（第一期）',
    '2018-07-20 17:00',
    '常德市环境保护局',
    p('按照中央环保督察“回头看”反馈意见整改方案，现将我市整改进展情况予以公开，接受社会监督。'),
  ],
];

/** One demo site's content: its channels, published articles, drafts under review and settings. */
export interface DemoSite {
  bureauId: number;
  channels: ReadonlyArray<readonly [string, string, string, ChannelKind, string]>;
  dataPages?: Partial<Record<string, ChannelDataPage>>;
  articles: DemoArticle[];
  submitted?: DemoArticle[];
  /** the user names of the editor, reviewer and approver the articles' rows name */
  staff: { editor: string; reviewer: string; admin: string };
  settings: Partial<SiteSettings>;
}

/** [channel, title, China date-time, issuer, body, extra] — newest last within a channel. */
export type DemoArticle = [string, string, string, string, string, { doc?: string; index?: string }?];

export async function seedPortalDemo(trx: Transaction<Database>, bureauId: number) {
  await seedDemoSite(trx, {
    bureauId,
    channels: CHANNELS,
    dataPages: DATA_PAGES,
    articles: ARTICLES,
    submitted: [
      [
        'tzgg',
        '关于开展2018年“六五”环境日系列宣传活动的通知',
        '2018-05-20 09:00',
        '宣传教育科',
        p('（送审稿）请各单位围绕“美丽中国，我是行动者”主题，组织开展形式多样的宣传活动。'),
      ],
    ],
    staff: { editor: 'editor', reviewer: 'reviewer', admin: 'admin' },
    settings: {
      siteName: '常德市环境保护局',
      siteNameEn: 'Changde Environmental Protection Bureau',
      siteDomain: 'hbj.changde.gov.cn',
      siteIdCode: '4307000000',
      icp: '湘ICP备00000000号（演示）',
      publicSecurityFiling: '湘公网安备43070000000000号（演示）',
      sponsor: '常德市环境保护局',
      address: '湖南省常德市武陵区（演示地址）',
      postcode: '415000',
      phone: '12369（环保举报热线）',
      email: 'demo@example.gov.cn',
    },
  });
}

/** Seeds one bureau's demo website (the Changde demo's, or a second city's). */
export async function seedDemoSite(trx: Transaction<Database>, site: DemoSite) {
  const { bureauId } = site;
  const person = async (username: string) =>
    (await trx.selectFrom('people').select('id').where('username', '=', username).executeTakeFirstOrThrow())
      .id;
  const [editor, reviewer, admin] = [
    await person(site.staff.editor),
    await person(site.staff.reviewer),
    await person(site.staff.admin),
  ];
  const at = '2018-03-01T01:00:00.000Z';
  const channelIds = new Map<string, number>();
  for (const [i, [code, name, nameEn, kind, description]] of site.channels.entries()) {
    const row = await trx
      .insertInto('portal_channels')
      .values({
        owner_unit_id: bureauId,
        code,
        name,
        name_en: nameEn,
        kind,
        description,
        keywords: name,
        sort_order: (i + 1) * 10,
        show_on_home: 1,
        data_page: site.dataPages?.[code] ?? null,
        is_demo: 1,
        created_at: at,
        updated_at: at,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    channelIds.set(code, row.id);
  }
  const search = createSearchIndex(
    trx.getExecutor().adapter instanceof PostgresAdapter ? 'postgres' : 'sqlite',
  );
  const insert = async (a: DemoArticle, status: 'published' | 'submitted') => {
    const [code, title, when, issuer, raw, extra] = a;
    const body = sanitizeArticleHtml(raw);
    const publishAt = chinaInstant(when);
    const published = status === 'published';
    const isSeed = title === SEED_NOTICE.title;
    const row = await trx
      .insertInto('portal_articles')
      .values({
        channel_id: channelIds.get(code)!,
        owner_unit_id: bureauId,
        title,
        ...docParts(extra?.doc ?? ''),
        index_number: extra?.index ?? '',
        issuer,
        source: issuer,
        author: issuer,
        keywords: '',
        summary: '',
        body_html: body,
        body_text: articleHtmlToText(body),
        status,
        return_reason: null,
        publish_at: published ? publishAt : null,
        // the seed page shows 已归档: the 2018 plan was archived once its year was over
        archived_at: isSeed ? '2019-01-02T01:00:00.000Z' : null,
        read_count: published ? 50 + ((title.length * 37) % 400) : 0,
        created_by: editor,
        submitted_by: editor,
        reviewed_by: published ? reviewer : null,
        approved_by: published ? admin : null,
        published_by: published ? editor : null,
        is_demo: 1,
        created_at: publishAt,
        updated_at: publishAt,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await trx
      .insertInto('portal_article_revisions')
      .values({
        article_id: row.id,
        version: 1,
        action: 'create',
        status,
        title,
        body_html: body,
        meta: JSON.stringify({ channel: code, docNumber: extra?.doc ?? '', publishAt }),
        actor_id: editor,
        actor_name: '网站编辑（演示）',
        note: '演示数据 demo data',
        at: publishAt,
      })
      .execute();
    if (published)
      await search.put(trx, row.id, {
        title,
        issuer,
        docNumber: extra?.doc ?? '',
        bodyText: articleHtmlToText(body),
      });
  };
  for (const a of site.articles) await insert(a, 'published');
  for (const a of site.submitted ?? []) await insert(a, 'submitted');
  await trx
    .insertInto('settings')
    .values({ key: siteSettingsKey(bureauId), value: JSON.stringify(site.settings) })
    .execute();
}
