// The public pages of 意见征集 and the monthly statistics (decisions 146, 147): the list of drafts, one
// draft with its text, attachments, the moderated comments, the comment form while it is open and the
// feedback (采纳情况) once published; the month's figures by kind, category, place and unit. No
// JavaScript; the comment form posts to cases-portal.routes.ts like every case form.
import {
  CASE_KIND_LABELS,
  CASE_KINDS,
  isOneOf,
  REPORT_CATEGORIES,
  COMMENT_ADOPTION_LABELS,
  CONSULTATION_PHASE_LABELS,
  REPORT_CATEGORY_LABELS,
  USUAL_CONSULTATION_DAYS,
  onTimeRate,
  type CaseStatsLine,
  type Consultation,
  type ConsultationComment,
  type MonthlyCaseStats,
} from '@greenvoice/common';
import { CONSULTATIONS_PATH } from '../../modules/cases/consultations.service.ts';
import { html, type SafeHtml } from '../html.ts';
import {
  L,
  formGuards,
  pickL,
  problemSummary,
  textArea,
  textField,
  type FormState,
  type LangView,
} from './case-form-kit.ts';

export { CONSULTATIONS_PATH };
export const STATS_PATH = '/interaction/statistics';

const paras = (t: string) =>
  t
    .split(/\n\s*\n|\n/)
    .map((p) => p.trim())
    .filter(Boolean)
    .map((p) => html`<p>${p}</p>`);

export function consultationsBody(v: LangView, items: Consultation[]): SafeHtml {
  return html`<section class="cases" aria-labelledby="cl-title">
    <h1 id="cl-title">${L(v, '意见征集', 'Consultations on drafts')}</h1>
    <p>
      ${L(v, '我局起草的规范性文件和重要政策在出台前向社会公开征求意见。征集期满后，我们会公布意见采纳情况。', 'Drafts of our rules and policies are open for public comment before adoption; afterwards we publish what was adopted and why not.')}
    </p>
    <ul class="env-list" data-testid="consultation-list">
      ${items.map(
        (c) =>
          html`<li>
            <a href="${CONSULTATIONS_PATH}/${c.id}">${c.title}</a>
            <span class="env-meta">${pickL(v, CONSULTATION_PHASE_LABELS[c.phase])}</span
            ><time datetime="${c.opensOn}">${c.opensOn} — ${c.closesOn}</time>
          </li>`,
      )}
    </ul>
    ${items.length === 0 ? html`<p>${L(v, '目前没有征集中的草案。', 'No drafts at the moment.')}</p>` : ''}
  </section>`;
}

export function consultationBody(
  v: LangView,
  c: Consultation,
  comments: ConsultationComment[],
  form: FormState | null,
): SafeHtml {
  const result = c.phase === 'resultPublished';
  return html`<article class="cases consultation" aria-labelledby="co-title">
    <h1 id="co-title">${c.title}</h1>
    <dl class="case-facts">
      <dt>${L(v, '状态', 'Status')}</dt>
      <dd data-testid="consultation-phase">${pickL(v, CONSULTATION_PHASE_LABELS[c.phase])}</dd>
      <dt>${L(v, '征集期限', 'Open for comments')}</dt>
      <dd>${c.opensOn} — ${c.closesOn}</dd>
    </dl>
    ${c.summary ? html`<p class="summary">${c.summary}</p>` : ''}
    <h2>${L(v, '草案全文', 'The draft')}</h2>
    <div class="consultation-text">${paras(c.body)}</div>
    ${
      c.files.length
        ? html`<h2>${L(v, '附件', 'Attachments')}</h2>
            <ul class="attachments">
              ${c.files.map((f) => html`<li><a href="${f.url}">${f.name}</a> (${Math.max(1, Math.round(f.size / 1024))} KB)</li>`)}
            </ul>`
        : ''
    }
    ${
      result
        ? html`<h2>${L(v, '意见采纳情况', 'What was adopted')}</h2>
            <div data-testid="consultation-result">${paras(c.resultText ?? '')}</div>`
        : ''
    }
    <h2>${L(v, '公众意见', 'Comments')}（${comments.length}）</h2>
    ${comments.length === 0 ? html`<p>${L(v, '暂无公开的意见。', 'No comments shown yet.')}</p>` : ''}
    <ol class="comments" data-testid="consultation-comments">
      ${comments.map(
        (m) =>
          html`<li>
            <p>${m.shownText ?? ''}</p>
            ${
              result && m.adoption
                ? html`<p class="adoption">
                    <strong>${pickL(v, COMMENT_ADOPTION_LABELS[m.adoption])}</strong
                    >${m.adoptionReason ? html`（${m.adoptionReason.replace(/^[^：]*：/, '')}）` : ''}
                  </p>`
                : ''
            }
          </li>`,
      )}
    </ol>
    ${form ? commentForm(v, c, form) : ''}
  </article>`;
}

