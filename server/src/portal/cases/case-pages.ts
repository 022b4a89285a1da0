// The public pages of 公众参与 (docs/public-interaction.md "Portal"): the index, the four forms, the
// receipt with the tracking number and query code, following a case, and the published replies.
// Every page works with JavaScript off; forms post to cases-portal.routes.ts.
import type { ColumnMeta } from '../layout/meta-tags.ts';
import {
  chinaDateTime,
  APPLICANT_TYPE_LABELS,
  ORGANISATION_KIND_LABELS,
  CASE_KIND_LABELS,
  INFO_ANSWER_LABELS,
  INFO_DELIVERY_LABELS,
  INFO_FORM_LABELS,
  REPORT_CATEGORIES,
  REPORT_CATEGORY_LABELS,
  REPORT_MAX_PHOTOS,
  type CaseKind,
} from '@greenvoice/common';
import type { PublicCaseView } from '../../modules/cases/cases-present.ts';
import { html, type SafeHtml } from '../html.ts';
import type { PageSpec } from '../layout/layout.ts';
import {
  L,
  checkbox,
  type LangView,
  formGuards,
  pickL,
  problemSummary,
  radioGroup,
  selectField,
  textArea,
  textField,
  type FormState,
} from './case-form-kit.ts';

export const FORM_PATHS: Record<Exclude<CaseKind, 'draftComment'>, string> = {
  report: '/interaction/report',
  mailbox: '/interaction/mailbox',
  consultation: '/interaction/consultation',
  infoRequest: '/interaction/info-request',
};
export const TRACK_PATH = '/interaction/track';
export const LETTERS_PATH = '/interaction/letters';

const COLUMN: ColumnMeta = {
  name: '公众参与',
  description: '12369环保举报、局长信箱、咨询与依申请公开',
  keywords: '环保举报,12369,局长信箱,咨询,依申请公开',
  type: '互动交流',
};

export function caseSpec(
  v: LangView,
  title: string,
  trail: Array<{ label: string; href?: string }> = [],
): PageSpec {
  return {
    title,
    column: COLUMN,
    breadcrumb: [
      { label: L(v, '公众参与', 'Public participation'), href: '/interaction' },
      ...trail,
      { label: title },
    ],
  };
}

/** The ways in to 公众参与 with a line each, on its index page. */
function indexTiles(v: LangView): SafeHtml {
  const tile = (href: string, title: string, text: string) =>
    html`<a class="tile case-tile" href="${href}">${title}<small>${text}</small></a>`;
  return html`<div class="tiles">
      ${tile(FORM_PATHS.report, L(v, '12369 环保举报', '12369 environmental report'), L(v, '可匿名，可附照片；15 日内告知是否受理', 'Anonymous if you wish, with photos; told within 15 days whether it is accepted'))}
      ${tile(FORM_PATHS.mailbox, L(v, '局长信箱', "Director's mailbox"), L(v, '意见、建议与投诉', 'Opinions, suggestions and complaints'))}
      ${tile(FORM_PATHS.consultation, L(v, '咨询', 'Consultation'), L(v, '环保政策与办事咨询', 'Questions on rules and procedures'))}
      ${tile(FORM_PATHS.infoRequest, L(v, '依申请公开', 'Information request'), L(v, '20 个工作日内答复', 'Answered within 20 working days'))}
      ${tile(TRACK_PATH, L(v, '办理进度查询', 'Follow a case'), L(v, '凭查询编号和查询码', 'With the tracking number and query code'))}
      ${tile(LETTERS_PATH, L(v, '公开答复', 'Published replies'), L(v, '来信选登（已隐去个人信息）', 'Letters and replies, personal details removed'))}
      ${tile('/interaction/consultations', L(v, '意见征集', 'Consultations on drafts'), L(v, '对草案发表意见，查看采纳情况', 'Comment on drafts; see what was adopted'))}
      ${tile('/interaction/statistics', L(v, '办理情况统计', 'Monthly statistics'), L(v, '每月收到、受理、按时答复情况', 'Received, accepted and answered on time, by month'))}
      ${tile('/events', L(v, '活动报名', 'Event sign-ups'), L(v, '开放日、宣传活动与基地参观，凭确认码取消', 'Open days, events and base visits; cancel with your code'))}
      ${tile('/bases', L(v, '环境教育基地', 'Education bases'), L(v, '学校和团体预约参观', 'Schools and groups book a visit'))}
    </div>
    <p class="cases-note">
      ${L(v, '举报人的个人信息依法予以保密（《中华人民共和国环境保护法》第五十七条），不会告知被举报单位。', "Reporters' details are kept confidential by law (Environmental Protection Law art. 57) and never told to the unit reported on.")}
    </p>`;
}

