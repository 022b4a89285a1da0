// 办理情况统计 in the console (decision 147): the month's figures by kind, report category, place and
// handling unit — the same numbers as the portal's statistics page, without any personal data.
import {
  CASE_KIND_LABELS,
  CASE_KINDS,
  isOneOf,
  REPORT_CATEGORIES,
  REPORT_CATEGORY_LABELS,
  onTimeRate,
  type CaseStatsLine,
} from '@greenvoice/common';
import { useQuery } from '@tanstack/react-query';
import { Typography } from 'antd';
import { useSearchParams } from 'react-router';
import { keys } from '../../../shared/api/query-keys.ts';
import { useI18n } from '../../../shared/i18n/use-i18n.ts';
import { ListPage, ListTable, SelectFilter } from '../../../shared/list/list-page.tsx';
import { caseStats } from '../api/interaction-api.ts';

export function CaseStatsPage() {
  const { pick } = useI18n();
  const [params, setParams] = useSearchParams();
  const month = params.get('month') ?? undefined;
  const stats = useQuery({ queryKey: keys.cases.stats(month), queryFn: () => caseStats(month) });
  const s = stats.data;
  const label: Record<string, (k: string) => string> = {
    byKind: (k) =>
      isOneOf(CASE_KINDS, k) ? pick(CASE_KIND_LABELS[k]) : k || pick({ zh: '合计', en: 'Total' }),
    byCategory: (k) => (isOneOf(REPORT_CATEGORIES, k) ? pick(REPORT_CATEGORY_LABELS[k]) : k),
    byCounty: (k) => k,
    byUnit: (k) => k || pick({ zh: '本局直接办理', en: 'Handled by the bureau' }),
  };
  const table = (group: keyof typeof label, title: string, rows: CaseStatsLine[]) => (
    <div key={group} style={{ marginBottom: 16 }}>
      <Typography.Title level={5}>{title}</Typography.Title>
      <ListTable<CaseStatsLine>
        testId={`stats-${group}`}
        size="small"
        rowKey="key"
        dataSource={rows}
        pagination={false}
        columns={[
          {
            title: pick({ zh: '类别', en: 'Group' }),
            dataIndex: 'key',
            render: (k: string) => label[group]!(k),
          },
          { title: pick({ zh: '收到', en: 'Received' }), dataIndex: 'received', width: 80 },
          { title: pick({ zh: '受理', en: 'Accepted' }), dataIndex: 'accepted', width: 80 },
          { title: pick({ zh: '答复', en: 'Answered' }), dataIndex: 'answered', width: 80 },
          { title: pick({ zh: '按时', en: 'On time' }), dataIndex: 'onTime', width: 80 },
          { title: pick({ zh: '超时', en: 'Late' }), dataIndex: 'late', width: 80 },
          { title: pick({ zh: '超期未办结', en: 'Overdue, open' }), dataIndex: 'overdue', width: 110 },
          {
            title: pick({ zh: '按时率', en: 'On-time rate' }),
            width: 90,
            render: (_: unknown, l) => (onTimeRate(l) === null ? '—' : `${onTimeRate(l)}%`),
          },
        ]}
      />
    </div>
  );
  return (
    <ListPage
      title={pick({ zh: '办理情况统计', en: 'Monthly statistics' })}
      intro={
        <a href={`/interaction/statistics${s ? `?month=${s.month}` : ''}`} target="_blank" rel="noreferrer">
          {pick({ zh: '网站公开的统计页面', en: 'The portal’s statistics page' })}
        </a>
      }
      error={stats.error}
      filters={
        <SelectFilter<string>
          testId="stats-month"
          placeholder={pick({ zh: '月份', en: 'Month' })}
          value={s?.month}
          onChange={(v) => setParams(v ? { month: v } : {})}
          options={(s?.months ?? []).map((m) => ({ value: m, label: m }))}
        />
      }
    >
      {s ? (
        <>
          {table('byKind', pick({ zh: '按事项类别', en: 'By kind' }), [...s.byKind, { ...s.total, key: '' }])}
          {s.byCategory.length
            ? table(
                'byCategory',
                pick({ zh: '环保举报：按污染类别', en: 'Reports by category' }),
                s.byCategory,
              )
            : null}
          {s.byCounty.length
            ? table('byCounty', pick({ zh: '环保举报：按事发区县', en: 'Reports by county' }), s.byCounty)
            : null}
          {s.byUnit.length
            ? table('byUnit', pick({ zh: '按承办单位', en: 'By handling unit' }), s.byUnit)
            : null}
        </>
      ) : null}
    </ListPage>
  );
}
