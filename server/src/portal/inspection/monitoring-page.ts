// The portal's 监测通报 page (decision 187): the public summary of each published monthly monitoring
// bulletin, newest month first — what the bureau found on its own site and accounts and that the units
// were told to put it right. The bulletin itself goes to the units; only the summary the bureau wrote
// for the public is shown. Plain HTML, complete without JavaScript.
import { CHANNEL_COLUMN_TYPES, chinaDate } from '@greenvoice/common';
import type { MonitoringBulletins } from '../../modules/inspection/monitoring-bulletins.service.ts';
import { html } from '../html.ts';
import { renderLayout, type PortalView } from '../layout/layout.ts';
import type { ColumnMeta } from '../layout/meta-tags.ts';
import type { Rendered } from '../portal-deps.ts';

export const MONITORING_PATH = '/monitoring-bulletins';

const COLUMN: ColumnMeta = {
  name: '监测通报',
  description: '本局政府网站与政务新媒体自查监测情况的月度通报摘要',
  keywords: '监测通报,政府网站,政务新媒体,自查',
  type: CHANNEL_COLUMN_TYPES.notice,
};

export async function renderMonitoringBulletins(
  bulletins: Pick<MonitoringBulletins, 'publicSummaries'>,
  v: PortalView,
  siteId: number,
): Promise<Rendered> {
  const rows = await bulletins.publicSummaries(siteId);
  const say = (zh: string, en: string) => (v.prefs.lang === 'en' ? en : zh);
  const title = say('监测通报', 'Monitoring bulletins');
  const body = html`<h1>${title}</h1>
    <p>
      ${say('本局每天按照《政府网站与政务新媒体检查指标》对门户网站和政务新媒体账号进行自查，每月通报一次。以下是经局领导审定后发布的通报摘要。', 'Every day the bureau checks its own website and new-media accounts against the national indicators, and reports monthly. These are the summaries of the bulletins leadership approved.')}
    </p>
    ${
      rows.length
        ? html`<ul class="list" data-testid="monitoring-bulletins">
            ${rows.map(
              (r) =>
                html`<li>
                  <h2 style="font-size:1.1em;margin-bottom:4px" lang="zh-CN">${r.title}</h2>
                  <p lang="zh-CN">${r.public_summary}</p>
                  <p>
                    <small
                      >${say('发布日期：', 'Published: ')}${r.published_at ? chinaDate(r.published_at) : ''}</small
                    >
                  </p>
                </li>`,
            )}
          </ul>`
        : html`<p>${say('暂无已发布的监测通报。', 'No monitoring bulletin has been published yet.')}</p>`
    }`;
  return {
    html: renderLayout(v, { title, column: COLUMN, breadcrumb: [{ label: title }] }, body),
    // rare and small: read each time rather than emptied through the change feed
    tags: null,
  };
}