export function indexBody(v: LangView): SafeHtml {
  return html`<section class="cases" aria-labelledby="ia-title">
    <h1 id="ia-title">${L(v, '公众参与', 'Public participation')}</h1>
    <p>
      ${L(v, '您可以在这里举报环境违法行为、给局长写信、咨询问题、申请公开政府信息或对草案发表意见。提交后您会得到查询编号和查询码，凭两者可随时查询办理进度和答复。', 'Report an environmental offence, write to the director, ask a question, request government information or comment on a draft. You get a tracking number and a query code to follow the case and read the reply.')}
    </p>
    ${indexTiles(v)}
  </section>`;
}

function contactFields(
  v: LangView,
  s: FormState,
  o: { email: boolean; address?: boolean; nameRequired?: boolean },
) {
  return html`${textField(v, s, { name: 'name', label: L(v, '姓名', 'Name'), max: 50, autocomplete: 'name', required: !!o.nameRequired })}
  ${textField(v, s, { name: 'phone', label: L(v, '联系电话', 'Phone'), max: 30, type: 'tel', autocomplete: 'tel', hint: L(v, '电话和邮箱至少填写一项', 'A phone number or an email, at least one') })}
  ${o.email ? textField(v, s, { name: 'email', label: L(v, '电子邮箱', 'Email'), max: 100, type: 'email', autocomplete: 'email' }) : ''}
  ${o.address ? textField(v, s, { name: 'address', label: L(v, '通信地址', 'Postal address'), max: 200, autocomplete: 'street-address' }) : ''}`;
}

function formFrame(
  v: LangView,
  s: FormState,
  kind: CaseKind,
  intro: string,
  fields: SafeHtml,
  multipart = false,
) {
  const path = FORM_PATHS[kind as keyof typeof FORM_PATHS];
  return html`<section class="cases case-form" aria-labelledby="cf-title">
    <h1 id="cf-title">${pickL(v, CASE_KIND_LABELS[kind])}</h1>
    <p>${intro}</p>
    <p class="hint">${L(v, '带 * 的为必填项。', 'Fields marked * are required.')}</p>
    ${problemSummary(v, s)}
    <form method="post" action="${path}" ${multipart ? html`enctype="multipart/form-data"` : ''} novalidate>
      ${formGuards(v, s)} ${fields}
      <div class="form-actions"><button type="submit">${L(v, '提交', 'Submit')}</button></div>
    </form>
  </section>`;
}

