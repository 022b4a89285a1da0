// Surface-water page bodies: each section's class this month with its limiting factors and the change
// from the same month last year, as bureaus publish the monthly table; river, lake and basin summaries.
import {
  CONTROL_LEVEL_LABELS,
  WATER_STANDARD,
  type WaterReading,
  type WaterSection,
  type WaterStatusList,
} from '@greenvoice/common';
import { html, type SafeHtml } from '../html.ts';
import type { PortalView } from '../layout/layout.ts';
import { pick, zhText, zhWithin } from '../layout/lang.ts';
import { demoNote, freshnessNote } from './air-pages.ts';
import type { Freshness } from './freshness.ts';

/** GB 3838-2002 class colours as bureaus publish them. */
export const CLASS_COLOR: Record<string, string> = {
  I: '#cceffc',
  II: '#00a0e9',
  III: '#00b050',
  IV: '#ffff00',
  V: '#ffa500',
  劣V: '#ff0000',
};
/**
 * The colours stay; black text on every one of them reaches 4.5:1 (white on II, III and 劣V was 2.9–4.0:1).
 */
const CLASS_INK = '#000';

export function waterClassBadge(v: PortalView, c: string | null): SafeHtml {
  if (!c) return html`<span class="env-badge env-none">—</span>`;
  return html`<span class="env-badge" style="background:${CLASS_COLOR[c]};color:${CLASS_INK}"
    >${v.t.env.classLabel(c)}</span
  >`;
}

const change = (v: PortalView, n: number | null) =>
  n === null
    ? '—'
    : n > 0
      ? html`<span title="${v.t.env.better}">↑${n}</span>`
      : n < 0
        ? html`<span title="${v.t.env.worse}">↓${-n}</span>`
        : '—';

const SUMMARY_CATEGORY_EN: Record<string, string> = {
  优: 'Excellent',
  良好: 'Good',
  轻度污染: 'Lightly polluted',
  中度污染: 'Moderately polluted',
  重度污染: 'Heavily polluted',
};

export function waterBody(
  v: PortalView,
  data: WaterStatusList,
  fresh: Freshness,
  expectedDays: number,
  newest: string | null,
  links: { section: (id: number) => string },
): SafeHtml {
  const e = v.t.env;
  const level = (l: keyof typeof CONTROL_LEVEL_LABELS) => pick(v, CONTROL_LEVEL_LABELS[l]);
  return html`<section class="env" aria-labelledby="water-title">
    <h1 id="water-title">${e.waterTitle}${data.month ? e.waterMonth(data.month) : ''}</h1>
    ${newest ? freshnessNote(v, e.sampledOn(newest), fresh, e.lateWater(expectedDays)) : html`<p class="env-meta">${e.noData}</p>`}
    <p class="env-meta">${e.waterMethod}</p>
    <div class="env-scroll" tabindex="0">
      <table class="env-table env-key-second">
        <caption>
          ${e.waterCaption}
        </caption>
        <thead>
          <tr>
            <th scope="col">${e.no}</th>
            <th scope="col">${e.sectionName}</th>
            <th scope="col">${e.county}</th>
            <th scope="col">${e.river}</th>
            <th scope="col">${e.controlLevel}</th>
            <th scope="col">${e.attribute}</th>
            <th scope="col">${e.lastYearClass}</th>
            <th scope="col">${e.thisMonthClass}</th>
            <th scope="col">${e.classChange}</th>
            <th scope="col">${e.overIII}</th>
          </tr>
        </thead>
        <tbody>
          ${data.items.map(
            (i, n) =>
              html`<tr>
                <td>${n + 1}</td>
                <th scope="row"><a href="${links.section(i.section.id)}">${zhText(v, i.section.name)}</a></th>
                <td>${zhText(v, i.section.county)}</td>
                <td>${zhText(v, i.section.river)}</td>
                <td>${level(i.section.controlLevel)}</td>
                <td>${i.section.attribute ? zhText(v, i.section.attribute) : '—'}</td>
                <td>${waterClassBadge(v, i.lastYearClass)}</td>
                <td>${waterClassBadge(v, i.latest?.class ?? null)}</td>
                <td>${change(v, i.change)}</td>
                <td>
                  ${
                    i.latest?.limitingFactors
                      .filter((f) => f.multipleOfIII !== undefined)
                      .map((f) => `${pick(v, WATER_STANDARD[f.factor].name)}（${f.multipleOfIII}）`)
                      .join('、') || '—'
                  }
                </td>
              </tr>`,
          )}
        </tbody>
      </table>
    </div>
    <h2>${e.waterSummaryTitle}</h2>
    <div class="env-scroll" tabindex="0">
      <table class="env-table env-key-first">
        <caption>
          ${e.waterSummaryCaption}
        </caption>
        <thead>
          <tr>
            <th scope="col">${e.name}</th>
            <th scope="col">${e.kind}</th>
            <th scope="col">${e.sections}</th>
            <th scope="col">${e.shareIToIII}</th>
            <th scope="col">${e.shareWorseV}</th>
            <th scope="col">${e.status}</th>
          </tr>
        </thead>
        <tbody>
          ${data.summaries.map(
            (s) =>
              html`<tr>
                <th scope="row">${s.kind === 'all' ? e.summaryKind.all : zhText(v, s.name)}</th>
                <td>${e.summaryKind[s.kind]}</td>
                <td>${s.sections}</td>
                <td>${s.shareIToIII}%</td>
                <td>${s.shareWorseThanV}%</td>
                <td>
                  ${s.category ? (v.prefs.lang === 'en' ? (SUMMARY_CATEGORY_EN[s.category] ?? s.category) : s.category) : '—'}
                </td>
              </tr>`,
          )}
        </tbody>
      </table>
    </div>
    <p class="env-note">
      ${e.expectMonthly(expectedDays)}
      ${demoNote(
        v,
        data.items.some((i) => i.section.isDemo),
      )}
    </p>
  </section>`;
}

