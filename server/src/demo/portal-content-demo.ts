// Demo content for the government-site sections (decisions 111, 113), flagged is_demo and labelled
// 演示 where visitors see it: disclosure facts on the demo articles, a few catalogue items, the annual
// reports channel holding the demo 2017 report, and service guides — one left incomplete as a draft,
// to show that a guide missing an element cannot be published. The guides' forms are real .xlsx files
// through the file store, written at first start (seedGuideFormsDemo).
import type { Kysely, Transaction } from 'kysely';
import { PostgresAdapter } from 'kysely';
import { chinaInstant, ANNUAL_REPORT_CHANNEL } from '@greenvoice/common';
import type { Database } from '../db/types.ts';
import type { FileStore } from '../files/file-store.ts';
import { excel } from '../lazy-packages.ts';
import { docParts } from '../modules/cms/cms.service.ts';
import { articleHtmlToText, sanitizeArticleHtml } from '../modules/cms/sanitize-article-html.ts';
import { createSearchIndex } from '../modules/cms/search-index.repo.ts';
import { SEED_NOTICE } from './portal-seed-notice.ts';

const INDEX = (n: number) => `4307000000/2018-${String(n).padStart(5, '0')}`;

/** Disclosure facts for articles the portal demo already holds (matched by title). */
const FACTS: Array<[string, Record<string, string>]> = [
  [
    SEED_NOTICE.title,
    {
      index_number: INDEX(9),
      disclosure_category: 'planning',
      written_on: '2018-03-20',
      disclosure_method: 'active',
      validity: 'valid',
    },
  ],
  [
    '关于报送2018年分管领导及信息员联络信息的通知',
    {
      index_number: INDEX(12),
      disclosure_category: 'institution',
      written_on: '2018-04-02',
      disclosure_method: 'active',
      validity: 'expired',
    },
  ],
  [
    '中华人民共和国环境保护法',
    {
      disclosure_category: 'regulation',
      written_on: '2014-04-24',
      disclosure_method: 'active',
      validity: 'valid',
    },
  ],
  [
    '常德市环境保护局2017年政府信息公开工作年度报告',
    { disclosure_category: 'annual-report', written_on: '2018-03-28', disclosure_method: 'active' },
  ],
];

const p = (...paras: string[]) => paras.map((x) => `<p>${x}</p>`).join('');

/** New catalogue items: [title, China time, issuer, body, facts]. */
const ITEMS: Array<[string, string, string, string, Record<string, string>]> = [
  [
    '常德市环境保护局主要职责和内设机构（演示）',
    '2018-03-02 09:00',
    '办公室',
    p(
      '贯彻执行国家、省环境保护方针政策和法律法规，负责全市环境污染防治的监督管理。内设办公室、政策法规科、污染防治科、环境影响评价科、宣传教育科等。',
    ),
    {
      index_number: INDEX(3),
      disclosure_category: 'institution',
      written_on: '2018-03-01',
      disclosure_method: 'active',
      validity: 'valid',
    },
  ],
  [
    '关于常德市某化工园区污水处理厂扩建项目环境影响报告书的批复（演示）',
    '2018-05-18 10:00',
    '环境影响评价科',
    p(
      '经研究，原则同意该项目环境影响报告书的结论和拟采取的环境保护措施。项目须严格执行环境保护“三同时”制度。',
    ),
    {
      index_number: INDEX(31),
      doc: '常环建〔2018〕21号',
      disclosure_category: 'licensing',
      written_on: '2018-05-16',
      disclosure_method: 'active',
      validity: 'valid',
    },
  ],
  [
    '常德市环境保护局行政处罚决定书（演示）',
    '2018-06-12 16:00',
    '常德市环境监察支队',
    p(
      '当事人超标排放水污染物，违反《中华人民共和国水污染防治法》第十条，依据第八十三条，决定责令改正并处罚款。',
    ),
    {
      index_number: INDEX(44),
      doc: '常环罚〔2018〕7号',
      disclosure_category: 'penalty',
      written_on: '2018-06-11',
      disclosure_method: 'active',
      validity: 'valid',
    },
  ],
  [
    '常德市环境保护局2018年部门预算（演示）',
    '2018-02-09 09:00',
    '计划财务科',
    p('根据市财政局批复，现将本局2018年部门预算予以公开，包括收支总表、财政拨款支出表和“三公”经费预算表。'),
    {
      index_number: INDEX(2),
      disclosure_category: 'finance',
      written_on: '2018-02-08',
      disclosure_method: 'active',
      validity: 'valid',
    },
  ],
];

