// Air-quality page bodies: functions from data to HTML, so the portal's layout can wrap them. Every page
// reads fully with JavaScript off: the chart is server-drawn SVG with the same numbers in a table, and
// the data travels beside it as JSON for an ECharts enhancement where the portal loads one.
import {
  AQI_LEVELS,
  type AirDailyReading,
  type AirHistory,
  type AirNow,
  type AqiPollutant,
  type GoodDays,
} from '@greenvoice/common';
import { html, jsonIsland, type SafeHtml } from '../html.ts';
import type { PortalView } from '../layout/layout.ts';
import { pick, zhText, zhWithin } from '../layout/lang.ts';
import type { Freshness } from './freshness.ts';

export const POLLUTANT_LABEL: Record<AqiPollutant, string> = {
  so2: 'SO₂',
  no2: 'NO₂',
  co: 'CO',
  pm10: 'PM₁₀',
  pm25: 'PM₂.₅',
  o3_1h: 'O₃-1h',
  o3_8h: 'O₃-8h',
};

const num = (v: number | null) => (v === null ? '—' : String(v));
/**
 * The standard's colours stay (HJ 633-2012); the text on them is chosen for contrast ≥ 4.5:1 (WCAG
 * 1.4.3): black on green, yellow, orange and red (red with white was 4.0:1), white on purple and maroon.
 */
export const aqiInk = (level: number | null) => (level !== null && level >= 5 ? '#fff' : '#000');

export function aqiBadge(
  v: PortalView,
  aqi: number | null,
  level: number | null,
  _category?: string | null,
): SafeHtml {
  if (aqi === null || level === null) return html`<span class="env-badge env-none">${v.t.env.noData}</span>`;
  const l = AQI_LEVELS[level - 1]!;
  return html`<span class="env-badge" style="background:${l.color};color:${aqiInk(level)}"
    >${aqi} <small>${pick(v, l.category)}</small></span
  >`;
}

export const primary = (p: readonly AqiPollutant[]) =>
  p.length ? p.map((x) => POLLUTANT_LABEL[x]).join('、') : '—';

/** "Data for …" and, once it is late, the plain warning (decision 102). */
export function freshnessNote(v: PortalView, taken: SafeHtml | string, fresh: Freshness, late: string) {
  return html`<p class="env-meta">${taken}</p>
    ${fresh.late ? html`<p class="env-late" role="status">${late}</p>` : ''}`;
}

export function airNowBody(
  v: PortalView,
  data: AirNow,
  fresh: Freshness,
  expectedHours: number,
  links: { history: (id: number) => string },
): SafeHtml {
  const e = v.t.env;
  return html`<section class="env" aria-labelledby="air-now-title">
    <h1 id="air-now-title">${e.airNowTitle}</h1>
    ${
      data.latestHour
        ? freshnessNote(v, e.dataTime(data.latestHour.replace('T', ' ')), fresh, e.lateAir(expectedHours))
        : html`<p class="env-meta">${e.noData}</p>`
    }
    <div class="env-scroll" tabindex="0">
      <table class="env-table env-key-first">
        <caption>
          ${e.airNowCaption}
        </caption>
        <thead>
          <tr>
            <th scope="col">${e.station}</th>
            <th scope="col">${e.county}</th>
            <th scope="col">${e.aqiCategory}</th>
            <th scope="col">${e.primary}</th>
            <th scope="col">PM₂.₅</th>
            <th scope="col">PM₁₀</th>
            <th scope="col">O₃</th>
            <th scope="col">${e.health}</th>
          </tr>
        </thead>
        <tbody>
          ${data.items.map(
            (i) =>
              html`<tr>
                <th scope="row"><a href="${links.history(i.station.id)}">${zhText(v, i.station.name)}</a></th>
                <td>${zhText(v, i.station.county)}</td>
                <td>${aqiBadge(v, i.reading?.aqi ?? null, i.reading?.level ?? null)}</td>
                <td>${primary(i.reading?.primaryPollutants ?? [])}</td>
                <td>${num(i.reading?.pm25 ?? null)}</td>
                <td>${num(i.reading?.pm10 ?? null)}</td>
                <td>${num(i.reading?.o3 ?? null)}</td>
                <td>
                  ${i.advice && i.healthEffect ? html`${pick(v, i.healthEffect)} <strong>${pick(v, i.advice)}</strong>` : '—'}
                </td>
              </tr>`,
          )}
        </tbody>
      </table>
    </div>
    <p class="env-note">
      ${e.units} ${e.expectHourly(expectedHours)}
      ${demoNote(
        v,
        data.items.some((i) => i.station.isDemo),
      )}
    </p>
    ${levelLegend(v)}
  </section>`;
}

