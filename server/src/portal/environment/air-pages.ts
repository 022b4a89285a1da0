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
/** Dark text on the light AQI colours (green, yellow, orange), white on the rest: contrast ≥ 4.5:1. */
const ink = (level: number | null) => (level !== null && level >= 4 ? '#fff' : '#1f2d24');

export function aqiBadge(aqi: number | null, level: number | null, category: string | null): SafeHtml {
  if (aqi === null || level === null) return html`<span class="env-badge env-none">无数据</span>`;
  const color = AQI_LEVELS[level - 1]!.color;
  return html`<span class="env-badge" style="background:${color};color:${ink(level)}"
    >${aqi} <small>${category}</small></span
  >`;
}

const primary = (p: readonly AqiPollutant[]) =>
  p.length ? p.map((x) => POLLUTANT_LABEL[x]).join('、') : '—';

export function airNowBody(data: AirNow, links: { history: (id: number) => string }): SafeHtml {
  return html`<section class="env" aria-labelledby="air-now-title">
    <h1 id="air-now-title">空气质量实时发布</h1>
    <p class="env-meta">
      ${data.latestHour ? html`数据时间：${data.latestHour.replace('T', ' ')}（北京时间，每小时更新）` : '暂无监测数据'}
    </p>
    <table class="env-table env-cards">
      <caption>
        各监测站点最新小时空气质量指数（AQI，HJ 633-2012）
      </caption>
      <thead>
        <tr>
          <th scope="col">站点</th>
          <th scope="col">区县</th>
          <th scope="col">AQI 与类别</th>
          <th scope="col">首要污染物</th>
          <th scope="col">PM₂.₅</th>
          <th scope="col">PM₁₀</th>
          <th scope="col">O₃</th>
          <th scope="col">健康提示与建议</th>
        </tr>
      </thead>
      <tbody>
        ${data.items.map(
          (i) =>
            html`<tr>
              <th scope="row"><a href="${links.history(i.station.id)}">${i.station.name}</a></th>
              <td data-label="区县">${i.station.county}</td>
              <td>
                ${aqiBadge(i.reading?.aqi ?? null, i.reading?.level ?? null, i.reading?.category ?? null)}
              </td>
              <td data-label="首要污染物">${primary(i.reading?.primaryPollutants ?? [])}</td>
              <td data-label="PM₂.₅">${num(i.reading?.pm25 ?? null)}</td>
              <td data-label="PM₁₀">${num(i.reading?.pm10 ?? null)}</td>
              <td data-label="O₃">${num(i.reading?.o3 ?? null)}</td>
              <td data-label="健康提示">
                ${i.advice ? html`${i.healthEffect?.zh}。<strong>${i.advice.zh}。</strong>` : '—'}
              </td>
            </tr>`,
        )}
      </tbody>
    </table>
    <p class="env-note">单位：μg/m³（CO 为 mg/m³）。${demoNote(data.items.some((i) => i.station.isDemo))}</p>
    ${levelLegend()}
  </section>`;
}

export function levelLegend(): SafeHtml {
  return html`<ul class="env-legend" aria-label="AQI 分级">
    ${AQI_LEVELS.map(
      (l, i) =>
        html`<li>
          <span class="env-swatch" style="background:${l.color}"></span
          >${i === 5 ? '>300' : `${i === 0 ? 0 : AQI_LEVELS[i - 1]!.upTo + 1}–${l.upTo}`} ${l.category.zh}
        </li>`,
    )}
  </ul>`;
}

export const demoNote = (demo: boolean) => (demo ? html`<strong>演示数据，非真实监测结果。</strong>` : '');

