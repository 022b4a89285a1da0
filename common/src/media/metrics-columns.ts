// The statistics exports the matrix accepts (docs/new-media.md, "Metrics imports"): the columns of the
// WeChat official-account back-end's and Weibo's data-centre exports, by any of their names, and the
// pure check of one uploaded table — all rows or none, every problem named by row, column and reason.

export const METRIC_FIELDS = [
  'posts',
  'headlinePosts',
  'reads',
  'zaikan',
  'likes',
  'shares',
  'headlineReads',
  'headlineZaikan',
  'headlineLikes',
  'headlineShares',
  'peakReads',
  'peakZaikan',
  'peakLikes',
  'peakShares',
  'followersNew',
  'followersCancelled',
  'followersNet',
  'followersTotal',
] as const;
export type MetricField = (typeof METRIC_FIELDS)[number];

export const METRIC_LABELS: Record<MetricField, { zh: string; en: string }> = {
  posts: { zh: '发文篇数', en: 'Posts' },
  headlinePosts: { zh: '头条篇数', en: 'Headline posts' },
  reads: { zh: '阅读次数', en: 'Reads' },
  zaikan: { zh: '在看次数', en: '在看 (wow)' },
  likes: { zh: '点赞次数', en: 'Likes' },
  shares: { zh: '分享次数', en: 'Shares' },
  headlineReads: { zh: '头条阅读次数', en: 'Headline reads' },
  headlineZaikan: { zh: '头条在看次数', en: 'Headline 在看' },
  headlineLikes: { zh: '头条点赞次数', en: 'Headline likes' },
  headlineShares: { zh: '头条分享次数', en: 'Headline shares' },
  peakReads: { zh: '单篇最高阅读', en: 'Peak single-article reads' },
  peakZaikan: { zh: '单篇最高在看', en: 'Peak single-article 在看' },
  peakLikes: { zh: '单篇最高点赞', en: 'Peak single-article likes' },
  peakShares: { zh: '单篇最高分享', en: 'Peak single-article shares' },
  followersNew: { zh: '新关注人数', en: 'New followers' },
  followersCancelled: { zh: '取消关注人数', en: 'Cancelled followers' },
  followersNet: { zh: '净增关注人数', en: 'Net new followers' },
  followersTotal: { zh: '累积关注人数', en: 'Cumulative followers' },
};

/** Every accepted header, by field. The first name is the one the template and the export use. */
export const METRIC_COLUMN_NAMES: Record<'period' | MetricField, readonly string[]> = {
  period: ['日期', '时间', '统计日期', '月份', 'date', 'month'],
  posts: ['发文篇数', '群发篇数', '发表篇数', '图文篇数', '发博数', '微博数', 'posts'],
  headlinePosts: ['头条篇数', 'headline posts'],
  reads: ['阅读次数', '图文阅读次数', '阅读数', 'reads'],
  zaikan: ['在看次数', '在看数', 'zaikan'],
  likes: ['点赞次数', '点赞数', 'likes'],
  shares: ['分享次数', '分享数', '转发次数', '转发数', 'shares'],
  headlineReads: ['头条阅读次数'],
  headlineZaikan: ['头条在看次数'],
  headlineLikes: ['头条点赞次数'],
  headlineShares: ['头条分享次数'],
  peakReads: ['单篇最高阅读', '单篇最高阅读次数'],
  peakZaikan: ['单篇最高在看', '单篇最高在看次数'],
  peakLikes: ['单篇最高点赞', '单篇最高点赞次数'],
  peakShares: ['单篇最高分享', '单篇最高分享次数'],
  followersNew: ['新关注人数', '新增关注人数', '新增粉丝数', '涨粉数'],
  followersCancelled: ['取消关注人数', '取关人数', '减少粉丝数', '掉粉数'],
  followersNet: ['净增关注人数', '净增粉丝数'],
  followersTotal: ['累积关注人数', '累计关注人数', '粉丝总数', '粉丝数'],
};

/** Columns the exports carry that the matrix does not keep: accepted and ignored. */
export const IGNORED_METRIC_COLUMNS = [
  '阅读人数',
  '分享人数',
  '收藏次数',
  '阅读原文次数',
  '送达人数',
  '评论数',
  '评论次数',
];

