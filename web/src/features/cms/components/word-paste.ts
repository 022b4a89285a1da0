// Word puts lists on the clipboard as paragraphs styled `mso-list:l0 level1` with the number or bullet
// typed into the text, not as <ol>/<ul>. This turns them into real nested lists before the editor sees
// them, so a pasted notice keeps its structure (headings and tables Word already sends as such). Pure
// string work: it runs the same in the browser and in the unit tests.

interface ListPara {
  list: string;
  level: number;
  ordered: boolean;
  html: string;
}

const PARA = /<p\b([^>]*)>([\s\S]*?)<\/p>/gi;
const MSO_LIST = /mso-list:\s*(l\d+)\s+level(\d+)/i;
// the marker Word types in front of a list paragraph, wrapped in conditional comments
const MARKER = /<!(?:--)?\[if !supportLists\](?:--)?>([\s\S]*?)<!(?:--)?\[endif\](?:--)?>/i;
const BULLETS = /^[·•▪■□◆◇○●o§Ø✓\-–—\u2022\uf0a7\uf0b7\uf076\uf0d8]$/;

const text = (html: string) =>
  html
    .replace(/<[^>]+>/g, '')
    .replace(/&nbsp;/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();

function listParagraph(attrs: string, inner: string): ListPara | null {
  const m = MSO_LIST.exec(attrs);
  if (!m) return null;
  const marker = MARKER.exec(inner);
  const markerText = marker ? text(marker[1] ?? '') : '';
  return {
    list: m[1]!,
    level: Number(m[2]),
    ordered: markerText !== '' && !BULLETS.test(markerText),
    html: inner
      .replace(MARKER, '')
      .replace(/<o:p>[\s\S]*?<\/o:p>/gi, '')
      .trim(),
  };
}

function renderList(items: ListPara[]): string {
  let out = '';
  const open: ListPara[] = [];
  const tag = (p: ListPara) => (p.ordered ? 'ol' : 'ul');
  for (const item of items) {
    while (open.length && open[open.length - 1]!.level > item.level) out += `</li></${tag(open.pop()!)}>`;
    const top = open[open.length - 1];
    if (!top || top.level < item.level) {
      out += `<${tag(item)}><li>${item.html}`;
      open.push(item);
    } else out += `</li><li>${item.html}`;
  }
  while (open.length) out += `</li></${tag(open.pop()!)}>`;
  return out;
}

/** Word's clipboard HTML with its list paragraphs turned into <ol>/<ul>; other HTML is unchanged. */
export function wordListsToHtml(pasted: string): string {
  // The article's title is the page's only h1: Word's Heading 1 becomes the body's top level, h2.
  const html = pasted.replace(/<(\/?)h1\b/gi, '<$1h2');
  if (!/mso-list/i.test(html)) return html;
  let out = '';
  let last = 0;
  let run: ListPara[] = [];
  let runEnd = 0;
  const flush = () => {
    if (run.length) out += renderList(run);
    run = [];
  };
  for (const m of html.matchAll(PARA)) {
    const para = listParagraph(m[1] ?? '', m[2] ?? '');
    const between = html.slice(last, m.index);
    if (para && run.length && between.trim() === '') {
      run.push(para);
    } else {
      flush();
      out += html.slice(runEnd, m.index);
      if (para) run.push(para);
      else out += m[0];
    }
    last = m.index + m[0].length;
    runEnd = last;
  }
  flush();
  return out + html.slice(runEnd);
}
