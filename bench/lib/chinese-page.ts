// The reference page: about 20 KB of Chinese HTML, like a portal article.
const PARAGRAPH =
  '常德市生态环境局发布本市环境空气质量状况：全市城区环境空气质量优良天数比例同比上升，细颗粒物（PM2.5）平均浓度同比下降。';

export function chinesePage(targetBytes = 20 * 1024): Buffer {
  const head =
    '<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>环境信息公开</title></head><body><main>';
  const tail = '</main></body></html>';
  let body = '';
  while (Buffer.byteLength(head + body + tail) < targetBytes) body += `<p>${PARAGRAPH}</p>\n`;
  return Buffer.from(head + body + tail);
}
