// The allow-list against an XSS corpus (OWASP filter-evasion cheat sheet and browser quirks) and
// against Word's pasted HTML: what survives is harmless, and headings, lists and tables survive.
import { describe, expect, it } from 'vitest';
import { articleHtmlToText, sanitizeArticleHtml } from './sanitize-article-html.ts';

const XSS_CORPUS = [
  '<script>alert(1)</script>',
  '<SCRIPT SRC=http://xss.rocks/xss.js></SCRIPT>',
  '<IMG SRC="javascript:alert(\'XSS\');">',
  '<IMG SRC=javascript:alert(&quot;XSS&quot;)>',
  '<IMG SRC=`javascript:alert("RSnake says, \'XSS\'")`>',
  '<IMG """><SCRIPT>alert("XSS")</SCRIPT>">',
  '<IMG SRC=# onmouseover="alert(\'xxs\')">',
  '<IMG SRC=/ onerror="alert(String.fromCharCode(88,83,83))"></img>',
  '<img src=x onerror="&#0000106&#0000097&#0000118&#0000097&#0000115&#0000099&#0000114&#0000105&#0000112&#0000116&#0000058&#0000097&#0000108&#0000101&#0000114&#0000116&#0000040&#0000039&#0000088&#0000083&#0000083&#0000039&#0000041">',
  '<a href="jav&#x09;ascript:alert(1)">x</a>',
  '<a href="&#106;&#97;&#118;&#97;&#115;&#99;&#114;&#105;&#112;&#116;&#58;alert(1)">x</a>',
  '<a href=" javascript:alert(1)">x</a>',
  '<a href="JaVaScRiPt:alert(1)">x</a>',
  '<a href="data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==">x</a>',
  '<a href="vbscript:msgbox(1)">x</a>',
  '<a href="//evil.example/x">protocol-relative</a>',
  '<svg/onload=alert(1)>',
  '<svg><script>alert(1)</script></svg>',
  '<math><mtext><table><mglyph><style><img src=x onerror=alert(1)></style></mglyph></table></mtext></math>',
  "<BODY ONLOAD=alert('XSS')>",
  '<iframe src="javascript:alert(1)"></iframe>',
  '<IFRAME SRC=# onmouseover="alert(document.cookie)"></IFRAME>',
  '<object data="javascript:alert(1)"></object>',
  '<embed src="data:image/svg+xml;base64,PHN2Zz48c2NyaXB0PmFsZXJ0KDEpPC9zY3JpcHQ+PC9zdmc+">',
  '<form action="javascript:alert(1)"><button>x</button></form>',
  '<input autofocus onfocus=alert(1)>',
  '<details open ontoggle=alert(1)>',
  '<div style="background:url(javascript:alert(1))">x</div>',
  '<p style="width: expression(alert(1))">x</p>',
  '<p style="text-align:center;behavior:url(x.htc)">x</p>',
  "<STYLE>@import'http://xss.rocks/xss.css';</STYLE>",
  '<LINK REL="stylesheet" HREF="javascript:alert(\'XSS\');">',
  '<META HTTP-EQUIV="refresh" CONTENT="0;url=javascript:alert(1);">',
  '<BASE HREF="javascript:alert(\'XSS\');//">',
  '<TABLE BACKGROUND="javascript:alert(\'XSS\')"><TD BACKGROUND="javascript:alert(\'XSS\')">x</TD></TABLE>',
  '<p><a href="https://ok.example" onclick="alert(1)" target="_blank">ok</a></p>',
  "<!--[if gte IE 4]><SCRIPT>alert('XSS');</SCRIPT><![endif]-->",
  '<noscript><p title="</noscript><img src=x onerror=alert(1)>">',
  '<template><script>alert(1)</script></template>',
  '<img src="http://evil.example/track.png">',
  '<img src="/portal/images/../../api/v1/x.png">',
  '<xmp><script>alert(1)</script></xmp>',
  '"><script>alert(1)</script>',
  '<scr<script>ipt>alert(1)</scr</script>ipt>',
];

const DANGER =
  /<(script|iframe|object|embed|svg|math|style|link|meta|base|form|input|body|details|template)\b|\son\w+\s*=|javascript:|vbscript:|data:|expression\(|behavior:|url\(|href="\/\//i;

describe('article HTML allow-list', () => {
  it.each(XSS_CORPUS)('neutralises %s', (payload) => {
    const out = sanitizeArticleHtml(`<p>before</p>${payload}<p>after</p>`);
    expect(out).not.toMatch(DANGER);
    expect(out).toContain('before');
    // sanitising is stable: cleaning the clean output changes nothing
    expect(sanitizeArticleHtml(out)).toBe(out);
  });

  it('keeps what a notice needs: headings, lists, tables, alignment, local images, safe links', () => {
    const out = sanitizeArticleHtml(
      '<h1>一、总体目标</h1><h3 style="text-align:center;color:red">标题</h3><ol><li>甲</li><li>乙</li></ol><ul><li>丙</li></ul>' +
        '<table><thead><tr><th colspan="2">项目</th></tr></thead><tbody><tr><td rowspan="2" style="text-align:right">分值</td><td>10</td></tr></tbody></table>' +
        '<p style="text-align:right">常德市环境保护局</p><img src="/portal/images/abcdefghijklmnopqrstuvwx.png" alt="图">' +
        '<a href="https://www.mee.gov.cn/">生态环境部</a>',
    );
    expect(out).toContain('<h2>一、总体目标</h2>');
    expect(out).toContain('<h3 style="text-align:center">标题</h3>');
    expect(out).toContain('<ol><li>甲</li><li>乙</li></ol><ul><li>丙</li></ul>');
    expect(out).toContain('<th colspan="2">项目</th>');
    expect(out).toContain('<td rowspan="2" style="text-align:right">分值</td>');
    expect(out).toContain('<p style="text-align:right">常德市环境保护局</p>');
    expect(out).toContain('<img src="/portal/images/abcdefghijklmnopqrstuvwx.png" alt="图" />');
    expect(out).toContain('<a href="https://www.mee.gov.cn/" rel="noopener noreferrer">生态环境部</a>');
  });

  it("drops Word's wrappers and office namespaces but keeps the text", () => {
    const word =
      '<html xmlns:o="urn:schemas-microsoft-com:office:office"><head><style>p.MsoNormal{}</style></head><body>' +
      '<p class="MsoNormal"><span lang="EN-US" style="font-family:宋体">各区县市环保局<o:p></o:p></span></p>' +
      '<!--[if !supportLists]--><p class="MsoListParagraph">列表项</p></body></html>';
    expect(sanitizeArticleHtml(word)).toBe('<p>各区县市环保局</p><p>列表项</p>');
  });

  it('gives plain text for search and descriptions', () => {
    expect(articleHtmlToText('<h2>标题</h2><p>甲 &amp; 乙</p><ul><li>丙</li></ul>')).toBe(
      '标题\n甲 & 乙\n丙',
    );
  });
});
