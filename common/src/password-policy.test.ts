import { describe, expect, it } from 'vitest';
import { commonPasswordForms, minPasswordLength, passwordProblems } from './password-policy.ts';

const codes = (pw: string, roles: Parameters<typeof passwordProblems>[1] = ['officer'], ctx = {}) =>
  passwordProblems(pw, roles, ctx).map((p) => p.code);

describe('password rules', () => {
  it('asks 8 characters of the public, 12 of staff and 15 of admins', () => {
    expect(minPasswordLength([])).toBe(8);
    expect(minPasswordLength(['officer'])).toBe(12);
    expect(minPasswordLength(['officer', 'admin'])).toBe(15);
    expect(minPasswordLength(['auditor'])).toBe(15);
    expect(codes('Lvshui-Qing7', ['admin'])).toEqual(['TOO_SHORT']);
    expect(codes('Lvshui-Qingshan-7', ['admin'])).toEqual([]);
  });

  it('needs three of four character classes', () => {
    expect(codes('abcdefghijkl')).toEqual(['TOO_FEW_CLASSES']);
    expect(codes('abcdefghijk1')).toEqual(['TOO_FEW_CLASSES']);
    expect(codes('abcdefghij1A')).toEqual([]);
    expect(codes('abcdefghij1!')).toEqual([]);
  });

  it('accepts at least 64 characters and never truncates', () => {
    const long = 'Aa1!'.repeat(16) + 'x';
    expect(codes(long)).toEqual([]);
    expect(codes('Aa1!'.repeat(33))).toEqual(['TOO_LONG']);
  });

  it('refuses common and context words, and the user’s own name', () => {
    expect(codes('Changde-2018-Go')).toContain('CONTAINS_CONTEXT_WORD');
    expect(codes('Hotline-12369-x')).toContain('CONTAINS_CONTEXT_WORD');
    expect(codes('Password-2026-x')).toContain('CONTAINS_CONTEXT_WORD');
    expect(codes('Zhou.wei-2026-x', ['officer'], { username: 'zhou.wei' })).toContain(
      'CONTAINS_CONTEXT_WORD',
    );
  });

  it('counts Chinese characters as one each', () => {
    expect(codes('绿水青山就是金山银山A1', ['officer'])).toEqual([]);
  });
});

describe('forms looked up in the common-password list', () => {
  it.each([
    ['P@ssw0rd2024!', 'password'],
    ['Sunshine2024!!', 'sunshine'],
    ['M0nkey12345678!', 'monkey'],
    ['!!Tr0ub4dor&3', 'troubador'],
    ['QWERTYUIOP', 'qwertyuiop'],
    ['1qaz2wsx', '1qaz2wsx'],
    ['$uperm@n#2018', 'superman'],
  ])('%s is looked up as %s', (typed, form) => {
    expect(commonPasswordForms(typed)).toContain(form);
  });

  it('drops forms too short to mean anything', () => {
    expect(commonPasswordForms('ab!!1234')).not.toContain('ab');
  });
});
