// The public portal's placeholder home page (the real portal is its own issue): server-rendered,
// readable without JavaScript, linking staff to the console.
import type { FastifyInstance } from 'fastify';
import type { DB } from '../db/database.ts';
import { html } from './html.ts';

export function portalRoutes(app: FastifyInstance, db: DB) {
  app.get('/', { config: { access: 'public' }, schema: { hide: true } }, async (_req, reply) => {
    const bureau = await db
      .selectFrom('units')
      .select('name')
      .where('parent_id', 'is', null)
      .orderBy('id')
      .executeTakeFirst();
    const demo = await db.selectFrom('settings').select('value').where('key', '=', 'demo').executeTakeFirst();
    const siteName = bureau?.name ?? '绿讯 GreenVoice';
    const page = html`<!doctype html>
      <html lang="zh-CN">
        <head>
          <meta charset="utf-8" />
          <meta name="viewport" content="width=device-width, initial-scale=1" />
          <meta name="SiteName" content="${siteName}" />
          <title>${siteName} — 绿讯</title>
          <style>
            body {
              margin: 0;
              font-family: 'PingFang SC', 'Microsoft YaHei', 'Noto Sans CJK SC', sans-serif;
              color: #1f2d24;
              background: #f4f7f5;
            }
            header {
              background: #1f8a4c;
              color: #fff;
              padding: 28px 0;
            }
            .wrap {
              max-width: 1200px;
              margin: 0 auto;
              padding: 0 24px;
            }
            h1 {
              margin: 0;
              font-size: 28px;
              letter-spacing: 2px;
            }
            header p {
              margin: 6px 0 0;
              opacity: 0.9;
            }
            main {
              padding: 40px 0;
            }
            .card {
              background: #fff;
              border: 1px solid #dce6df;
              border-radius: 6px;
              padding: 28px;
              max-width: 720px;
            }
            .demo {
              background: #fff7e6;
              border: 1px solid #ffd591;
              color: #873800;
              padding: 10px 14px;
              border-radius: 4px;
              margin-bottom: 20px;
            }
            a.button {
              display: inline-block;
              background: #1f8a4c;
              color: #fff;
              padding: 10px 22px;
              border-radius: 4px;
              text-decoration: none;
              font-size: 16px;
            }
            a.button:focus {
              outline: 3px solid #0b4f2a;
              outline-offset: 2px;
            }
            footer {
              color: #5b6b60;
              font-size: 14px;
              padding: 24px 0 40px;
            }
          </style>
        </head>
        <body>
          <header>
            <div class="wrap">
              <h1>${siteName}</h1>
              <p>环境信息宣传与公开 · Environmental information and publicity</p>
            </div>
          </header>
          <main class="wrap">
            <div class="card">
              ${demo ? html`<p class="demo" role="note">演示站点：本站数据为演示数据，仅供体验。Demo site: all data here is demonstration data.</p>` : ''}
              <h2>门户网站建设中</h2>
              <p>通知公告、环境质量、企业环境信息、突发环境事件与公众参与等栏目即将上线。</p>
              <p lang="en">
                The public portal — notices, environmental quality, enterprise information, incidents and
                public participation — is coming soon.
              </p>
              <p><a class="button" href="/admin/">进入工作台 · Staff console</a></p>
            </div>
          </main>
          <footer class="wrap">${siteName} · 绿讯 GreenVoice</footer>
        </body>
      </html>`;
    return reply.type('text/html; charset=utf-8').send(page.value);
  });
}