export function reportForm(v: LangView, s: FormState, counties: string[]): SafeHtml {
  const fields = html` ${selectField(v, s, { name: 'category', label: L(v, '举报类别', 'What kind of pollution'), required: true, options: REPORT_CATEGORIES.map((c) => ({ value: c, label: pickL(v, REPORT_CATEGORY_LABELS[c]) })) })}
    ${selectField(v, s, { name: 'county', label: L(v, '事发地（区县）', 'County'), required: true, options: counties.map((c) => ({ value: c, label: c, zh: true })) })}
    ${textField(v, s, { name: 'address', label: L(v, '具体地点', 'Exact place'), required: true, max: 200, hint: L(v, '如街道、门牌号、企业名称或附近的标志物', 'Street, number, company name or a landmark nearby') })}
    ${textArea(v, s, { name: 'description', label: L(v, '举报内容', 'What happens'), required: true, max: 5000, hint: L(v, '污染的情形、发生的时间和持续多久', 'What you see, smell or hear, when and for how long') })}
    <div class="field ${s.problems.some((p) => p.field === 'photos') ? 'has-error' : ''}">
      <label for="f-photos">${L(v, '现场照片（可选）', 'Photos (optional)')}</label>
      <p class="hint" id="hint-photos">
        ${L(v, `最多 ${REPORT_MAX_PHOTOS} 张 JPEG 或 PNG 照片，每张不超过 10 MB；照片中的拍摄地点等信息会被去除。`, `Up to ${REPORT_MAX_PHOTOS} JPEG or PNG photos of at most 10 MB each; location data is removed.`)}${s.photosDropped ? L(v, '请重新选择照片。', ' Please choose the photos again.') : ''}
      </p>
      ${s.problems.filter((p) => p.field === 'photos').map((p) => html`<p class="field-error" id="err-photos">${pickL(v, p)}</p>`)}
      <input
        id="f-photos"
        name="photos"
        type="file"
        accept="image/jpeg,image/png"
        multiple
        aria-describedby="hint-photos${s.problems.some((p) => p.field === 'photos') ? ' err-photos' : ''}"
      />
    </div>
    <fieldset class="field">
      <legend>${L(v, '举报人信息', 'About you')}</legend>
      ${checkbox(s, { name: 'anonymous', label: L(v, '匿名举报（不留姓名和联系方式）', 'Report anonymously (no name or contact)'), hint: L(v, '匿名举报同样受理，但我们无法主动告知您办理结果，请凭查询编号和查询码查询。', 'Anonymous reports are handled too, but we cannot contact you: follow it with the tracking number and query code.') })}
      ${contactFields(v, s, { email: true })}
      ${checkbox(s, { name: 'shareIdentity', label: L(v, '同意将我的联系方式提供给承办的区县环保部门，以便核实情况', 'The county bureau handling it may contact me to check the facts') })}
    </fieldset>`;
  return formFrame(
    v,
    s,
    'report',
    L(
      v,
      '请如实反映环境污染或生态破坏问题。举报人信息依法保密。',
      'Tell us about pollution or damage to nature. Your details are kept confidential.',
    ),
    fields,
    true,
  );
}

export function letterForm(v: LangView, s: FormState, kind: 'mailbox' | 'consultation'): SafeHtml {
  const fields = html` ${textField(v, s, { name: 'subject', label: L(v, '标题', 'Subject'), required: true, max: 100 })}
  ${textArea(v, s, { name: 'description', label: L(v, '内容', 'Your letter'), required: true, max: 5000 })}
  ${contactFields(v, s, { email: true })}
  ${checkbox(s, { name: 'publicReply', label: L(v, '同意公开我的来信和答复（将隐去姓名、电话等个人信息）', 'My letter and its reply may be published (name, phone and other details removed)') })}`;
  const intro =
    kind === 'mailbox'
      ? L(
          v,
          '欢迎您对环境保护工作提出意见和建议。我们将在 15 个工作日内答复。',
          'Your views on our work are welcome. We reply within 15 working days.',
        )
      : L(
          v,
          '对环保政策、办事程序有疑问，请在此咨询。我们将在 15 个工作日内答复。',
          'Ask about environmental rules and procedures. We reply within 15 working days.',
        );
  return formFrame(v, s, kind, intro, fields);
}