/** One section's readings over time: the trend, as a table of classes and the main factors. */
export function sectionBody(
  v: PortalView,
  section: WaterSection,
  readings: readonly WaterReading[],
  fresh: Freshness,
  expectedDays: number,
): SafeHtml {
  const e = v.t.env;
  const factors = (['do', 'codmn', 'nh3n', 'tp'] as const).filter((f) =>
    readings.some((r) => r.values[f] !== undefined),
  );
  const newest = readings.at(-1)?.sampledOn ?? null;
  return html`<section class="env" aria-labelledby="section-title">
    <h1 id="section-title">
      ${zhWithin(v, e.sectionTitle(`${section.name}（${section.river}）`), `${section.name}（${section.river}）`)}
    </h1>
    ${newest ? freshnessNote(v, e.sampledOn(newest), fresh, e.lateWater(expectedDays)) : html`<p class="env-meta">${e.noData}</p>`}
    <p class="env-meta">
      ${zhText(v, section.county)} · ${e.sectionLevel(pick(v, CONTROL_LEVEL_LABELS[section.controlLevel]))}
      ${section.targetClass ? html` · ${e.target} ${waterClassBadge(v, section.targetClass)}` : ''}
    </p>
    <div class="env-scroll" tabindex="0">
      <table class="env-table env-key-first">
        <caption>
          ${e.readings}
        </caption>
        <thead>
          <tr>
            <th scope="col">${e.sampleDate}</th>
            <th scope="col">${e.waterClass}</th>
            ${factors.map((f) => html`<th scope="col">${pick(v, WATER_STANDARD[f].name)}</th>`)}
            <th scope="col">${e.limiting}</th>
          </tr>
        </thead>
        <tbody>
          ${[...readings].reverse().map(
            (r) =>
              html`<tr>
                <th scope="row">${r.sampledOn}</th>
                <td>${waterClassBadge(v, r.class)}</td>
                ${factors.map((f) => html`<td>${r.values[f] ?? '—'}</td>`)}
                <td>${r.limitingFactors.map((f) => pick(v, WATER_STANDARD[f.factor].name)).join('、')}</td>
              </tr>`,
          )}
        </tbody>
      </table>
    </div>
    <p class="env-note">${demoNote(v, section.isDemo)}</p>
  </section>`;
}
