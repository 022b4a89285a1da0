// A plain page around the environment bodies until the portal's own layout lands (another branch builds
// it); at merge the routes hand their bodies to that layout instead and this file goes.
import { SafeHtml, html } from '../html.ts';
import { ENVIRONMENT_CSS } from './environment-styles.ts';

export function standaloneShell(title: string, body: SafeHtml): string {
  return html`<!doctype html>
    <html lang="zh-CN">
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <meta name="ColumnName" content="环境质量" />
        <meta name="ArticleTitle" content="${title}" />
        <title>${title}</title>
        <style>
          body { margin: 0; font-family: 'PingFang SC', 'Microsoft YaHei', 'Noto Sans CJK SC', sans-serif; background: #f4f7f5; }
          header { background: #1f8a4c; color: #fff; padding: 16px 0; }
          header a { color: #fff; margin-right: 20px; text-decoration: none; font-size: 17px; }
          .wrap { max-width: 1200px; margin: 0 auto; padding: 0 20px; }
          main { padding: 24px 20px; }
          ${new SafeHtml(ENVIRONMENT_CSS)}
        </style>
      </head>
      <body>
        <header>
          <nav class="wrap" aria-label="环境信息">
            <a href="/">首页</a><a href="/environment/air">空气质量</a><a href="/environment/water">地表水</a
            ><a href="/environment/enterprises">企业环境信息</a
            ><a href="/environment/incidents">突发环境事件</a><a href="/api/v1/open-data">开放数据</a>
          </nav>
        </header>
        <main class="wrap">${body}</main>
      </body>
    </html>`.value;
}