export function infoRequestForm(v: LangView, s: FormState): SafeHtml {
  const opts = <T extends string>(labels: Record<T, { zh: string; en: string }>) =>
    (Object.keys(labels) as T[]).map((k) => ({ value: k, label: pickL(v, labels[k]) }));
  const fields = html` ${radioGroup(v, s, { name: 'applicantType', legend: L(v, '申请人类型', 'Applicant'), required: true, options: opts(APPLICANT_TYPE_LABELS) })}
  ${textField(v, s, { name: 'name', label: L(v, '姓名（法人或其他组织填写联系人）', 'Name (of the contact person for an organisation)'), required: true, max: 50, autocomplete: 'name' })}
  ${textField(v, s, { name: 'organisation', label: L(v, '法人或其他组织名称', 'Organisation'), max: 100, autocomplete: 'organization' })}
  ${selectField(v, s, { name: 'organisationKind', label: L(v, '组织类型（法人或其他组织填写）', 'Kind of organisation (for an organisation)'), options: opts(ORGANISATION_KIND_LABELS) })}
  ${textField(v, s, { name: 'idNumber', label: L(v, '身份证件号码或统一社会信用代码', 'Identity document number or unified credit code'), required: true, max: 30 })}
  ${textField(v, s, { name: 'phone', label: L(v, '联系电话', 'Phone'), max: 30, type: 'tel', autocomplete: 'tel', hint: L(v, '电话和邮箱至少填写一项', 'A phone number or an email, at least one') })}
  ${textField(v, s, { name: 'email', label: L(v, '电子邮箱', 'Email'), max: 100, type: 'email', autocomplete: 'email' })}
  ${textField(v, s, { name: 'address', label: L(v, '通信地址', 'Postal address'), max: 200, autocomplete: 'street-address' })}
  ${textArea(v, s, { name: 'description', label: L(v, '所需政府信息的名称、文号或便于查询的其他特征性描述', 'The information: its title, document number or other features that let us find it'), required: true, max: 5000 })}
  ${radioGroup(v, s, { name: 'infoForm', legend: L(v, '所需信息的形式', 'Form wanted'), required: true, options: opts(INFO_FORM_LABELS) })}
  ${radioGroup(v, s, { name: 'infoDelivery', legend: L(v, '获取信息的方式', 'Delivery'), required: true, options: opts(INFO_DELIVERY_LABELS) })}`;
  return formFrame(
    v,
    s,
    'infoRequest',
    L(
      v,
      '依据《中华人民共和国政府信息公开条例》，我们自收到申请之日起 20 个工作日内答复；申请内容不明确的，将在 7 个工作日内一次性告知补正。',
      'Under the Regulation on Open Government Information we answer within 20 working days; an unclear application is sent back once, within 7 working days, to be completed.',
    ),
    fields,
  );
}

export function receiptBody(
  v: LangView,
  r: { trackingNumber: string; queryCode: string; kind: CaseKind },
): SafeHtml {
  return html`<section class="cases receipt" aria-labelledby="rc-title">
    <h1 id="rc-title">${L(v, '提交成功', 'Received')}</h1>
    <p>
      ${pickL(v, CASE_KIND_LABELS[r.kind])}${L(v, '已登记。请记下以下两项，凭它们查询办理进度和答复：', ' is registered. Write these two down to follow the case and read the reply:')}
    </p>
    <dl class="receipt-codes">
      <dt>${L(v, '查询编号', 'Tracking number')}</dt>
      <dd><strong data-testid="tracking-number">${r.trackingNumber}</strong></dd>
      <dt>${L(v, '查询码', 'Query code')}</dt>
      <dd><strong data-testid="query-code">${r.queryCode}</strong></dd>
    </dl>
    <p class="hint">
      ${L(v, '查询码只显示这一次，我们也无法替您找回。请勿告诉他人。', 'The query code is shown only now and cannot be recovered. Keep it to yourself.')}
    </p>
    <p>
      <a href="${TRACK_PATH}">${L(v, '查询办理进度', 'Follow the case')}</a> ·
      <a href="/interaction">${L(v, '返回公众参与', 'Back to public participation')}</a>
    </p>
  </section>`;
}

