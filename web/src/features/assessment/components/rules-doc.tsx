// The rule documentation (docs/scoring-rules.md, served by the API) shown in the console: headings,
// paragraphs, tables and code as plain React text — no HTML from the file is ever injected.
import { useQuery } from '@tanstack/react-query';
import { Typography } from 'antd';
import { keys } from '../../../shared/api/query-keys.ts';
import { QueryError } from '../../../shared/components/query-error.tsx';
import { getRulesDoc } from '../api/assessment-api.ts';

function blocks(markdown: string) {
  const out: Array<{ kind: 'h' | 'p' | 'pre'; level?: number; text: string }> = [];
  let code: string[] | null = null;
  for (const line of markdown.split('\n')) {
    if (line.startsWith('```')) {
      if (code) out.push({ kind: 'pre', text: code.join('\n') });
      code = code ? null : [];
    } else if (code) code.push(line);
    else if (/^#{1,4} /.test(line))
      out.push({ kind: 'h', level: line.indexOf(' '), text: line.replace(/^#+ /, '') });
    else if (line.startsWith('|')) {
      const last = out.at(-1);
      if (last?.kind === 'pre' && last.level === 0) last.text += `\n${line}`;
      else out.push({ kind: 'pre', level: 0, text: line });
    } else if (line.trim()) {
      const last = out.at(-1);
      if (last?.kind === 'p') last.text += ` ${line.trim()}`;
      else out.push({ kind: 'p', text: line.trim() });
    } else out.push({ kind: 'p', text: '' });
  }
  return out.filter((b) => b.text);
}

export function RulesDoc() {
  const doc = useQuery({ queryKey: keys.assessment.rulesDoc, queryFn: getRulesDoc, staleTime: Infinity });
  return (
    <div data-testid="rules-doc" style={{ maxWidth: 900 }}>
      <QueryError error={doc.error} />
      {blocks(doc.data?.markdown ?? '').map((b, i) =>
        b.kind === 'h' ? (
          <Typography.Title key={i} level={Math.min(5, (b.level ?? 1) + 1) as 2 | 3 | 4 | 5}>
            {b.text}
          </Typography.Title>
        ) : b.kind === 'pre' ? (
          <pre
            key={i}
            style={{ fontSize: 12, overflowX: 'auto', background: '#f6f6f6', padding: 8 }}
            tabIndex={0}
          >
            {b.text}
          </pre>
        ) : (
          <Typography.Paragraph key={i}>{b.text}</Typography.Paragraph>
        ),
      )}
    </div>
  );
}
