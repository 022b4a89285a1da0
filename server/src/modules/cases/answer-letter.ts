// The answer letter of an information request (政府信息公开申请答复书) in official-document layout: the
// one GB/T 9704 generator of the bulletins and interview notices (modules/bulletins/official-document),
// filled from the case — its receipt, any approved extension, the answer type of 条例 art. 36 with what
// it must say, the handler's reply and the remedies (decision 144).
import {
  INFO_DELIVERY_LABELS,
  INFO_FORM_LABELS,
  chinaDate,
  chineseDate,
  type InfoAnswerType,
} from '@greenvoice/common';
import type { OfficialDocument } from '../bulletins/official-document-on-demand.ts';
import type { CaseRow } from './cases-present.ts';

/** 常州市生态环境局 → 常州市; 武陵区环境保护局 → 武陵区 */
const areaOf = (bureau: string) => bureau.replace(/(生态环境局|环境保护局|环保局)$/, '');

/** 常环信复: the first character of the bureau's area + 环信复 (decision 144) */
export const answerPrefixOf = (bureau: string) => `${areaOf(bureau).slice(0, 1)}环信复`;

const BASIS: Record<InfoAnswerType, (basis: string) => string> = {
  alreadyPublic: (b) =>
    `经审查，你申请获取的政府信息本机关已经主动公开。根据《中华人民共和国政府信息公开条例》第三十六条第（一）项的规定，现告知你获取该政府信息的方式和途径：${b}`,
  disclosed: () =>
    '经审查，你申请获取的政府信息属于公开范围。根据《中华人民共和国政府信息公开条例》第三十六条第（二）项的规定，本机关决定予以公开。',
  partlyDisclosed: (b) =>
    `经审查，你申请获取的政府信息中部分内容不予公开。根据《中华人民共和国政府信息公开条例》第三十七条的规定，本机关对可以公开的部分予以公开，对不予公开的部分说明理由如下：${b}`,
  notDisclosed: (b) =>
    `经审查，你申请获取的政府信息依法不予公开。根据《中华人民共和国政府信息公开条例》第三十六条第（三）项的规定，理由和依据如下：${b}`,
  doesNotExist: () =>
    '经检索查找，本机关未制作或者获取你申请的政府信息。根据《中华人民共和国政府信息公开条例》第三十六条第（四）项的规定，告知你该政府信息不存在。',
  notThisAgency: (b) =>
    `经审查，你申请获取的政府信息不属于本机关负责公开。根据《中华人民共和国政府信息公开条例》第三十六条第（五）项的规定，告知你该政府信息的负责公开机关：${b}`,
  repeatRequest: () =>
    '经审查，你已就相同政府信息提出过公开申请，本机关已依法作出答复，你重复申请的内容未提出新的理由。根据《中华人民共和国政府信息公开条例》第三十六条第（六）项的规定，本机关不予重复处理。',
  otherChannel: (b) =>
    `经审查，你提出的事项不属于政府信息公开申请。根据《中华人民共和国政府信息公开条例》第三十九条的规定，告知你办理渠道：${b}`,
};

const withStop = (s: string) => (/[。！？；]$/.test(s) ? s : `${s}。`);

export function answerLetter(
  c: Pick<
    CaseRow,
    | 'tracking_number'
    | 'received_on'
    | 'description'
    | 'extension_days'
    | 'extension_reason'
    | 'answer_type'
    | 'answer_basis'
    | 'reply_text'
    | 'replied_at'
    | 'info_form'
    | 'info_delivery'
  >,
  o: { bureau: string; applicant: string | null; number: number },
): OfficialDocument {
  const year = Number(chinaDate(c.replied_at ?? '').slice(0, 4));
  const prefix = answerPrefixOf(o.bureau);
  const asked = c.description.split('\n\n【补正')[0]!.trim();
  const body = [
    `本机关于${chineseDate(c.received_on)}收到你通过本机关门户网站提出的政府信息公开申请（申请编号：${c.tracking_number}），申请获取“${asked.replace(/[。\s]+$/, '')}”的政府信息。`,
  ];
  if (c.extension_days > 0)
    body.push(
      `因${(c.extension_reason ?? '').replace(/[。\s]+$/, '')}，经本机关政府信息公开工作机构负责人同意，答复期限延长${c.extension_days}个工作日，并已告知你。`,
    );
  if (c.answer_type) body.push(withStop(BASIS[c.answer_type](c.answer_basis?.trim() ?? '')));
  for (const p of (c.reply_text ?? '').split(/\n+/).map((s) => s.trim())) if (p) body.push(withStop(p));
  if (c.answer_type === 'disclosed' || c.answer_type === 'partlyDisclosed')
    body.push(
      `按你申请的形式，该政府信息以${INFO_FORM_LABELS[c.info_form ?? 'electronic'].zh}形式、${INFO_DELIVERY_LABELS[c.info_delivery ?? 'online'].zh}方式提供。`,
    );
  body.push(
    `如对本答复不服，可以自收到本答复之日起六十日内向${areaOf(o.bureau)}人民政府申请行政复议，或者自收到本答复之日起六个月内依法向人民法院提起行政诉讼。`,
    '特此告知。',
  );
  return {
    issuer: o.bureau,
    docNumber: `${prefix}〔${year}〕${o.number}号`,
    title: '政府信息公开申请答复书',
    addressee: `${o.applicant ?? '申请人'}：`,
    body,
    date: chineseDate(chinaDate(c.replied_at ?? '')),
    printedBy: `${o.bureau}办公室`,
  };
}