export function levelLegend(v: PortalView): SafeHtml {
  return html`<ul class="env-legend" aria-label="${v.t.env.aqiLevels}">
    ${AQI_LEVELS.map(
      (l, i) =>
        html`<li>
          <span class="env-swatch" style="background:${l.color}"></span
          >${i === 5 ? '>300' : `${i === 0 ? 0 : AQI_LEVELS[i - 1]!.upTo + 1}–${l.upTo}`}
          ${pick(v, l.category)}
        </li>`,
    )}
  </ul>`;
}

export const demoNote = (v: PortalView, demo: boolean) =>
  demo ? html`<strong>${v.t.env.demo}</strong>` : '';

/** Daily AQI as bars coloured by level: readable without JavaScript, with the numbers in a table below. */
export function aqiBarChart(
  days: readonly AirDailyReading[],
  title: string,
  caption?: SafeHtml | string,
): SafeHtml {
  const w = 720;
  const h = 220;
  const pad = 30;
  const max = Math.max(150, ...days.map((d) => d.aqi ?? 0));
  const bw = days.length ? (w - pad) / days.length : 0;
  // coordinates to a tenth of a unit (a 720-wide chart): a year's bars in full floats were a third of
  // the page's bytes
  const tenth = (n: number) => Math.round(n * 10) / 10;
  const y = (v: number) => tenth(h - pad - ((h - 2 * pad) * v) / max);
  return html`<figure class="env-chart">
    <svg viewBox="0 0 ${w} ${h}" role="img" aria-label="${title}" width="100%">
      ${[50, 100, 150, 200, 300]
        .filter((v) => v <= max)
        .map(
          (v) =>
            html`<line x1="${pad}" x2="${w}" y1="${y(v)}" y2="${y(v)}" stroke="#dce6df" /><text
                x="0"
                y="${tenth(y(v) + 4)}"
                font-size="10"
                >${v}</text
              >`,
        )}
      ${days.map((d, i) =>
        d.aqi === null
          ? ''
          : html`<rect
              x="${tenth(pad + i * bw + 1)}"
              y="${y(d.aqi)}"
              width="${tenth(Math.max(1, bw - 2))}"
              height="${tenth(h - pad - y(d.aqi))}"
              fill="${d.color ?? '#ccc'}"
              ><title>${d.date} AQI ${d.aqi}</title></rect
            >`,
      )}
      <line x1="${pad}" x2="${w}" y1="${h - pad}" y2="${h - pad}" stroke="#5b6b60" />
      ${days.length ? html`<text x="${pad}" y="${h - 10}" font-size="10">${days[0]!.date}</text><text x="${w - 70}" y="${h - 10}" font-size="10">${days[days.length - 1]!.date}</text>` : ''}
    </svg>
    <figcaption>${caption ?? title}</figcaption>
  </figure>`;
}

