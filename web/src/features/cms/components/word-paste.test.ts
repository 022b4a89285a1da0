import { describe, expect, it } from 'vitest';
import { wordListsToHtml } from './word-paste.ts';

const item = (n: string, level: number, textHtml: string, list = 'l0') =>
  `<p class=MsoListParagraphCxSpMiddle style='text-indent:-18.0pt;mso-list:${list} level${level} lfo1'><!--[if !supportLists]--><span style='mso-list:Ignore'>${n}<span style='font:7.0pt "Times New Roman"'>&nbsp;&nbsp; </span></span><!--[endif]-->${textHtml}<o:p></o:p></p>`;

describe("Word's list paragraphs become real lists", () => {
  it('numbered items become an ordered list', () => {
    const html = `<h1>一、总体目标</h1>${item('1.', 1, '营造格局')}\n${item('2.', 1, '<b>围绕中心</b>')}<p class=MsoNormal>正文</p>`;
    expect(wordListsToHtml(html)).toBe(
      '<h2>一、总体目标</h2><ol><li>营造格局</li><li><b>围绕中心</b></li></ol><p class=MsoNormal>正文</p>',
    );
  });

  it('bullets become an unordered list, and deeper levels nest', () => {
    const html =
      item('·', 1, '进企业') + item('o', 2, '大型企业') + item('o', 2, '中小企业') + item('·', 1, '进学校');
    expect(wordListsToHtml(html)).toBe(
      '<ul><li>进企业<ul><li>大型企业</li><li>中小企业</li></ul></li><li>进学校</li></ul>',
    );
  });

  it('handles the older <![if !supportLists]> form and leaves other HTML alone', () => {
    const old = `<p style='mso-list:l1 level1 lfo2'><![if !supportLists]><span>（一）</span><![endif]>第一项</p>`;
    expect(wordListsToHtml(old)).toBe('<ol><li>第一项</li></ol>');
    const plain = '<p>没有列表</p><table><tr><td>1</td></tr></table>';
    expect(wordListsToHtml(plain)).toBe(plain);
    expect(wordListsToHtml('<h1 class=x>标题</h1>')).toBe('<h2 class=x>标题</h2>');
  });
});
