// Surface-water page body: each section's class this month with its limiting factors and the change
// from the same month last year, as bureaus publish the monthly table; river and basin summaries.
import {
  WATER_STANDARD,
  type WaterReading,
  type WaterSection,
  type WaterStatusList,
} from '@greenvoice/common';
import { html, type SafeHtml } from '../html.ts';
import { demoNote } from './air-pages.ts';

const CLASS_COLOR: Record<string, string> = {
  I: '#cceffc',
  II: '#00a0e9',
  III: '#00b050',
  IV: '#ffff00',
  V: '#ffa500',
  劣V: '#ff0000',
};
const CLASS_INK: Record<string, string> = {
  I: '#1f2d24',
  II: '#fff',
  III: '#fff',
  IV: '#1f2d24',
  V: '#1f2d24',
  劣V: '#fff',
};

export function waterClassBadge(c: string | null): SafeHtml {
  if (!c) return html`<span class="env-badge env-none">—</span>`;
  return html`<span class="env-badge" style="background:${CLASS_COLOR[c]};color:${CLASS_INK[c]}"
    >${c === '劣V' ? '劣Ⅴ' : c}类</span
  >`;
}

const change = (n: number | null) =>
  n === null
    ? '—'
    : n > 0
      ? html`<span title="好转">↑${n}</span>`
      : n < 0
        ? html`<span title="变差">↓${-n}</span>`
        : '—';

export function waterBody(data: WaterStatusList, links: { section: (id: number) => string }): SafeHtml {
  return html`<section class="env" aria-labelledby="water-title">
    <h1 id="water-title">地表水水质状况${data.month ? `（${data.month.replace('-', '年')}月）` : ''}</h1>
    <p class="env-meta">
      按《地表水环境质量标准》（GB 3838-2002）单因子评价法评价；水温、总氮、粪大肠菌群不参与评价。
    </p>
    <table class="env-table">
      <caption>
        各断面水质类别
      </caption>
      <thead>
        <tr>
          <th scope="col">序号</th>
          <th scope="col">断面名称</th>
          <th scope="col">区县</th>
          <th scope="col">所在河流</th>
          <th scope="col">控制级别</th>
          <th scope="col">断面属性</th>
          <th scope="col">上年同期类别</th>
          <th scope="col">本月水质类别</th>
          <th scope="col">类别变化</th>
          <th scope="col">超Ⅲ类标准指标（超标倍数）</th>
        </tr>
      </thead>
      <tbody>
        ${data.items.map(
          (i, n) =>
            html`<tr>
              <td>${n + 1}</td>
              <th scope="row"><a href="${links.section(i.section.id)}">${i.section.name}</a></th>
              <td>${i.section.county}</td>
              <td>${i.section.river}</td>
              <td>${{ national: '国控', provincial: '省控', city: '市控' }[i.section.controlLevel]}</td>
              <td>${i.section.attribute ?? '—'}</td>
              <td>${waterClassBadge(i.lastYearClass)}</td>
              <td>${waterClassBadge(i.latest?.class ?? null)}</td>
              <td>${change(i.change)}</td>
              <td>
                ${
                  i.latest?.limitingFactors
                    .filter((f) => f.multipleOfIII !== undefined)
                    .map((f) => `${WATER_STANDARD[f.factor].name.zh}（${f.multipleOfIII}）`)
                    .join('、') || '—'
                }
              </td>
            </tr>`,
        )}
      </tbody>
    </table>
    <h2>河流与流域水质</h2>
    <table class="env-table">
      <caption>
        Ⅰ～Ⅲ类断面比例 ≥ 90% 为优，75%～90% 为良好；5 个断面以下不按比例评价
      </caption>
      <thead>
        <tr>
          <th scope="col">名称</th>
          <th scope="col">类型</th>
          <th scope="col">断面数</th>
          <th scope="col">Ⅰ～Ⅲ类比例</th>
          <th scope="col">劣Ⅴ类比例</th>
          <th scope="col">水质状况</th>
        </tr>
      </thead>
      <tbody>
        ${data.summaries.map(
          (s) =>
            html`<tr>
              <th scope="row">${s.name}</th>
              <td>${{ river: '河流', basin: '流域', all: '全市' }[s.kind]}</td>
              <td>${s.sections}</td>
              <td>${s.shareIToIII}%</td>
              <td>${s.shareWorseThanV}%</td>
              <td>${s.category ?? '—'}</td>
            </tr>`,
        )}
      </tbody>
    </table>
    <p class="env-note">${demoNote(data.items.some((i) => i.section.isDemo))}</p>
  </section>`;
}

/** One section's readings over time: the trend, as a table of classes and the main factors. */
export function sectionBody(section: WaterSection, readings: readonly WaterReading[]): SafeHtml {
  const factors = (['do', 'codmn', 'nh3n', 'tp'] as const).filter((f) =>
    readings.some((r) => r.values[f] !== undefined),
  );
  return html`<section class="env" aria-labelledby="section-title">
    <h1 id="section-title">${section.name}（${section.river}）水质变化</h1>
    <p class="env-meta">
      ${section.county} · ${{ national: '国控', provincial: '省控', city: '市控' }[section.controlLevel]}断面
      ${section.targetClass ? html` · 水质目标 ${waterClassBadge(section.targetClass)}` : ''}
    </p>
    <table class="env-table">
      <caption>
        历次监测（单位 mg/L）
      </caption>
      <thead>
        <tr>
          <th scope="col">采样日期</th>
          <th scope="col">水质类别</th>
          ${factors.map((f) => html`<th scope="col">${WATER_STANDARD[f].name.zh}</th>`)}
          <th scope="col">定类指标</th>
        </tr>
      </thead>
      <tbody>
        ${[...readings].reverse().map(
          (r) =>
            html`<tr>
              <th scope="row">${r.sampledOn}</th>
              <td>${waterClassBadge(r.class)}</td>
              ${factors.map((f) => html`<td>${r.values[f] ?? '—'}</td>`)}
              <td>${r.limitingFactors.map((f) => WATER_STANDARD[f.factor].name.zh).join('、')}</td>
            </tr>`,
        )}
      </tbody>
    </table>
    <p class="env-note">${demoNote(section.isDemo)}</p>
  </section>`;
}
