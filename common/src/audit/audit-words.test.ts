// Every action code the server records has words (decision 172): a new audited action without a label
// fails here instead of reaching the auditor as a code.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { auditActionLabel, auditObjectLabel } from './audit-words.ts';

const serverSrc = path.resolve(import.meta.dirname, '../../../server/src');
const sources = (dir: string): string[] =>
  fs.readdirSync(dir, { withFileTypes: true }).flatMap((d) => {
    const p = path.join(dir, d.name);
    if (d.isDirectory()) return d.name === 'test' ? [] : sources(p);
    return d.name.endsWith('.ts') && !d.name.endsWith('.test.ts') ? [fs.readFileSync(p, 'utf8')] : [];
  });
const text = sources(serverSrc).join('\n');
const found = (re: RegExp) => [...new Set([...text.matchAll(re)].map((m) => m[1]!))].sort();

describe('the audit log in words', () => {
  it('names every recorded action code and object type', () => {
    // audit codes are dotted (`unit.create`); bare words such as `action: 'approve'` are workflow steps
    const codes = found(/\baction: '([a-zA-Z][\w-]*\.[\w.-]+)'/g).filter((c) => !c.startsWith('test.'));
    const types = found(/\bobjectType: '([a-zA-Z]\w*)'/g);
    expect(codes.length).toBeGreaterThan(50);
    expect(codes.filter((c) => !auditActionLabel(c))).toEqual([]);
    expect(types.filter((c) => !auditObjectLabel(c))).toEqual([]);
  });

  it.each([
    ['submission.approve', '报送通过', 'Submission: approve'],
    ['cms.article.publish', '稿件发布', 'Article: publish'],
    ['http.delete', '请求（删除）', 'Request (delete)'],
    ['http.options', '其他请求', 'Other request'],
  ])('%s → %s / %s', (code, zh, en) => {
    expect(auditActionLabel(code)).toEqual({ zh, en });
  });

  it('leaves an unknown code unnamed (it is shown as itself)', () => {
    expect(auditActionLabel('something.new')).toBeUndefined();
  });
});