/** Daily AQI as bars coloured by level: readable without JavaScript, with the numbers in a table below. */
export function aqiBarChart(days: readonly AirDailyReading[], title: string): SafeHtml {
  const w = 720;
  const h = 220;
  const pad = 30;
  const max = Math.max(150, ...days.map((d) => d.aqi ?? 0));
  const bw = days.length ? (w - pad) / days.length : 0;
  const y = (v: number) => h - pad - ((h - 2 * pad) * v) / max;
  return html`<figure class="env-chart">
    <svg viewBox="0 0 ${w} ${h}" role="img" aria-label="${title}" width="100%">
      ${[50, 100, 150, 200, 300]
        .filter((v) => v <= max)
        .map(
          (v) =>
            html`<line x1="${pad}" x2="${w}" y1="${y(v)}" y2="${y(v)}" stroke="#dce6df" /><text
                x="0"
                y="${y(v) + 4}"
                font-size="10"
                >${v}</text
              >`,
        )}
      ${days.map((d, i) =>
        d.aqi === null
          ? ''
          : html`<rect
              x="${pad + i * bw + 1}"
              y="${y(d.aqi)}"
              width="${Math.max(1, bw - 2)}"
              height="${h - pad - y(d.aqi)}"
              fill="${d.color ?? '#ccc'}"
              ><title>${d.date} AQI ${d.aqi} ${d.category ?? ''}</title></rect
            >`,
      )}
      <line x1="${pad}" x2="${w}" y1="${h - pad}" y2="${h - pad}" stroke="#5b6b60" />
      ${days.length ? html`<text x="${pad}" y="${h - 10}" font-size="10">${days[0]!.date}</text><text x="${w - 70}" y="${h - 10}" font-size="10">${days[days.length - 1]!.date}</text>` : ''}
    </svg>
    <figcaption>${title}</figcaption>
  </figure>`;
}

export function airHistoryBody(h: AirHistory, good: GoodDays | null): SafeHtml {
  const title = `${h.station.name} ${h.from} 至 ${h.to} 日均空气质量指数`;
  const cols: Array<[keyof AirDailyReading, string]> = [
    ['pm25', 'PM₂.₅'],
    ['pm10', 'PM₁₀'],
    ['so2', 'SO₂'],
    ['no2', 'NO₂'],
    ['co', 'CO'],
    ['o3_8h', 'O₃-8h'],
  ];
  return html`<section class="env" aria-labelledby="air-history-title">
    <h1 id="air-history-title">${h.station.name}空气质量历史数据</h1>
    <form class="env-filter" method="get">
      <label>开始日期 <input type="date" name="from" value="${h.from}" /></label>
      <label>结束日期 <input type="date" name="to" value="${h.to}" /></label>
      <button type="submit">查询</button>
    </form>
    ${aqiBarChart(h.daily, title)}
    <script type="application/json" data-chart="aqi-daily">
      ${jsonIsland(h.daily.map((d) => [d.date, d.aqi, d.color]))}
    </script>
    <table class="env-table">
      <caption>
        ${title}（浓度单位 μg/m³，CO 为 mg/m³）
      </caption>
      <thead>
        <tr>
          <th scope="col">日期</th>
          <th scope="col">AQI 与类别</th>
          <th scope="col">首要污染物</th>
          ${cols.map(([, l]) => html`<th scope="col">${l}</th>`)}
        </tr>
      </thead>
      <tbody>
        ${h.daily.map(
          (d) =>
            html`<tr>
              <th scope="row">${d.date}</th>
              <td data-label="AQI">${aqiBadge(d.aqi, d.level, d.category)}</td>
              <td>${primary(d.primaryPollutants)}</td>
              ${cols.map(([k]) => html`<td>${num(d[k] as number | null)}</td>`)}
            </tr>`,
        )}
      </tbody>
    </table>
    ${good ? goodDaysBody(good) : ''} ${demoNote(h.station.isDemo)}
  </section>`;
}

export function goodDaysBody(g: GoodDays): SafeHtml {
  const pct = (v: number | null) => (v === null ? '—' : `${v}%`);
  return html`<section class="env" aria-labelledby="good-days-title">
    <h2 id="good-days-title">${g.scope} ${g.year} 年优良天数比例</h2>
    <p class="env-meta">
      全年（至今）${g.total.goodDays} / ${g.total.days}
      天，${pct(g.total.share)}${g.lastYear ? html`；上年同期 ${pct(g.lastYear.share)}` : ''}
    </p>
    <table class="env-table">
      <caption>
        按月统计（AQI ≤ 100 为优良）
      </caption>
      <thead>
        <tr>
          <th scope="col">月份</th>
          <th scope="col">有效天数</th>
          <th scope="col">优良天数</th>
          <th scope="col">优良天数比例</th>
          ${AQI_LEVELS.map((l) => html`<th scope="col">${l.category.zh}</th>`)}
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
                ${pct(m.share)}
              </td>
              ${m.byLevel.map((n) => html`<td>${n}</td>`)}
            </tr>`,
        )}
      </tbody>
    </table>
  </section>`;
}
