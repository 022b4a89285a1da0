// Demo public interaction (every row is_demo): 2018's cases — reports handled by the county bureaus,
// letters (one published), information requests answered in each way the 条例 lists (one carried over
// from 2017, one withdrawn) — so the monthly statistics and the 2018 disclosure report have figures;
// a consultation of 2018 with its feedback published, and one open now for comments. No reporter rows:
// the 2018 identities are past their keeping period (decision 142), so the cases read "erased".
import type { Transaction } from 'kysely';
import { chinaInstant, addDays, CASE_KIND_PREFIX, chinaDate, type CaseKind } from '@greenvoice/common';
import { nowIso } from '../db/database.ts';
import type { CasesTable, Database } from '../db/types.ts';

type Row = Partial<CasesTable> & {
  kind: CaseKind;
  on: string;
  text: string;
  /** handled in this many days; by this county bureau; extended by; reply published; lapsed */
  days: number;
  assigned?: string;
  extension?: number;
  publish?: boolean;
  completion?: boolean;
};

const at = (day: string, hour = 10) => chinaInstant(`${day}T${String(hour).padStart(2, '0')}:00`);

const CASES: Row[] = [
  {
    kind: 'report',
    on: '2018-03-05',
    text: '桃花源路某石材厂夜间切割，粉尘很大，噪声扰民。',
    category: 'air',
    county: '武陵区',
    address: '桃花源路石材加工厂',
    status: 'closed',
    accepted_on: '2018-03-06',
    reply_text: '经武陵区环保局现场检查，已责令该厂安装除尘设施并限制夜间作业。',
    assigned: 'CD-WL',
    days: 24,
  },
  {
    kind: 'report',
    on: '2018-04-18',
    text: '沅江边有企业向江中排放黑色污水，气味刺鼻。',
    category: 'water',
    county: '鼎城区',
    address: '沅江鼎城段排口',
    status: 'closed',
    accepted_on: '2018-04-19',
    reply_text: '鼎城区环保局已立案查处，对该企业依法处罚。',
    assigned: 'CD-DC',
    days: 52,
  },
  {
    kind: 'report',
    on: '2018-05-22',
    text: '工地夜间打桩到凌晨，影响休息。',
    category: 'noise',
    county: '武陵区',
    address: '城东某建设工地',
    status: 'closed',
    accepted_on: '2018-05-22',
    reply_text: '已责令施工单位停止夜间施工，并纳入执法巡查。',
    assigned: 'CD-WL',
    days: 9,
  },
  {
    kind: 'report',
    on: '2018-06-11',
    text: '养殖场粪污直排入沟渠，流入附近池塘。',
    category: 'water',
    county: '汉寿县',
    address: '某乡镇养猪场',
    status: 'closed',
    accepted_on: '2018-06-13',
    reply_text: '汉寿县环保局督促该养殖场建设粪污处理设施，已完成整改。',
    assigned: 'CD-HS',
    days: 71,
    extension: 30,
  },
  {
    kind: 'report',
    on: '2018-08-02',
    text: '有人在河滩倾倒建筑垃圾和废油桶。',
    category: 'solidWaste',
    county: '安乡县',
    address: '松滋河河滩',
    status: 'closed',
    accepted_on: '2018-08-03',
    reply_text: '安乡县环保局已组织清运，废油桶交有资质单位处置。',
    assigned: 'CD-AX',
    days: 18,
  },
  {
    kind: 'report',
    on: '2018-10-09',
    text: '反映的是邻里装修纠纷。',
    category: 'other',
    county: '武陵区',
    address: '某小区',
    status: 'notAccepted',
    decision_reason: '不属于环境保护部门职责范围',
    redirect_to: '所在社区居委会',
    days: 2,
  },
  {
    kind: 'mailbox',
    on: '2018-04-02',
    text: '建议在市区增设空气质量实时显示屏，方便市民了解空气状况。',
    subject: '建议增设空气质量显示屏',
    status: 'closed',
    reply_text: '感谢您的建议。我局已在门户网站和微信公众号实时发布空气质量，并将研究在主要广场设置显示屏。',
    days: 8,
    publish: true,
  },
  {
    kind: 'mailbox',
    on: '2018-07-16',
    text: '小区附近餐馆油烟很大，希望管一管。',
    subject: '餐馆油烟扰民',
    status: 'closed',
    reply_text: '已转武陵区环保局核查，该餐馆已安装油烟净化设施。',
    assigned: 'CD-WL',
    days: 13,
  },
  {
    kind: 'consultation',
    on: '2018-09-03',
    text: '请问建设项目环评审批需要准备哪些材料？',
    subject: '环评审批材料咨询',
    status: 'closed',
    reply_text: '请参阅网站“办事指南”中的建设项目环境影响评价文件审批，材料清单及表格均可下载。',
    days: 5,
    publish: true,
  },
  {
    kind: 'infoRequest',
    on: '2017-12-20',
    text: '申请公开2017年常德市重点排污单位名录。',
    applicant_type: 'citizen',
    status: 'closed',
    answer_type: 'alreadyPublic',
    answer_basis: '已在门户网站“企业环境信息”栏目公开',
    reply_text: '您申请的信息已主动公开，可在我局门户网站“企业环境信息”栏目查阅。',
    days: 14,
  },
  {
    kind: 'infoRequest',
    on: '2018-03-12',
    text: '申请公开某化工企业建设项目环评批复文件。',
    applicant_type: 'citizen',
    status: 'closed',
    answer_type: 'disclosed',
    reply_text: '予以公开，批复文件电子版已发送至您的邮箱。',
    days: 11,
  },
  {
    kind: 'infoRequest',
    on: '2018-05-07',
    text: '申请公开某企业的排污许可证副本及其生产工艺资料。',
    applicant_type: 'legalPerson',
    applicant_org_kind: 'commercial',
    status: 'closed',
    answer_type: 'partlyDisclosed',
    answer_basis: '生产工艺涉及商业秘密（条例第十五条）',
    reply_text: '排污许可证副本予以公开；生产工艺资料涉及商业秘密，不予公开。',
    days: 33,
  },
  {
    kind: 'infoRequest',
    on: '2018-06-25',
    text: '申请公开某举报案件中举报人的姓名和联系方式。',
    applicant_type: 'citizen',
    status: 'closed',
    answer_type: 'notDisclosed',
    answer_ground: 'thirdParty',
    answer_basis: '涉及个人隐私（条例第十五条）',
    reply_text: '您申请的信息涉及第三方个人隐私，依法不予公开。',
    days: 12,
  },
  {
    kind: 'infoRequest',
    on: '2018-09-17',
    text: '申请公开常德市城市总体规划文本。',
    applicant_type: 'citizen',
    status: 'closed',
    answer_type: 'notThisAgency',
    answer_basis: '常德市自然资源和规划局',
    reply_text: '该信息不属于本机关负责公开，请向常德市自然资源和规划局申请。',
    days: 6,
  },
  {
    kind: 'infoRequest',
    on: '2018-11-05',
    text: '申请公开有关文件。',
    applicant_type: 'citizen',
    status: 'withdrawn',
    completion: true,
    days: 30,
  },
];

