// The open-data page (issue 11 item 7): every public data set with its description, fields and units,
// licence, publisher, update frequency and last update, and the ways to fetch it — the whole file as
// CSV or JSON (streamed), or the API page by page (Link: rel="next"). One time zone, stated once.
import { html, type SafeHtml } from '../html.ts';
import type { PortalView } from '../layout/layout.ts';
import { pick } from '../layout/lang.ts';
import type { OpenDataService } from '../../modules/open-data/open-data.service.ts';

const T = {
  zh: {
    title: '开放数据',
    intro:
      '本站公开的环境数据均可整套下载、自由再利用。CSV 文件为 UTF-8（带 BOM，Excel 可直接打开），表头为中文名称加英文代码；JSON 的字段名为英文代码。',
    publisher: '发布单位',
    frequency: '更新频率',
    lastUpdate: '最近更新',
    rows: '记录数',
    licence: '许可协议',
    timeZone: '时区',
    download: '整套下载',
    api: '接口（分页）',
    apiNote:
      '接口每页默认 1000 行（pageSize 最多 5000），响应头 Link 给出下一页和最后一页，X-Total-Count 给出总数；ETag 与 X-Checksum-SHA256 可用于校验和缓存。支持 from、to（日期）和 station（站点或断面编码）筛选。',
    fields: '字段说明',
    field: '字段代码',
    name: '中文名称',
    en: '英文名称',
    unit: '单位',
    none: '暂无',
  },
  en: {
    title: 'Open data',
    intro:
      'Every environmental data set on this site can be downloaded whole and reused freely. CSV files are UTF-8 with a BOM (Excel opens them as they are), headed by the Chinese name and the English code; JSON uses the English codes.',
    publisher: 'Publisher',
    frequency: 'Updated',
    lastUpdate: 'Last update',
    rows: 'Rows',
    licence: 'Licence',
    timeZone: 'Time zone',
    download: 'Whole file',
    api: 'API (pages)',
    apiNote:
      'The API answers 1,000 rows a page by default (pageSize up to 5,000); the Link header gives the next and the last page, X-Total-Count the total; ETag and X-Checksum-SHA256 serve caching and checking. Filter with from, to (dates) and station (station or section code).',
    fields: 'Fields',
    field: 'Code',
    name: 'Chinese name',
    en: 'Name',
    unit: 'Unit',
    none: 'none yet',
  },
};

export async function openDataBody(v: PortalView, openData: OpenDataService): Promise<SafeHtml> {
  const t = T[v.prefs.lang];
  const list = await openData.catalogue();
  const publisher = v.site.sponsor || v.site.siteName;
  return html`<section class="env" aria-labelledby="od-title">
    <h1 id="od-title">${t.title}</h1>
    <p>${t.intro}</p>
    <dl class="env-facts">
      <dt>${t.publisher}</dt>
      <dd lang="zh-CN">${publisher}</dd>
      <dt>${t.licence}</dt>
      <dd><a href="${openData.licence.url}" rel="license">${pick(v, openData.licence)}</a></dd>
      <dt>${t.timeZone}</dt>
      <dd>${pick(v, openData.timeZone)}</dd>
    </dl>
    <p class="env-note">${t.apiNote}</p>
    <nav class="env-toc" aria-label="${t.title}">
      <ol>
        ${list.map((e) => html`<li><a href="#ds-${e.dataset.name}">${pick(v, e.dataset.title)}</a></li>`)}
      </ol>
    </nav>
    ${list.map(
      ({ dataset: d, info, total, lastUpdate }) =>
        html`<section id="ds-${d.name}" class="od-set" aria-labelledby="ds-${d.name}-h">
          <h2 id="ds-${d.name}-h">${pick(v, d.title)}</h2>
          <p>${pick(v, info.description)}</p>
          <dl class="env-facts">
            <dt>${t.frequency}</dt>
            <dd>${pick(v, info.frequency)}</dd>
            <dt>${t.lastUpdate}</dt>
            <dd>${lastUpdate ?? t.none}</dd>
            <dt>${t.rows}</dt>
            <dd>${total.toLocaleString(v.prefs.lang === 'en' ? 'en' : 'zh-CN')}</dd>
            <dt>${t.download}</dt>
            <dd>
              <a href="/api/v1/open-data/${d.name}/all.csv" download>CSV</a> ·
              <a href="/api/v1/open-data/${d.name}/all.json" download>JSON</a>
            </dd>
            <dt>${t.api}</dt>
            <dd>
              <a href="/api/v1/open-data/${d.name}.json"><code>/api/v1/open-data/${d.name}.json</code></a> ·
              <a href="/api/v1/open-data/${d.name}.csv"><code>.csv</code></a>
            </dd>
          </dl>
          <details>
            <summary>${t.fields}</summary>
            <div class="env-scroll" tabindex="0">
              <table class="env-table env-key-first">
                <thead>
                  <tr>
                    <th scope="col">${t.field}</th>
                    <th scope="col">${t.name}</th>
                    <th scope="col">${t.en}</th>
                    <th scope="col">${t.unit}</th>
                  </tr>
                </thead>
                <tbody>
                  ${d.columns.map((c) => {
                    const f = info.fields[c];
                    return html`<tr>
                      <th scope="row"><code>${c}</code></th>
                      <td lang="zh-CN">${f?.zh ?? ''}</td>
                      <td lang="en">${f?.en ?? ''}</td>
                      <td>${f?.unit ? unitText(v, f.unit) : '—'}</td>
                    </tr>`;
                  })}
                </tbody>
              </table>
            </div>
          </details>
        </section>`,
    )}
  </section>`;
}

/** Units are written in Chinese where the standard writes them so (个/L, 元): English pages say so. */
const UNITS_EN: Record<string, string> = { '个/L': 'count/L', 元: 'yuan (CNY)' };
const unitText = (v: PortalView, unit: string) => (v.prefs.lang === 'en' ? (UNITS_EN[unit] ?? unit) : unit);