type Guide = Record<
  | 'category'
  | 'name'
  | 'basis'
  | 'conditions'
  | 'materials'
  | 'location'
  | 'agency'
  | 'fees'
  | 'hours'
  | 'phone'
  | 'process'
  | 'time_limit',
  string
> & { status: 'published' | 'draft' };

const HALL = '常德市政务服务中心三楼环保窗口（演示地址）';
const HOURS = '工作日 上午9:00—12:00，下午1:30—5:00（法定节假日除外）';
const GUIDES: Guide[] = [
  {
    category: 'eia',
    name: '建设项目环境影响报告书（表）审批（演示）',
    basis: '《中华人民共和国环境影响评价法》第二十二条\n《建设项目环境保护管理条例》第九条',
    conditions: '依法应当编制环境影响报告书（表）、由本局审批的建设项目，建设单位在开工建设前提出申请。',
    materials:
      '1. 建设项目环境影响评价文件审批申请表\n2. 环境影响报告书（表）全本及删除涉密内容的公开版本\n3. 公众参与说明（报告书项目）',
    location: HALL,
    agency: '常德市环境保护局环境影响评价科',
    fees: '不收费',
    hours: HOURS,
    phone: '0736-0000001（演示）',
    process:
      '1. 申请与受理（材料齐全当场受理）\n2. 技术评估\n3. 公示（不少于5个工作日）\n4. 审查决定\n5. 送达批复',
    time_limit: '报告书60日、报告表30日内作出审批决定（技术评估时间不计入）',
    status: 'published',
  },
  {
    category: 'permit',
    name: '排污许可证核发（演示）',
    basis: '《排污许可管理办法（试行）》（环境保护部令第48号）\n《固定污染源排污许可分类管理名录》',
    conditions: '纳入固定污染源排污许可分类管理名录、应当申领排污许可证的排污单位。',
    materials:
      '1. 排污许可证申请表（全国排污许可证管理信息平台填报打印）\n2. 自行监测方案\n3. 守法承诺书\n4. 申请前信息公开情况说明',
    location: HALL,
    agency: '常德市环境保护局污染防治科',
    fees: '不收费',
    hours: HOURS,
    phone: '0736-0000002（演示）',
    process: '1. 平台填报并公开申请信息（不少于5日）\n2. 提交纸质材料\n3. 受理与审核\n4. 核发排污许可证',
    time_limit: '受理之日起20个工作日',
    status: 'published',
  },
  {
    category: 'waste',
    name: '危险废物转移联单审批（省内跨市转移，演示）',
    basis: '《中华人民共和国固体废物污染环境防治法》第五十九条\n《危险废物转移联单管理办法》',
    conditions: '产生危险废物的单位将危险废物转移至本省其他设区市，由持有经营许可证的单位利用或处置。',
    materials:
      '1. 危险废物转移计划申请表\n2. 接收单位危险废物经营许可证复印件\n3. 转移运输单位资质证明\n4. 委托利用处置合同',
    location: HALL,
    agency: '常德市环境保护局固体废物管理科',
    fees: '不收费',
    hours: HOURS,
    phone: '0736-0000003（演示）',
    process: '1. 提交申请\n2. 移出地审核\n3. 商接受地环保部门同意\n4. 批准转移计划，发放联单',
    time_limit: '受理之日起10个工作日',
    status: 'published',
  },
  {
    category: 'radiation',
    name: '辐射安全许可证核发（使用Ⅳ、Ⅴ类放射源，草稿，演示）',
    basis: '《放射性同位素与射线装置安全和防护条例》第五条',
    conditions: '使用Ⅳ类、Ⅴ类放射源或Ⅲ类射线装置的单位。',
    materials: '1. 辐射安全许可证申请表\n2. 环境影响评价文件批复\n3. 辐射安全与防护管理制度',
    location: HALL,
    agency: '常德市环境保护局核与辐射安全科',
    fees: '',
    hours: HOURS,
    phone: '',
    process: '',
    time_limit: '',
    status: 'draft',
  },
];

