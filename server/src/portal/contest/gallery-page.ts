// The portal's 创意大赛获奖作品 page (docs/contest.md "Gallery"): each locked contest's awarded works with
// their photo (text alternative: category, title, award), title, category, age group, award and school;
// students' names only with the school's consent. Plain HTML: complete without JavaScript.
import { CHANNEL_COLUMN_TYPES } from '@greenvoice/common';
import type { ContestGallery } from '../../modules/contest/contest-gallery.ts';
import { html } from '../html.ts';
import { renderLayout, type PortalView } from '../layout/layout.ts';
import type { Rendered } from '../portal-deps.ts';

export const GALLERY_PATH = '/contest';
const COLUMN = {
  name: '创意大赛获奖作品',
  description: '学校环保创意大赛获奖作品展示',
  keywords: '环保创意大赛,六五环境日,获奖作品',
  type: CHANNEL_COLUMN_TYPES.participation,
};

export async function renderGallery(
  gallery: Pick<ContestGallery, 'publicGallery'>,
  v: PortalView,
): Promise<Rendered> {
  const contests = await gallery.publicGallery();
  const body = html`<h1>学校环保创意大赛获奖作品</h1>
    ${contests.length ? '' : html`<p>获奖名单审定后在此公布。</p>`}
    ${contests.map(
      (c) =>
        html`<section aria-labelledby="contest-${c.year}">
          <h2 id="contest-${c.year}">${c.year}年${c.title}（主题：${c.theme}）</h2>
          <p>颁奖日期：${c.galaOn}</p>
          <ul style="list-style:none;padding:0;display:flex;flex-wrap:wrap;gap:16px">
            ${c.works.map(
              (w) =>
                html`<li style="flex:1 1 260px;max-width:360px;border:1px solid #e5e5e5;padding:12px">
                  ${w.photo ? html`<img src="${w.photo.url}" alt="${w.photo.alt}" style="max-width:100%;height:auto" loading="lazy" />` : ''}
                  <h3>${w.title}</h3>
                  <p>
                    <strong>${w.award}</strong> · ${w.category} · ${w.ageGroup}<br />
                    ${w.school}${w.students ? html`<br />作者：${w.students}` : ''}
                  </p>
                </li>`,
            )}
          </ul>
        </section>`,
    )}`;
  return {
    html: renderLayout(
      v,
      {
        title: '创意大赛获奖作品',
        column: COLUMN,
        breadcrumb: [{ label: '公众参与', href: '/interaction' }, { label: '创意大赛获奖作品' }],
      },
      body,
    ),
    tags: null,
  };
}
