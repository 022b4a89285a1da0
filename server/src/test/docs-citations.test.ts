// Code and docs cite only files in this repository (docs/engineering.md): no path into the briefs kept
// beside the repository, and every mention of a document known to live out there names the copy in
// docs/ that exists here. Runs over every tracked file.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { repoRoot } from './child-server.ts';

// Names of the documents outside the repository. Spelt in pieces so this file does not cite them itself.
const md = (name: string) => `${name}.md`;
const OUTSIDE_NAMES = [
  md('PRODUCT'),
  md('ENGINEERING'),
  md('GLOSSARY'),
  md('security-requirements'),
  md('air-and-water-standards'),
  md('inspection-indicators'),
  md('new-media-index'),
  md('public-interaction'),
  md('scoring-precedents'),
  md('official-documents'),
  md('plan.en'),
  '000_66382fee56d5fee3.txt',
];
const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const MENTION = new RegExp(`([\\w./-]*?)(?<![\\w-])(${OUTSIDE_NAMES.map(escape).join('|')})`, 'g');
// `../shared/` followed by a folder of the briefs, or standing alone; web/src/shared imports are ours
const OUTSIDE_PATH =
  /(?:\.\.\/)+shared\/(?:reference|seed|tools|hooks)\b|(?:\.\.\/)+shared\/?(?=[`'"\s)]|$)|\/work\/shared\b/gm;

/** What in one file cites something outside the repository (path relative to the repository). */
function outsideCitations(file: string, text: string, exists: (p: string) => boolean): string[] {
  const found: string[] = [];
  for (const m of text.matchAll(OUTSIDE_PATH)) found.push(m[0]);
  for (const m of text.matchAll(MENTION)) {
    const cited = `${m[1]}${m[2]}`;
    const candidates = [path.normalize(cited), path.normalize(path.join(path.dirname(file), cited))];
    if (!candidates.some(exists)) found.push(cited);
  }
  return found;
}

const existsInRepo = (p: string) => !p.startsWith('..') && fs.existsSync(path.join(repoRoot, p));

describe('citations stay inside the repository', () => {
  it('no tracked file cites a path or document outside it', () => {
    const tracked = execFileSync('git', ['ls-files', '-z'], { cwd: repoRoot, encoding: 'utf8' })
      .split('\0')
      .filter((f) => f && /\.(ts|tsx|js|mjs|md|json|txt|yml|yaml|css|html)$|^\.ci\//.test(f))
      // the seed plan is the source itself; this file holds the planted examples
      .filter((f) => f !== 'package-lock.json' && !f.startsWith('docs/seed/'))
      .filter((f) => f !== 'server/src/test/docs-citations.test.ts');
    const problems: string[] = [];
    for (const file of tracked) {
      const full = path.join(repoRoot, file);
      if (!fs.existsSync(full)) continue;
      for (const c of outsideCitations(file, fs.readFileSync(full, 'utf8'), existsInRepo))
        problems.push(`${file}: ${c}`);
    }
    expect(problems).toEqual([]);
  });

  it('finds each kind of outside citation, and accepts the copies in docs/', () => {
    const planted = [
      `// rules from ${md('security-requirements')} §3`,
      `see \`../shared/seed/\` and ../../shared/reference/x`,
      `names follow /${md('GLOSSARY')}`,
      `(${md('ENGINEERING')}: prepared statements)`,
    ].join('\n');
    expect(outsideCitations('server/src/x.ts', planted, existsInRepo)).toEqual([
      '../shared/seed',
      '../../shared/reference',
      md('security-requirements'),
      `/${md('GLOSSARY')}`,
      md('ENGINEERING'),
    ]);
    const ours = `docs/${md('security-requirements')} §3; ../${md('security-requirements')} from docs/decisions; import x from '../shared/api.ts'`;
    expect(outsideCitations('docs/decisions/001-x.md', ours, existsInRepo)).toEqual([]);
  });
});