export async function seedPortalContentDemo(trx: Transaction<Database>, bureauId: number) {
  const editor = (
    await trx.selectFrom('people').select('id').where('username', '=', 'editor').executeTakeFirstOrThrow()
  ).id;
  const at = '2018-03-01T01:00:00.000Z';
  const xxgk = await trx
    .selectFrom('portal_channels')
    .select('id')
    .where('owner_unit_id', '=', bureauId)
    .where('code', '=', 'xxgk')
    .executeTakeFirstOrThrow();
  const annual = await trx
    .insertInto('portal_channels')
    .values({
      owner_unit_id: bureauId,
      code: ANNUAL_REPORT_CHANNEL,
      name: '政府信息公开年报',
      name_en: 'Annual disclosure reports',
      kind: 'disclosure',
      description: '政府信息公开工作年度报告（每年1月31日前发布）',
      keywords: '政府信息公开,年度报告',
      sort_order: 45,
      show_on_home: 0,
      is_demo: 1,
      created_at: at,
      updated_at: at,
    })
    .returning('id')
    .executeTakeFirstOrThrow();

  for (const [title, facts] of FACTS) {
    const set = {
      ...facts,
      ...(facts.disclosure_category === 'annual-report' ? { channel_id: annual.id } : {}),
    };
    await trx
      .updateTable('portal_articles')
      .set(set as never)
      .where('owner_unit_id', '=', bureauId)
      .where('title', '=', title)
      .execute();
  }

  const search = createSearchIndex(
    trx.getExecutor().adapter instanceof PostgresAdapter ? 'postgres' : 'sqlite',
  );
  for (const [title, when, issuer, raw, { doc, ...facts }] of ITEMS) {
    const body = sanitizeArticleHtml(raw);
    const publishAt = chinaInstant(when);
    const row = await trx
      .insertInto('portal_articles')
      .values({
        channel_id: xxgk.id,
        owner_unit_id: bureauId,
        title,
        ...docParts(doc ?? ''),
        index_number: facts.index_number ?? '',
        disclosure_category: facts.disclosure_category as never,
        written_on: facts.written_on ?? '',
        disclosure_method: facts.disclosure_method as never,
        validity: facts.validity as never,
        issuer,
        source: issuer,
        author: issuer,
        keywords: '',
        summary: '',
        body_html: body,
        body_text: articleHtmlToText(body),
        status: 'published',
        return_reason: null,
        publish_at: publishAt,
        archived_at: null,
        read_count: 20 + title.length,
        created_by: editor,
        submitted_by: editor,
        reviewed_by: editor,
        approved_by: editor,
        published_by: editor,
        is_demo: 1,
        created_at: publishAt,
        updated_at: publishAt,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await search.put(trx, row.id, { title, issuer, docNumber: doc ?? '', bodyText: articleHtmlToText(body) });
  }

  for (const [i, g] of GUIDES.entries()) {
    const { status, ...fields } = g;
    await trx
      .insertInto('service_guides')
      .values({
        owner_unit_id: bureauId,
        ...fields,
        category: g.category as never,
        online_url: '',
        sort_order: (i + 1) * 10,
        status,
        published_at: status === 'published' ? '2018-03-01T01:00:00.000Z' : null,
        created_by: editor,
        is_demo: 1,
        created_at: at,
        updated_at: at,
      })
      .execute();
  }
}

/** Each published demo guide's application form, as a real .xlsx through the file store (first start). */
export async function seedGuideFormsDemo(db: Kysely<Database>, store: FileStore): Promise<number> {
  const guides = await db
    .selectFrom('service_guides')
    .select(['id', 'name', 'materials', 'created_by'])
    .where('is_demo', '=', 1)
    .where('status', '=', 'published')
    .execute();
  let n = 0;
  for (const g of guides) {
    const had = await db
      .selectFrom('service_guide_forms')
      .select('id')
      .where('guide_id', '=', g.id)
      .executeTakeFirst();
    if (had) continue;
    const book = new (excel().Workbook)();
    const sheet = book.addWorksheet('申请表');
    const title = g.name.replace('（演示）', '').replace(/（.*演示）$/, '');
    sheet.addRow([`${title}申请表（演示表格）`]);
    for (const field of [
      '申请单位（盖章）',
      '统一社会信用代码',
      '法定代表人',
      '联系人及电话',
      '项目（事项）名称',
      '建设（经营）地点',
      '申请事项说明',
      '申请日期',
    ])
      sheet.addRow([field, '']);
    sheet.getColumn(1).width = 24;
    sheet.getColumn(2).width = 48;
    const bytes = Buffer.from(await book.xlsx.writeBuffer());
    const stored = await store.put(bytes);
    await db
      .insertInto('service_guide_forms')
      .values({
        guide_id: g.id,
        token: stored.key,
        original_name: `${title}申请表（演示）.xlsx`,
        mime: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
        size: stored.size,
        sha256: stored.sha256,
        sort_order: 0,
        created_by: g.created_by,
        created_at: new Date().toISOString(),
      })
      .execute();
    n++;
  }
  return n;
}