export function trackForm(v: LangView, s: FormState): SafeHtml {
  return html`<section class="cases case-form" aria-labelledby="tr-title">
    <h1 id="tr-title">${L(v, '办理进度查询', 'Follow a case')}</h1>
    ${problemSummary(v, s)}
    <form method="post" action="${TRACK_PATH}" novalidate>
      ${textField(v, s, { name: 'number', label: L(v, '查询编号', 'Tracking number'), required: true, max: 40, hint: L(v, '如 JB-20261202-K7PM3Q', 'e.g. JB-20261202-K7PM3Q'), autocomplete: 'off' })}
      ${textField(v, s, { name: 'code', label: L(v, '查询码', 'Query code'), required: true, max: 20, autocomplete: 'off' })}
      <div class="form-actions"><button type="submit">${L(v, '查询', 'Look up')}</button></div>
    </form>
  </section>`;
}

export function trackResult(
  v: LangView,
  c: PublicCaseView,
  code: string,
  notice: string | SafeHtml | null,
): SafeHtml {
  const hidden = html`<input type="hidden" name="number" value="${c.trackingNumber}" /><input
      type="hidden"
      name="code"
      value="${code}"
    />`;
  return html`<section class="cases case-status" aria-labelledby="cs-title">
    <h1 id="cs-title">${pickL(v, CASE_KIND_LABELS[c.kind])} ${c.trackingNumber}</h1>
    ${notice ? html`<p class="notice" role="status">${notice}</p>` : ''}
    <dl class="case-facts">
      <dt>${L(v, '当前状态', 'Status')}</dt>
      <dd data-testid="case-status">${pickL(v, c.statusLabel)}</dd>
      <dt>${L(v, '登记日期', 'Received')}</dt>
      <dd>${c.receivedOn}</dd>
      ${
        c.dueOn
          ? html`<dt>${L(v, '办理时限', 'Due by')}</dt>
              <dd>${c.dueOn}</dd>`
          : ''
      }
    </dl>
    ${
      c.reply
        ? html`<h2>${L(v, '答复', 'Reply')}</h2>
            ${c.answerType ? html`<p><strong>${pickL(v, INFO_ANSWER_LABELS[c.answerType])}</strong>${c.answerBasis ? html`：${c.answerBasis}` : ''}</p>` : ''}
            <div class="case-reply" data-testid="case-reply">
              ${c.reply.split('\n').map((p) => html`<p>${p}</p>`)}
            </div>`
        : ''
    }
    ${
      c.decisionReason
        ? html`<h2>${L(v, '不予受理的理由', 'Why it was not accepted')}</h2>
            <p>${c.decisionReason}</p>
            ${c.redirectTo ? html`<p>${L(v, '建议向以下部门反映：', 'Please turn to: ')}${c.redirectTo}</p>` : ''}`
        : ''
    }
    <h2>${L(v, '办理过程', 'Steps')}</h2>
    <ol class="env-timeline">
      ${c.steps.map((s) => html`<li><time datetime="${s.at}">${chinaDateTime(s.at)}</time> ${pickL(v, s.label)}${s.note ? html`：${s.note}` : ''}</li>`)}
    </ol>
    ${
      c.canComplete
        ? html`<h2>${L(v, '补正申请', 'Complete the application')}</h2>
            <form method="post" action="${TRACK_PATH}/complete">
              ${hidden}
              <div class="field">
                <label for="f-text">${L(v, '补正内容', 'What you add')}</label>
                <textarea id="f-text" name="text" rows="5" maxlength="5000" required></textarea>
              </div>
              <div class="form-actions"><button type="submit">${L(v, '提交补正', 'Send')}</button></div>
            </form>`
        : ''
    }
    ${
      c.canRate
        ? html`<h2>${L(v, '评价办理结果', 'Rate the handling')}</h2>
            <form method="post" action="${TRACK_PATH}/rate">
              ${hidden}
              <fieldset class="field">
                <legend>
                  ${L(v, '您对办理结果是否满意？', 'Are you satisfied with how it was handled?')}
                </legend>
                ${[5, 4, 3, 2, 1].map((n) => html`<label class="choice"><input type="radio" name="rating" value="${n}" ${n === 5 ? html`required` : ''} /> ${RATING_LABELS[n]!(v)}</label>`)}
              </fieldset>
              <div class="field">
                <label for="f-comment">${L(v, '意见（可选）', 'Comment (optional)')}</label>
                <textarea id="f-comment" name="comment" rows="3" maxlength="1000"></textarea>
              </div>
              <div class="form-actions"><button type="submit">${L(v, '提交评价', 'Send')}</button></div>
            </form>`
        : c.rating !== null
          ? html`<p>${L(v, '您的评价：', 'Your rating: ')}${RATING_LABELS[c.rating]!(v)}</p>`
          : ''
    }
  </section>`;
}