export const MAX_METRIC_ROWS = 5000;

export type MetricValues = Record<MetricField, number | null>;
export interface MetricsInputRow extends MetricValues {
  period: 'day' | 'month';
  /** YYYY-MM-DD; a month's row starts on its first day */
  start: string;
}

export interface ImportProblem {
  /** 1-based row as the user sees it, or 'header' */
  row: number | 'header';
  column: string;
  zh: string;
  en: string;
}

export interface TableInput {
  header: string[];
  rows: Array<{ row: number; cells: string[] }>;
}

const norm = (s: string) =>
  s
    .replace(/[（(［[【].*?[)）］\]】]/g, '')
    .replace(/[\s._\-·]/g, '')
    .toLowerCase();

function parsePeriod(cell: string): { period: 'day' | 'month'; start: string } | null {
  const t = cell.trim();
  let m =
    /^(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})日?(?:[ T]00:00(?::00)?)?$/.exec(t) ??
    /^(\d{4})(\d{2})(\d{2})$/.exec(t);
  if (m) {
    const d = `${m[1]}-${m[2]!.padStart(2, '0')}-${m[3]!.padStart(2, '0')}`;
    const back = new Date(`${d}T00:00:00Z`);
    return Number.isNaN(back.getTime()) || back.toISOString().slice(0, 10) !== d
      ? null
      : { period: 'day', start: d };
  }
  m = /^(\d{4})[-/.年](\d{1,2})月?$/.exec(t);
  if (m && Number(m[2]) >= 1 && Number(m[2]) <= 12)
    return { period: 'month', start: `${m[1]}-${m[2]!.padStart(2, '0')}-01` };
  return null;
}

/**
 * Checks an uploaded export against the accepted columns and rules. Returns every row or, if any row is
 * bad, the problems and no rows. `openedOn` refuses rows before the account existed.
 */
