// 公众参与 on the home page: the way in to the forms, following a case and the published replies.
import type { HomeSlot } from '../portal-deps.ts';
import { html, type SafeHtml } from '../html.ts';
import type { PortalView } from '../layout/layout.ts';
import { L } from './case-form-kit.ts';
import { FORM_PATHS, LETTERS_PATH, TRACK_PATH } from './case-pages.ts';
import { CONSULTATIONS_PATH, STATS_PATH } from './consultation-pages.ts';

/** The ways in, as tiles: on the home page and on the 公众参与 channel's page. */
export const interactionTiles = (v: PortalView): SafeHtml =>
  html`<div class="tiles">
    <a class="tile" href="${FORM_PATHS.report}">${L(v, '12369 环保举报', '12369 report')}</a>
    <a class="tile" href="${FORM_PATHS.mailbox}">${L(v, '局长信箱', "Director's mailbox")}</a>
    <a class="tile" href="${FORM_PATHS.consultation}">${L(v, '咨询', 'Consultation')}</a>
    <a class="tile" href="${FORM_PATHS.infoRequest}">${L(v, '依申请公开', 'Information request')}</a>
    <a class="tile" href="${TRACK_PATH}">${L(v, '办理进度查询', 'Follow a case')}</a>
    <a class="tile" href="${LETTERS_PATH}">${L(v, '公开答复', 'Published replies')}</a>
    <a class="tile" href="${CONSULTATIONS_PATH}">${L(v, '意见征集', 'Consultations on drafts')}</a>
    <a class="tile" href="${STATS_PATH}">${L(v, '办理情况统计', 'Monthly statistics')}</a>
    <a class="tile" href="/contest">${L(v, '创意大赛获奖作品', 'Contest winners')}</a>
  </div>`;

export const casesHomeSlot: HomeSlot = {
  id: 'interaction',
  tags: [],
  render: async (v) => ({
    html: html`<div class="panel-head">
        <h2 id="h-interaction">${L(v, '公众参与', 'Public participation')}</h2>
        <a href="/interaction">${v.t.more} ›</a>
      </div>
      ${interactionTiles(v)}`,
  }),
};