function commentForm(v: LangView, c: Consultation, s: FormState): SafeHtml {
  return html`<section class="case-form" aria-labelledby="cf-title">
    <h2 id="cf-title">${L(v, '发表意见', 'Comment on the draft')}</h2>
    <p class="hint">
      ${L(v, `意见经审核后公开（隐去个人信息）；征集截止后我们将逐条答复是否采纳。带 * 的为必填项。`, 'Comments are shown after moderation, personal details removed; after the close day each gets an answer. Fields marked * are required.')}
    </p>
    ${problemSummary(v, s)}
    <form method="post" action="${CONSULTATIONS_PATH}/${c.id}" novalidate>
      ${formGuards(v, s)}
      ${textArea(v, s, { name: 'description', label: L(v, '您的意见', 'Your comment'), required: true, max: 5000 })}
      ${textField(v, s, { name: 'name', label: L(v, '姓名', 'Name'), required: true, max: 50, autocomplete: 'name' })}
      ${textField(v, s, { name: 'phone', label: L(v, '联系电话', 'Phone'), max: 30, type: 'tel', autocomplete: 'tel', hint: L(v, '电话和邮箱至少填写一项（不公开）', 'A phone number or an email, at least one (never shown)') })}
      ${textField(v, s, { name: 'email', label: L(v, '电子邮箱', 'Email'), max: 100, type: 'email', autocomplete: 'email' })}
      <div class="form-actions"><button type="submit">${L(v, '提交意见', 'Send the comment')}</button></div>
    </form>
  </section>`;
}

/** what the editor is told about a period: the usual length, for the console's hint */
export const usualPeriodHint = (v: LangView) =>
  L(
    v,
    `征求意见期限一般不少于 ${USUAL_CONSULTATION_DAYS} 日`,
    `Usually at least ${USUAL_CONSULTATION_DAYS} days`,
  );

const KEY_LABEL: Record<string, (v: LangView, key: string) => string> = {
  byKind: (v, k) => (isOneOf(CASE_KINDS, k) ? pickL(v, CASE_KIND_LABELS[k]) : k),
  byCategory: (v, k) => (isOneOf(REPORT_CATEGORIES, k) ? pickL(v, REPORT_CATEGORY_LABELS[k]) : k),
  byCounty: (_v, k) => k,
  byUnit: (v, k) => k || L(v, '本局直接办理', 'Handled by the bureau'),
};

function statsTable(
  v: LangView,
  caption: string,
  group: keyof typeof KEY_LABEL,
  lines: CaseStatsLine[],
  total?: CaseStatsLine,
) {
  const row = (label: string, l: CaseStatsLine, th = false) => {
    const rate = onTimeRate(l);
    return html`<tr>
      <th scope="row">${th ? html`<strong>${label}</strong>` : label}</th>
      <td>${l.received}</td>
      <td>${l.accepted}</td>
      <td>${l.answered}</td>
      <td>${l.onTime}</td>
      <td>${l.late}</td>
      <td>${l.overdue}</td>
      <td>${rate === null ? '—' : `${rate}%`}</td>
    </tr>`;
  };
  return html`<table class="env-table env-key-first">
    <caption>
      ${caption}
    </caption>
    <thead>
      <tr>
        <th scope="col">${L(v, '类别', 'Group')}</th>
        <th scope="col">${L(v, '收到', 'Received')}</th>
        <th scope="col">${L(v, '受理', 'Accepted')}</th>
        <th scope="col">${L(v, '答复', 'Answered')}</th>
        <th scope="col">${L(v, '按时', 'On time')}</th>
        <th scope="col">${L(v, '超时', 'Late')}</th>
        <th scope="col">${L(v, '超期未办结', 'Overdue, open')}</th>
        <th scope="col">${L(v, '按时率', 'On-time rate')}</th>
      </tr>
    </thead>
    <tbody>
      ${lines.map((l) => row(KEY_LABEL[group]!(v, l.key), l))}
      ${total ? row(L(v, '合计', 'Total'), total, true) : ''}
    </tbody>
  </table>`;
}

export function statsBody(v: LangView, s: MonthlyCaseStats): SafeHtml {
  const [y, m] = s.month.split('-');
  const title = L(v, `${y}年${Number(m)}月公众诉求办理情况`, `Public cases in ${s.month}`);
  return html`<section class="cases stats" aria-labelledby="st-title">
    <h1 id="st-title">${L(v, '办理情况统计', 'Monthly statistics')}</h1>
    <form method="get" action="${STATS_PATH}" class="stats-month">
      <label for="f-month">${L(v, '月份', 'Month')}</label>
      <select id="f-month" name="month">
        ${s.months.map((x) => html`<option value="${x}" ${x === s.month ? html`selected` : ''}>${x}</option>`)}
      </select>
      <button type="submit">${L(v, '查看', 'Show')}</button>
    </form>
    <h2 data-testid="stats-title">${title}</h2>
    <p class="hint">
      ${L(v, '“受理”：举报为决定受理的件数，其他事项网上提交即为收到并受理；“按时”：在法定或承诺期限内答复；“超期未办结”：月末（本月为今日）已过期限仍在办理的件数。统计不含任何个人信息。', '“Accepted”: reports accepted; other kinds are accepted on receipt online. “On time”: answered within the limit. “Overdue, open”: past the limit at the month’s end (today for this month). No personal data is counted.')}
    </p>
    <div class="env-scroll">${statsTable(v, L(v, '按事项类别', 'By kind'), 'byKind', s.byKind, s.total)}</div>
    ${s.byCategory.length ? html`<div class="env-scroll">${statsTable(v, L(v, '环保举报：按污染类别', 'Reports by category'), 'byCategory', s.byCategory)}</div>` : ''}
    ${s.byCounty.length ? html`<div class="env-scroll">${statsTable(v, L(v, '环保举报：按事发区县', 'Reports by county'), 'byCounty', s.byCounty)}</div>` : ''}
    ${s.byUnit.length ? html`<div class="env-scroll">${statsTable(v, L(v, '按承办单位', 'By handling unit'), 'byUnit', s.byUnit)}</div>` : ''}
  </section>`;
}
