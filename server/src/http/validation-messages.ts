// Turns JSON-schema (ajv) validation errors into field errors a person can read, in Chinese and English.
import type { FieldError } from '@greenvoice/common';

interface AjvLikeError {
  keyword: string;
  instancePath: string;
  params: Record<string, unknown>;
  message?: string;
}

export function fieldErrorsFromAjv(errors: readonly AjvLikeError[], part: string): FieldError[] {
  const seen = new Set<string>();
  const out: FieldError[] = [];
  for (const e of errors) {
    // anyOf/oneOf report every branch; the branch errors above them already name the field.
    if (e.keyword === 'anyOf' || e.keyword === 'oneOf') continue;
    let field = e.instancePath || '/';
    if (e.keyword === 'required') field = `${e.instancePath}/${String(e.params.missingProperty)}`;
    if (e.keyword === 'additionalProperties')
      field = `${e.instancePath}/${String(e.params.additionalProperty)}`;
    // Body fields are plain JSON pointers (/mobile); other parts are named: query/page, params/id.
    if (part !== 'body') field = `${part === 'querystring' ? 'query' : part}${field === '/' ? '' : field}`;
    if (seen.has(field)) continue;
    seen.add(field);
    out.push({ field, ...describe(e) });
  }
  return out;
}

function describe(e: AjvLikeError): { message: string; messageEn: string } {
  const p = e.params;
  switch (e.keyword) {
    case 'required':
      return { message: '必填', messageEn: 'is required' };
    case 'additionalProperties':
      return { message: '不允许的字段', messageEn: 'is not an allowed field' };
    case 'type':
      return {
        message: `类型应为 ${typeZh(String(p.type))}`,
        messageEn: `must be of type ${String(p.type)}`,
      };
    case 'minLength':
      return Number(p.limit) === 1
        ? { message: '不能为空', messageEn: 'must not be empty' }
        : {
            message: `至少 ${String(p.limit)} 个字符`,
            messageEn: `must have at least ${String(p.limit)} characters`,
          };
    case 'maxLength':
      return {
        message: `最多 ${String(p.limit)} 个字符`,
        messageEn: `must have at most ${String(p.limit)} characters`,
      };
    case 'minimum':
      return { message: `不能小于 ${String(p.limit)}`, messageEn: `must be at least ${String(p.limit)}` };
    case 'maximum':
      return { message: `不能大于 ${String(p.limit)}`, messageEn: `must be at most ${String(p.limit)}` };
    case 'pattern':
      return { message: '格式不正确', messageEn: 'has the wrong format' };
    case 'format':
      return { message: `格式应为 ${String(p.format)}`, messageEn: `must be a valid ${String(p.format)}` };
    case 'const':
    case 'enum':
      return { message: '不是允许的取值', messageEn: 'is not one of the allowed values' };
    case 'maxItems':
      return {
        message: `最多 ${String(p.limit)} 项`,
        messageEn: `must have at most ${String(p.limit)} items`,
      };
    case 'minItems':
      return {
        message: `至少 ${String(p.limit)} 项`,
        messageEn: `must have at least ${String(p.limit)} items`,
      };
    case 'minProperties':
      return {
        message: `至少填写 ${String(p.limit)} 项`,
        messageEn: `must have at least ${String(p.limit)} entries`,
      };
    case 'uniqueItems':
      return { message: '不能有重复项', messageEn: 'must not contain duplicates' };
    default:
      return { message: '取值不正确', messageEn: e.message ?? 'is invalid' };
  }
}

function typeZh(t: string): string {
  const map: Record<string, string> = {
    string: '文本',
    integer: '整数',
    number: '数字',
    boolean: '布尔值',
    object: '对象',
    array: '数组',
    null: '空',
  };
  return t
    .split(',')
    .map((x) => map[x] ?? x)
    .join('或');
}