const RATING_LABELS: Record<number, (v: LangView) => string> = {
  5: (v) => L(v, '非常满意', 'Very satisfied'),
  4: (v) => L(v, '满意', 'Satisfied'),
  3: (v) => L(v, '基本满意', 'Fairly satisfied'),
  2: (v) => L(v, '不满意', 'Dissatisfied'),
  1: (v) => L(v, '非常不满意', 'Very dissatisfied'),
};

interface Letter {
  id: number;
  kind: CaseKind;
  subject: string | null;
  published_question: string | null;
  published_reply: string | null;
  published_at: string | null;
  received_on: string;
  replied_at: string | null;
}

export function lettersBody(v: LangView, items: Letter[], page: number, pages: number): SafeHtml {
  return html`<section class="cases" aria-labelledby="lt-title">
    <h1 id="lt-title">${L(v, '公开答复', 'Published replies')}</h1>
    <ul class="env-list">
      ${items.map(
        (i) =>
          html`<li>
            <a href="${LETTERS_PATH}/${i.id}" ${i.subject ? html`lang="zh-CN"` : ''}
              >${i.subject ?? pickL(v, CASE_KIND_LABELS[i.kind])}</a
            >
            <span class="env-meta">${pickL(v, CASE_KIND_LABELS[i.kind])}</span
            ><time datetime="${i.published_at ?? ''}">${(i.replied_at ?? '').slice(0, 10)}</time>
          </li>`,
      )}
    </ul>
    ${items.length === 0 ? html`<p>${L(v, '暂无公开的答复。', 'Nothing published yet.')}</p>` : ''}
    ${pages > 1 ? html`<nav class="pager" aria-label="${L(v, '分页', 'Pages')}">${page > 1 ? html`<a href="${LETTERS_PATH}?page=${page - 1}">${L(v, '上一页', 'Previous')}</a>` : ''} ${page} / ${pages} ${page < pages ? html`<a href="${LETTERS_PATH}?page=${page + 1}">${L(v, '下一页', 'Next')}</a>` : ''}</nav>` : ''}
  </section>`;
}

export function letterBody(v: LangView, i: Letter): SafeHtml {
  // what the public wrote and the bureau answered is authored Chinese, whatever the interface language
  const paras = (t: string | null) => (t ?? '').split('\n').map((p) => html`<p lang="zh-CN">${p}</p>`);
  return html`<article class="cases letter" aria-labelledby="lt1-title">
    <h1 id="lt1-title" ${i.subject ? html`lang="zh-CN"` : ''}>
      ${i.subject ?? pickL(v, CASE_KIND_LABELS[i.kind])}
    </h1>
    <p class="env-meta">
      ${pickL(v, CASE_KIND_LABELS[i.kind])} · ${L(v, '来信日期', 'Received')} ${i.received_on} ·
      ${L(v, '答复日期', 'Replied')} ${(i.replied_at ?? '').slice(0, 10)}
    </p>
    <h2>${L(v, '来信内容', 'The letter')}</h2>
    ${paras(i.published_question)}
    <h2>${L(v, '答复内容', 'The reply')}</h2>
    ${paras(i.published_reply)}
  </article>`;
}