export function airHistoryBody(
  v: PortalView,
  h: AirHistory,
  good: GoodDays | null,
  form: { from: string; to: string; error: string | null },
  fresh: Freshness,
  expectedHours: number,
): SafeHtml {
  const e = v.t.env;
  const title = e.historyChart(h.station.name, h.from, h.to);
  const cols: Array<[keyof AirDailyReading, string]> = [
    ['pm25', 'PM₂.₅'],
    ['pm10', 'PM₁₀'],
    ['so2', 'SO₂'],
    ['no2', 'NO₂'],
    ['co', 'CO'],
    ['o3_8h', 'O₃-8h'],
  ];
  const newest = h.daily.at(-1)?.date ?? null;
  return html`<section class="env" aria-labelledby="air-history-title">
    <h1 id="air-history-title">${zhWithin(v, e.historyTitle(h.station.name), h.station.name)}</h1>
    ${newest ? freshnessNote(v, e.dataTime(newest), fresh, e.lateAir(expectedHours)) : ''}
    <form class="env-filter" method="get" ${form.error ? html`aria-describedby="air-history-error"` : ''}>
      <label>${e.from} <input type="date" name="from" value="${form.from}" /></label>
      <label>${e.to} <input type="date" name="to" value="${form.to}" /></label>
      <button type="submit">${e.query}</button>
      ${form.error ? html`<p id="air-history-error" class="form-error" role="alert">${form.error}</p>` : ''}
    </form>
    ${aqiBarChart(h.daily, title, zhWithin(v, title, h.station.name))}
    <script type="application/json" data-chart="aqi-daily">
      ${jsonIsland(h.daily.map((d) => [d.date, d.aqi, d.color]))}
    </script>
    <div class="env-scroll" tabindex="0">
      <table class="env-table env-key-first">
        <caption>
          ${zhWithin(v, title, h.station.name)}（${e.historyUnits}）
        </caption>
        <thead>
          <tr>
            <th scope="col">${e.date}</th>
            <th scope="col">${e.aqiCategory}</th>
            <th scope="col">${e.primary}</th>
            ${cols.map(([, l]) => html`<th scope="col">${l}</th>`)}
          </tr>
        </thead>
        <tbody>
          ${h.daily.map(
            (d) =>
              html`<tr>
                <th scope="row">${d.date}</th>
                <td>${aqiBadge(v, d.aqi, d.level)}</td>
                <td>${primary(d.primaryPollutants)}</td>
                ${cols.map(([k]) => html`<td>${num(d[k] as number | null)}</td>`)}
              </tr>`,
          )}
        </tbody>
      </table>
    </div>
    ${good ? goodDaysBody(v, good) : ''} ${demoNote(v, h.station.isDemo)}
  </section>`;
}

export const sharePct = (x: number | null) => (x === null ? '—' : `${x}%`);

export function goodDaysBody(v: PortalView, g: GoodDays): SafeHtml {
  const e = v.t.env;
  const scope = g.stationId === null ? e.cityScope : g.scope;
  return html`<section class="env" aria-labelledby="good-days-title">
    <h2 id="good-days-title">${zhWithin(v, e.goodDaysTitle(scope, g.year), scope)}</h2>
    <p class="env-meta">
      ${e.goodDaysSoFar(g.total.goodDays, g.total.days, sharePct(g.total.share))}${g.lastYear ? e.lastYearSame(sharePct(g.lastYear.share)) : ''}
    </p>
    <div class="env-scroll" tabindex="0">
      <table class="env-table env-key-first">
        <caption>
          ${e.byMonth}
        </caption>
        <thead>
          <tr>
            <th scope="col">${e.month}</th>
            <th scope="col">${e.validDays}</th>
            <th scope="col">${e.goodDays}</th>
            <th scope="col">${e.goodShare}</th>
            ${AQI_LEVELS.map((l) => html`<th scope="col">${pick(v, l.category)}</th>`)}
          </tr>
        </thead>
        <tbody>
          ${g.months.map(
            (m) =>
              html`<tr>
                <th scope="row">${m.month}</th>
                <td>${m.days}</td>
                <td>${m.goodDays}</td>
                <td>
                  <span class="env-bar" style="width:${m.share ?? 0}px" aria-hidden="true"></span>
                  ${sharePct(m.share)}
                </td>
                ${m.byLevel.map((n) => html`<td>${n}</td>`)}
              </tr>`,
          )}
        </tbody>
      </table>
    </div>
  </section>`;
}
