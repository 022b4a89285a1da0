// Password rules (docs/security-requirements.md §2): length by role, 3 of 4 character classes, no truncation,
// common and context words refused. Shared so the console can say what is wrong before submitting.
import type { Role } from './roles.ts';
import { PRIVILEGED_ROLES } from './roles.ts';

export const PASSWORD_MAX_LENGTH = 128;

export function minPasswordLength(roles: readonly Role[]): number {
  if (roles.some((r) => PRIVILEGED_ROLES.includes(r))) return 15;
  return roles.length > 0 ? 12 : 8;
}

/** Words that make a password guessable here: the bureau, the hotline, the product. */
const CONTEXT_WORDS = [
  'changde',
  'greenvoice',
  'lvxun',
  'huanbao',
  'hbj',
  'sthjj',
  '12369',
  'admin',
  'password',
  'passw0rd',
  'qwerty',
  'abc123',
  '123456',
  '654321',
  '111111',
  '888888',
  '666666',
  'iloveyou',
  'welcome',
  'letmein',
  'woaini',
  'zhangsan',
  'test',
];

export type PasswordProblem =
  | { code: 'TOO_SHORT'; min: number }
  | { code: 'TOO_LONG'; max: number }
  | { code: 'TOO_FEW_CLASSES' }
  | { code: 'CONTAINS_CONTEXT_WORD'; word: string }
  | { code: 'COMMON_PASSWORD' };

/** Simple substitutions people make in a common word (P@ssw0rd): each symbol to the letter it stands for. */
const LEET: Record<string, string> = {
  '@': 'a',
  '4': 'a',
  '8': 'b',
  '(': 'c',
  '3': 'e',
  '6': 'g',
  '9': 'g',
  '1': 'i',
  '!': 'i',
  '|': 'l',
  '0': 'o',
  $: 's',
  '5': 's',
  '7': 't',
  '+': 't',
  '2': 'z',
};
const decodeLeet = (s: string, one: 'i' | 'l') =>
  [...s].map((c) => (c === '1' ? one : (LEET[c] ?? c))).join('');
const trailing = (s: string) => s.replace(/[\d\W_]+$/u, '');
const undecorate = (s: string) => trailing(s).replace(/^[\d\W_]+/u, '');

/**
 * The forms under which a password is looked up in the list of common and breached passwords: as
 * typed in lower case, without leading and trailing digits and symbols (Sunshine2024! → sunshine), and
 * with simple substitutions undone (P@ssw0rd → password, $uperm@n → superman). Forms shorter than 4
 * characters are dropped.
 */
export function commonPasswordForms(password: string): string[] {
  const lower = password.normalize('NFKC').toLowerCase();
  const forms = new Set<string>([lower]);
  for (const base of [trailing(lower), undecorate(lower)]) {
    forms.add(base);
    for (const one of ['i', 'l'] as const) {
      forms.add(decodeLeet(base, one));
      forms.add(undecorate(decodeLeet(base, one)));
    }
  }
  return [...forms].filter((f) => [...f].length >= 4);
}

export function passwordProblems(
  password: string,
  roles: readonly Role[],
  context: { username?: string; name?: string } = {},
): PasswordProblem[] {
  const problems: PasswordProblem[] = [];
  const min = minPasswordLength(roles);
  // Length in code points, so a Chinese character counts as one.
  const length = [...password].length;
  if (length < min) problems.push({ code: 'TOO_SHORT', min });
  if (length > PASSWORD_MAX_LENGTH) problems.push({ code: 'TOO_LONG', max: PASSWORD_MAX_LENGTH });
  const classes = [/[a-z]/, /[A-Z]/, /[0-9]/, /[^a-zA-Z0-9]/].filter((re) => re.test(password)).length;
  if (classes < 3) problems.push({ code: 'TOO_FEW_CLASSES' });
  const lower = password.toLowerCase();
  const words = [...CONTEXT_WORDS, context.username?.toLowerCase(), context.name?.toLowerCase()];
  const found = words.find((w) => w !== undefined && w.length >= 3 && lower.includes(w));
  if (found) problems.push({ code: 'CONTAINS_CONTEXT_WORD', word: found });
  return problems;
}

export function describePasswordProblem(p: PasswordProblem): { zh: string; en: string } {
  switch (p.code) {
    case 'TOO_SHORT':
      return { zh: `密码至少 ${p.min} 个字符`, en: `Password must have at least ${p.min} characters` };
    case 'TOO_LONG':
      return { zh: `密码最多 ${p.max} 个字符`, en: `Password must have at most ${p.max} characters` };
    case 'TOO_FEW_CLASSES':
      return {
        zh: '密码须包含大写字母、小写字母、数字、符号中的至少三类',
        en: 'Password must mix at least three of: upper case, lower case, digits, symbols',
      };
    case 'CONTAINS_CONTEXT_WORD':
      return {
        zh: `密码不能包含常见词或用户名（${p.word}）`,
        en: `Password must not contain a common word or your user name (${p.word})`,
      };
    case 'COMMON_PASSWORD':
      return {
        zh: '该密码（或其简单变形）在常见及泄露密码列表中，请换一个',
        en: 'This password, or a simple variant of it, is on the list of common and breached passwords',
      };
  }
}
