// Environmental quality on the home page and on the 环境质量 channel (issue 11 item 2): the city's
// newest daily AQI with its colour and primary pollutant, the share of good days this year, each water
// section's class this month, and the newest incident releases — each linked to its page. It answers
// null while there is no data at all, so the home page shows no empty box.
import { AQI_LEVELS } from '@greenvoice/common';
import { html, type SafeHtml } from '../html.ts';
import type { PortalView } from '../layout/layout.ts';
import { pick, zhText } from '../layout/lang.ts';
import type { EnvironmentDeps, HomeSlot } from '../portal-deps.ts';
import { aqiInk, primary, sharePct } from './air-pages.ts';
import { dataChannel, TAB_HREF } from './environment-pages.ts';
import { days, earliest, freshness, hours } from './freshness.ts';
import { waterClassBadge } from './water-pages.ts';

export async function environmentSummary(
  env: EnvironmentDeps,
  v: PortalView,
  now: string,
  opts: { more: boolean },
): Promise<{ html: SafeHtml; expiresAt?: number } | null> {
  const { quality, incidents } = env;
  const e = v.t.env;
  const [city, water, newestWater, recent] = await Promise.all([
    quality.cityLatest(),
    quality.waterStatus(),
    quality.latestWaterDate(),
    incidents.list({ pageSize: 3 }),
  ]);
  const sections = water.items.filter((i) => i.latest);
  if (!city && sections.length === 0 && recent.items.length === 0) return null;
  const nowMs = Date.parse(now);
  // the city's daily value is complete the day after: late once two days and the expected delay pass
  const airFresh = freshness(city?.date ?? null, days(2) + hours(env.freshness.airHours), nowMs);
  const waterFresh = freshness(newestWater, days(env.freshness.waterDays), nowMs);
  const good = city ? await quality.goodDays(Number(city.date.slice(0, 4))) : null;
  const a = city?.aqi ?? null;
  const level = a ? AQI_LEVELS[a.level - 1]! : null;
  const channel = dataChannel(v, 'quality');
  const title =
    channel && opts.more
      ? v.prefs.lang === 'en'
        ? channel.name_en || channel.name
        : channel.name
      : e.overviewTitle;
  const body = html`<div class="panel-head">
      <h2 id="h-env">${title}</h2>
      ${channel && opts.more ? html`<a href="/channels/${channel.code}" aria-label="${v.t.more}: ${title}">${v.t.more} ›</a>` : ''}
    </div>
    <div class="env-summary">
      ${
        city
          ? html`<a class="env-card" href="${TAB_HREF.air}">
              <span class="env-card-label">${e.cityAqiToday}</span>
              ${
                a && level
                  ? html`<span class="env-aqi" style="background:${level.color};color:${aqiInk(a.level)}"
                        ><strong>${a.aqi}</strong> ${pick(v, level.category)}</span
                      >
                      <span>${e.primary}：${primary(a.primaryPollutants)}</span>`
                  : html`<span>${e.noData}</span>`
              }
              <span class="env-meta">${e.dataTime(city.date)}</span>
              ${airFresh.late ? html`<span class="env-late">${e.lateAir(env.freshness.airHours)}</span>` : ''}
            </a>`
          : ''
      }
      ${
        good && good.total.days > 0
          ? html`<a class="env-card" href="${TAB_HREF.air}">
              <span class="env-card-label">${e.goodShareYear(String(good.year))}</span>
              <span class="env-big">${sharePct(good.total.share)}</span>
              <span class="env-meta"
                >${e.goodDaysSoFar(good.total.goodDays, good.total.days, sharePct(good.total.share))}</span
              >
            </a>`
          : ''
      }
      ${
        sections.length && water.month
          ? html`<div class="env-card env-card-wide">
              <a class="env-card-label" href="${TAB_HREF.water}">${e.waterThisMonth(water.month)} ›</a>
              <ul class="env-chips">
                ${sections.map(
                  (i) =>
                    html`<li>
                      <a href="/environment/water/${i.section.id}"
                        >${zhText(v, i.section.name)} ${waterClassBadge(v, i.latest!.class)}</a
                      >
                    </li>`,
                )}
              </ul>
              ${waterFresh.late ? html`<span class="env-late">${e.lateWater(env.freshness.waterDays)}</span>` : ''}
            </div>`
          : ''
      }
    </div>
    ${
      recent.items.length
        ? html`<h3 class="env-sub">${e.latestIncidents}</h3>
            <ul class="news-list">
              ${recent.items.map(
                (i) =>
                  html`<li>
                    <span class="item"
                      ><a href="/environment/incidents/${i.id}">${zhText(v, i.title)}</a></span
                    >
                    <time datetime="${i.occurredAt.slice(0, 10)}">${i.occurredAt.slice(0, 10)}</time>
                  </li>`,
              )}
            </ul>`
        : ''
    }`;
  return { html: body, expiresAt: earliest(airFresh.expiresAt, waterFresh.expiresAt) };
}

export function environmentHomeSlot(env: EnvironmentDeps): HomeSlot {
  return {
    id: 'environment',
    tags: ['t:air', 't:water', 't:incidents'],
    render: (v, now) => environmentSummary(env, v, now, { more: true }),
  };
}