export async function seedInteractionDemo(
  trx: Transaction<Database>,
  bureauUnitId: number,
  unitIdOf: (code: string) => number | undefined,
) {
  let n = 0;
  for (const c of CASES) {
    n++;
    const { kind, on, text, assigned, days, extension, publish, completion, ...rest } = c;
    const done = addDays(on, days);
    const due =
      kind === 'report' && rest.status === 'notAccepted'
        ? addDays(on, 15)
        : kind === 'report'
          ? addDays(rest.accepted_on ?? on, 60 + (extension ?? 0))
          : addDays(on, kind === 'infoRequest' ? 28 : 21);
    const replied = rest.reply_text ? at(done, 15) : null;
    const { id } = await trx
      .insertInto('cases')
      .values({
        bureau_unit_id: bureauUnitId,
        kind,
        tracking_number: `${CASE_KIND_PREFIX[kind]}-${on.replaceAll('-', '')}-DEMO${String(n).padStart(2, '0')}`,
        query_code_hash: 'demo: no code opens a demo case',
        status: rest.status ?? 'closed',
        category: rest.category ?? null,
        county: rest.county ?? null,
        address: rest.address ?? null,
        subject: rest.subject ?? null,
        description: text,
        public_reply_wanted: publish ? 1 : 0,
        anonymous: kind === 'report' ? 1 : 0,
        identity_shared: 0,
        applicant_type: rest.applicant_type ?? null,
        applicant_org_kind: rest.applicant_org_kind ?? null,
        info_form: kind === 'infoRequest' ? 'electronic' : null,
        info_delivery: kind === 'infoRequest' ? 'email' : null,
        assigned_unit_id: assigned ? (unitIdOf(assigned) ?? null) : null,
        received_on: on,
        accepted_on: rest.accepted_on ?? null,
        due_on: null,
        extension_days: extension ?? 0,
        extension_state: extension ? 'approved' : 'none',
        extension_reason: extension ? '需等待整改设施建成后复查' : null,
        decision_reason: rest.decision_reason ?? null,
        redirect_to: rest.redirect_to ?? null,
        reply_text: rest.reply_text ?? null,
        replied_at: replied,
        answer_type: rest.answer_type ?? null,
        answer_basis: rest.answer_basis ?? null,
        answer_ground: rest.answer_ground ?? null,
        answered_due_on: completion ? null : due,
        completion_asked_on: completion ? addDays(on, 3) : null,
        published: publish ? 1 : 0,
        published_question: publish ? text : null,
        published_reply: publish ? (rest.reply_text ?? null) : null,
        published_at: publish ? replied : null,
        closed_at: at(addDays(done, 1), 9),
        idempotency_key: `demo-case-${n}`,
        is_demo: 1,
        created_at: at(on),
        updated_at: at(done),
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await trx
      .insertInto('case_events')
      .values({
        case_id: id,
        at: at(on),
        actor_id: null,
        unit_id: null,
        action: 'filed',
        from_status: null,
        to_status: 'received',
        note: null,
        public: 1,
      })
      .execute();
  }
  await seedConsultations(trx, bureauUnitId);
}

async function seedConsultations(trx: Transaction<Database>, bureauUnitId: number) {
  const today = chinaDate(nowIso());
  const drafts = [
    {
      title: '常德市扬尘污染防治管理办法（征求意见稿）（演示）',
      summary: '为加强扬尘污染防治，我局起草了本办法，现公开征求社会各界意见。',
      body: '第一条 为了防治扬尘污染，改善大气环境质量，根据《中华人民共和国大气污染防治法》，结合本市实际，制定本办法。\n\n第二条 本办法适用于本市行政区域内建设工程施工、道路保洁、物料运输与堆存等活动产生的扬尘污染防治。\n\n第三条 施工单位应当在施工工地设置硬质围挡，并采取覆盖、分段作业、择时施工、洒水抑尘等措施。',
      opens: '2018-05-10',
      closes: '2018-06-10',
      result:
        '征求意见期间共收到意见 2 条，采纳 1 条：在第三条增加“渣土运输车辆应密闭运输”的要求；未采纳 1 条，理由是道路保洁的作业时间由城市管理部门另行规定。',
      comments: [
        [
          '建议增加渣土车密闭运输的要求，现在很多渣土车沿路撒漏。',
          'adopted',
          '已在第三条增加渣土运输车辆密闭运输的要求。',
        ],
        ['建议规定道路保洁只能在夜间进行。', 'notAdopted', '道路保洁作业时间由城市管理部门另行规定。'],
      ],
    },
    {
      title: '常德市饮用水水源保护区划定方案（征求意见稿）（演示）',
      summary: '现就市区饮用水水源保护区划定方案公开征求意见，欢迎提出意见和建议。',
      body: '一、划定范围：沅江常德市区段取水口上游 1000 米至下游 100 米的水域及其两岸纵深 50 米的陆域为一级保护区。\n\n二、管理要求：一级保护区内禁止新建、改建、扩建与供水设施和保护水源无关的建设项目。',
      opens: addDays(today, -5),
      closes: addDays(today, 25),
      result: null,
      comments: [['希望在保护区边界设置明显的界标和警示牌，方便群众识别。', null, null]],
    },
  ] as const;
  let n = 0;
  for (const d of drafts) {
    const { id } = await trx
      .insertInto('consultations')
      .values({
        bureau_unit_id: bureauUnitId,
        title: d.title,
        summary: d.summary,
        body: d.body,
        opens_on: d.opens,
        closes_on: d.closes,
        status: 'published',
        published_at: at(d.opens, 9),
        result_text: d.result,
        result_published_at: d.result ? at(addDays(d.closes, 10)) : null,
        created_by: null,
        is_demo: 1,
        created_at: at(d.opens, 9),
        updated_at: at(d.opens, 9),
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    for (const [text, adoption, reason] of d.comments) {
      n++;
      const on = addDays(d.opens, 3 + n);
      await trx
        .insertInto('cases')
        .values({
          bureau_unit_id: bureauUnitId,
          kind: 'draftComment',
          tracking_number: `YJ-${on.replaceAll('-', '')}-DEMO${String(n).padStart(2, '0')}`,
          query_code_hash: 'demo: no code opens a demo case',
          status: adoption ? 'closed' : 'received',
          description: text,
          public_reply_wanted: 0,
          anonymous: 0,
          identity_shared: 0,
          received_on: on,
          extension_days: 0,
          extension_state: 'none',
          reply_text: adoption ? `${adoption === 'adopted' ? '采纳' : '未采纳'}：${reason}` : null,
          replied_at: adoption ? at(addDays(d.closes, 5)) : null,
          published: 0,
          published_question: text,
          consultation_id: id,
          moderation: 'shown',
          adoption,
          closed_at: adoption ? at(addDays(d.closes, 10)) : null,
          idempotency_key: `demo-comment-${n}`,
          is_demo: 1,
          created_at: at(on),
          updated_at: at(on),
        })
        .execute();
    }
  }
}
