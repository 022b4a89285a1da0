// The portal's 新媒体矩阵 page (docs/new-media.md): every account not deregistered, grouped by unit, with
// platform, name, QR code (its text alternative: the account's name and id), description and last
// update, and the latest month's WCI ranking. Plain HTML: complete without JavaScript.
import type { ColumnMeta } from '../layout/meta-tags.ts';
import { CHANNEL_COLUMN_TYPES, MEDIA_PLATFORM_LABELS, WCI_VERSION } from '@greenvoice/common';
import type { MediaBoardService } from '../../modules/media/media-board.service.ts';
import { html } from '../html.ts';
import { renderLayout, type PortalView } from '../layout/layout.ts';
import type { Rendered } from '../portal-deps.ts';

const COLUMN: ColumnMeta = {
  name: '新媒体矩阵',
  description: '全市环保系统政务新媒体账号与传播指数',
  keywords: '新媒体,微信公众号,微博,传播指数',
  type: CHANNEL_COLUMN_TYPES.media,
};

export async function renderMediaMatrix(
  media: Pick<MediaBoardService, 'publicMatrix'>,
  v: PortalView,
): Promise<Rendered> {
  const m = await media.publicMatrix(null);
  const r = m.ranking;
  // the page's own words in the visitor's language; names, ids and descriptions stay as registered
  const say = (zh: string, en: string) => (v.prefs.lang === 'en' ? en : zh);
  const body = html`<h1>${say('新媒体矩阵', 'New-media matrix')}</h1>
    <p>
      ${say('全市环保系统政务新媒体账号一览。扫描二维码或点击账号名称关注。', 'The government new-media accounts of the city’s environmental bureaus. Scan a QR code or follow the account’s link.')}
    </p>
    ${
      r && r.items.length
        ? html`<section aria-labelledby="wci">
            <h2 id="wci">
              ${say(`${r.month.slice(0, 4)}年${Number(r.month.slice(5))}月微信传播指数排行（WCI ${WCI_VERSION}）`, `WeChat communication index, ${r.month} (WCI ${WCI_VERSION})`)}
            </h2>
            <div class="env-scroll" tabindex="0" role="region" aria-labelledby="wci">
              <table class="env-table media-ranking">
                <caption>
                  ${say(`按 WCI ${WCI_VERSION} 计算，统计周期按 30 天；标 * 的指数缺少部分数据`, `WCI ${WCI_VERSION} over 30 days; * marks an index with some inputs missing`)}
                </caption>
                <thead>
                  <tr>
                    <th scope="col" class="num">${say('排名', 'Rank')}</th>
                    <th scope="col">${say('公众号（单位）', 'Account (unit)')}</th>
                    <th scope="col" class="num">${say('发文', 'Articles')}</th>
                    <th scope="col" class="num">${say('阅读', 'Reads')}</th>
                    <th scope="col" class="num">WCI</th>
                  </tr>
                </thead>
                <tbody>
                  ${r.items.map(
                    (i) =>
                      html`<tr>
                        <td class="num">${i.rank}</td>
                        <th scope="row">${i.accountName}<br /><small>${i.unitName}</small></th>
                        <td class="num">${i.articles}</td>
                        <td class="num">${i.reads.toLocaleString('en-US')}</td>
                        <td class="num">${i.wci.toFixed(2)}${i.partial ? '*' : ''}</td>
                      </tr>`,
                  )}
                </tbody>
              </table>
            </div>
            ${r.noIndex.length ? html`<p>${say('本月无发文、无指数：', 'No article this month, so no index: ')}${r.noIndex.map((n) => n.accountName).join('、')}</p>` : ''}
          </section>`
        : ''
    }
    <section aria-labelledby="accounts">
      <h2 id="accounts">${say('账号一览', 'All accounts')}</h2>
      ${m.groups.map(
        (g) =>
          html`<h3>${g.unitName}</h3>
            <ul class="media-accounts">
              ${g.accounts.map(
                (a) =>
                  html`<li>
                    ${a.link ? html`<img src="/media/qr/${a.id}.svg" width="96" height="96" alt="${say(`${a.name}（${a.platform_id}）二维码`, `QR code of ${a.name} (${a.platform_id})`)}" loading="lazy" />` : ''}
                    <div>
                      <strong
                        >${a.link ? html`<a href="${a.link}" rel="noopener">${a.name}</a>` : a.name}</strong
                      ><br />
                      ${say(MEDIA_PLATFORM_LABELS[a.platform].zh, MEDIA_PLATFORM_LABELS[a.platform].en)} ·
                      ${a.platform_id}${a.state === 'stopped' ? say(' · 已停更', ' · stopped') : ''}<br />
                      ${a.description ? html`<span>${a.description}</span><br />` : ''}
                      <small
                        >${say('最近更新：', 'Last update: ')}${a.lastPostOn ?? say('暂无', 'none')}</small
                      >
                    </div>
                  </li>`,
              )}
            </ul>`,
      )}
    </section>`;
  return {
    html: renderLayout(
      v,
      {
        title: say('新媒体矩阵', 'New-media matrix'),
        column: COLUMN,
        activeChannel: 'xmtjz',
        breadcrumb: [{ label: say('新媒体矩阵', 'New-media matrix') }],
      },
      body,
    ),
    tags: null,
  };
}
