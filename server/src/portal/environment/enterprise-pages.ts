// Enterprise pages: search over key discharging units, and one unit's disclosures arranged by the eight
// parts of the annual report with its deadlines.
import { DISCLOSURE_KIND_LABELS, type Discharger, type DischargerDetail } from '@greenvoice/common';
import { html, type SafeHtml } from '../html.ts';
import { demoNote } from './air-pages.ts';

const STATUS: Record<string, string> = {
  onTime: '按时披露',
  late: '逾期披露',
  pending: '未到期',
  overdue: '逾期未披露',
};

export function dischargerSearchBody(
  q: string,
  page: { items: Discharger[]; total: number; page: number; pageSize: number },
  links: { detail: (id: number) => string; page: (n: number) => string },
): SafeHtml {
  const pages = Math.ceil(page.total / page.pageSize);
  return html`<section class="env" aria-labelledby="ent-title">
    <h1 id="ent-title">重点排污单位环境信息</h1>
    <form class="env-filter" method="get" role="search">
      <label>企业名称、统一社会信用代码或排污许可证编号 <input type="search" name="q" value="${q}" /></label>
      <button type="submit">搜索</button>
    </form>
    <p class="env-meta">共 ${page.total} 家</p>
    <table class="env-table">
      <thead>
        <tr>
          <th scope="col">单位名称</th>
          <th scope="col">统一社会信用代码</th>
          <th scope="col">区县</th>
          <th scope="col">行业</th>
          <th scope="col">排污许可证编号</th>
        </tr>
      </thead>
      <tbody>
        ${page.items.map(
          (d) =>
            html`<tr>
              <th scope="row"><a href="${links.detail(d.id)}">${d.name}</a></th>
              <td>${d.creditCode}</td>
              <td>${d.county}</td>
              <td>${d.industry}</td>
              <td>${d.permitNumber ?? '—'}</td>
            </tr>`,
        )}
      </tbody>
    </table>
    ${
      pages > 1
        ? html`<nav class="env-pages" aria-label="分页">
            ${Array.from({ length: pages }, (_, i) =>
              i + 1 === page.page
                ? html`<span aria-current="page">${i + 1}</span>`
                : html`<a href="${links.page(i + 1)}">${i + 1}</a>`,
            )}
          </nav>`
        : ''
    }
  </section>`;
}

export function dischargerDetailBody(d: DischargerDetail): SafeHtml {
  const x = d.discharger;
  return html`<section class="env" aria-labelledby="ent-detail-title">
    <h1 id="ent-detail-title">${x.name}</h1>
    <dl class="env-facts">
      <dt>统一社会信用代码</dt>
      <dd>${x.creditCode}</dd>
      <dt>排污许可证编号</dt>
      <dd>${x.permitNumber ?? '—'}</dd>
      <dt>所在区县</dt>
      <dd>${x.county}</dd>
      <dt>行业</dt>
      <dd>${x.industry}</dd>
      <dt>列入重点排污单位名录</dt>
      <dd>${x.listedYear} 年</dd>
    </dl>
    <nav class="env-toc" aria-label="年度报告八个部分">
      <ol>
        ${d.parts.map((p) => html`<li><a href="#part-${p.part}">${p.label.zh}</a></li>`)}
      </ol>
    </nav>
    ${d.parts.map(
      (p, i) =>
        html`<section id="part-${p.part}">
          <h2>${i + 1}. ${p.label.zh}</h2>
          ${p.annualText ? html`<p><span class="env-meta">${p.annualYear} 年度报告：</span>${p.annualText}</p>` : html`<p class="env-meta">年度报告未填写本部分。</p>`}
          ${
            p.records.length
              ? html`<ul>
                  ${p.records.map(
                    (r) =>
                      html`<li>
                        <strong>${DISCLOSURE_KIND_LABELS[r.kind].zh}：${r.title}</strong>
                        ${r.docNumber ? html`（${r.docNumber}）` : ''}
                        ${r.eventDate ? html`事项日期 ${r.eventDate}；` : ''}
                        ${r.publishedOn ? html`披露（备案）日期 ${r.publishedOn}` : html`<em>尚未披露</em>`}
                        ${r.content ? html`<br />${r.content}` : ''}
                      </li>`,
                  )}
                </ul>`
              : ''
          }
        </section>`,
    )}
    <h2>披露期限</h2>
    <table class="env-table">
      <caption>
        年度报告于次年3月15日前披露；临时报告于事项发生后5个工作日内披露
      </caption>
      <thead>
        <tr>
          <th scope="col">报告</th>
          <th scope="col">截止日期</th>
          <th scope="col">披露日期</th>
          <th scope="col">状态</th>
        </tr>
      </thead>
      <tbody>
        ${d.obligations.map(
          (o) =>
            html`<tr>
              <th scope="row">${o.title}</th>
              <td>${o.dueOn}</td>
              <td>${o.publishedOn ?? '—'}</td>
              <td>${STATUS[o.status]}</td>
            </tr>`,
        )}
      </tbody>
    </table>
    <p class="env-note">${demoNote(x.isDemo)}</p>
  </section>`;
}