export function planMetricsImport(
  table: TableInput,
  opts: { today: string; openedOn: string | null },
): { ok: true; rows: MetricsInputRow[] } | { ok: false; problems: ImportProblem[] } {
  const problems: ImportProblem[] = [];
  const add = (row: number | 'header', column: string, zh: string, en: string) =>
    problems.push({ row, column, zh, en });
  const index: Partial<Record<'period' | MetricField, number>> = {};
  const ignored = new Set(IGNORED_METRIC_COLUMNS.map(norm));
  table.header.forEach((h, i) => {
    if (h.trim() === '') return;
    const key = norm(h);
    const field = (Object.keys(METRIC_COLUMN_NAMES) as Array<'period' | MetricField>).find((f) =>
      METRIC_COLUMN_NAMES[f].some((a) => norm(a) === key),
    );
    if (field) {
      if (index[field] !== undefined) add('header', h, `列「${h}」重复`, `Column “${h}” appears twice`);
      else index[field] = i;
    } else if (!ignored.has(key))
      add(
        'header',
        h,
        `不认识的列「${h}」（可接受的列见说明）`,
        `Unknown column “${h}” (see the accepted columns)`,
      );
  });
  if (index.period === undefined)
    add('header', '日期', '缺少「日期」或「月份」列', 'The 日期 (date) or 月份 (month) column is missing');
  if (index.posts === undefined)
    add('header', '发文篇数', '缺少「发文篇数」列', 'The 发文篇数 (posts) column is missing');
  if (problems.length) return { ok: false, problems };
  if (table.rows.length === 0)
    return {
      ok: false,
      problems: [{ row: 'header', column: 'file', zh: '文件中没有数据行', en: 'The file has no data rows' }],
    };
  if (table.rows.length > MAX_METRIC_ROWS)
    return {
      ok: false,
      problems: [
        {
          row: 'header',
          column: 'file',
          zh: `一次最多导入 ${MAX_METRIC_ROWS} 行`,
          en: `At most ${MAX_METRIC_ROWS} rows per file`,
        },
      ],
    };

  const seen = new Map<string, number>();
  const rows: MetricsInputRow[] = [];
  let kind: 'day' | 'month' | null = null;
  for (const { row, cells } of table.rows) {
    const periodName = table.header[index.period!]!;
    const p = parsePeriod(cells[index.period!] ?? '');
    if (!p) {
      add(
        row,
        periodName,
        `「${cells[index.period!] ?? ''}」不是日期（YYYY-MM-DD）或月份（YYYY-MM）`,
        `“${cells[index.period!] ?? ''}” is not a date (YYYY-MM-DD) or month (YYYY-MM)`,
      );
      continue;
    }
    kind ??= p.period;
    if (p.period !== kind)
      add(
        row,
        periodName,
        '同一文件不能混合按日和按月的数据',
        'Daily and monthly rows cannot be mixed in one file',
      );
    const last = p.period === 'month' ? p.start.slice(0, 7) : p.start;
    if (last > (p.period === 'month' ? opts.today.slice(0, 7) : opts.today))
      add(row, periodName, `${last} 是将来的日期`, `${last} is in the future`);
    if (opts.openedOn && (p.period === 'month' ? last < opts.openedOn.slice(0, 7) : last < opts.openedOn))
      add(
        row,
        periodName,
        `${last} 早于账号开通日期 ${opts.openedOn}`,
        `${last} is before the account opened (${opts.openedOn})`,
      );
    const key = `${p.period}:${p.start}`;
    const dup = seen.get(key);
    if (dup !== undefined) add(row, periodName, `${last} 与第 ${dup} 行重复`, `${last} repeats row ${dup}`);
    else seen.set(key, row);
    const values = {} as MetricValues;
    let bad = false;
    for (const f of METRIC_FIELDS) {
      const i = index[f];
      const raw = i === undefined ? '' : (cells[i] ?? '').trim().replace(/,/g, '');
      const col = i === undefined ? METRIC_LABELS[f].zh : table.header[i]!;
      if (raw === '' || raw === '-' || raw === '--' || raw === '—') {
        if (f === 'posts' && i !== undefined) {
          add(row, col, '发文篇数不能为空', 'Posts cannot be empty');
          bad = true;
        }
        values[f] = null;
        continue;
      }
      if (!/^[+-]?\d+(\.0+)?$/.test(raw)) {
        add(row, col, `「${raw}」不是整数`, `“${raw}” is not a whole number`);
        bad = true;
        values[f] = null;
        continue;
      }
      const n = Number(raw);
      if (n < 0 && f !== 'followersNet') {
        add(row, col, `不能为负数（${raw}）`, `Cannot be negative (${raw})`);
        bad = true;
      } else if (Math.abs(n) > 1e9) {
        add(row, col, `数值不合理（${raw}）`, `Impossible value (${raw})`);
        bad = true;
      }
      values[f] = n;
    }
    if (!bad) {
      const label = (f: MetricField) =>
        index[f] !== undefined ? table.header[index[f]!]! : METRIC_LABELS[f].zh;
      if (values.headlinePosts !== null && values.headlinePosts > values.posts!)
        add(row, label('headlinePosts'), '头条篇数多于发文篇数', 'More headline posts than posts');
      for (const k of ['reads', 'zaikan', 'likes', 'shares'] as const) {
        const cap = (k[0]!.toUpperCase() + k.slice(1)) as Capitalize<typeof k>;
        const total = values[k];
        for (const part of [`headline${cap}`, `peak${cap}`] as const) {
          const v = values[part];
          if (v !== null && total !== null && v > total)
            add(
              row,
              label(part),
              `${METRIC_LABELS[part].zh}（${v}）大于${METRIC_LABELS[k].zh}（${total}）`,
              `${METRIC_LABELS[part].en} (${v}) exceeds ${METRIC_LABELS[k].en} (${total})`,
            );
        }
      }
      const { followersNew: n, followersCancelled: c, followersNet: net } = values;
      if (n !== null && c !== null) {
        if (net !== null && net !== n - c)
          add(
            row,
            label('followersNet'),
            `净增（${net}）不等于新关注减取消关注（${n - c}）`,
            `Net (${net}) is not new minus cancelled (${n - c})`,
          );
        values.followersNet = n - c;
      }
    }
    rows.push({ period: p.period, start: p.start, ...values });
  }
  return problems.length
    ? { ok: false, problems }
    : { ok: true, rows: rows.sort((a, b) => (a.start < b.start ? -1 : 1)) };
}
