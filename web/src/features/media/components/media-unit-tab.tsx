// One unit's accounts month by month: each account's reads as stacked bars, each account's followers as
// a line (ECharts through echarts/core, SVG). The chart is an image to a screen reader; its text
// alternative is the sentence in its label and the table under it, which holds every plotted number.
import { MEDIA_PLATFORM_LABELS, type UnitMonthly } from '@greenvoice/common';
import { Empty, InputNumber, Select, Space, Table, Typography } from 'antd';
import { BarChart, LineChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { SVGRenderer } from 'echarts/renderers';
import { useEffect, useMemo, useRef, useState } from 'react';
import { isApiError } from '../../../shared/api/api-error.ts';
import { QueryError } from '../../../shared/components/query-error.tsx';
import { useI18n } from '../../../shared/i18n/use-i18n.ts';
import { useUnitOptions } from '../../../shared/org/use-unit-options.ts';
import { useMediaBoard, useUnitMonthly } from '../hooks/use-media.ts';

echarts.use([BarChart, LineChart, GridComponent, LegendComponent, TooltipComponent, SVGRenderer]);

interface MonthTotal {
  month: string;
  posts: number;
  reads: number;
  followers: number | null;
}

/** the unit's months: posts and reads added up, followers as the sum of the accounts' known counts */
export function unitTotals(u: UnitMonthly): MonthTotal[] {
  const months = [...new Set(u.accounts.flatMap((a) => a.months.map((m) => m.month)))].sort();
  return months.map((month) => {
    const of = u.accounts.flatMap((a) => a.months.filter((m) => m.month === month));
    const known = of.filter((m) => m.followersTotal !== null);
    return {
      month,
      posts: of.reduce((s, m) => s + m.posts, 0),
      reads: of.reduce((s, m) => s + m.reads, 0),
      followers: known.length ? known.reduce((s, m) => s + m.followersTotal!, 0) : null,
    };
  });
}

function UnitChart({ data, summary }: { data: UnitMonthly; summary: string }) {
  const { pick } = useI18n();
  const el = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (!el.current) return;
    const chart = echarts.init(el.current, undefined, { renderer: 'svg' });
    const months = unitTotals(data).map((m) => m.month);
    const valueIn = (a: UnitMonthly['accounts'][number], key: 'reads' | 'followersTotal') =>
      months.map((m) => a.months.find((x) => x.month === m)?.[key] ?? null);
    chart.setOption({
      animation: false,
      tooltip: { trigger: 'axis' },
      legend: { bottom: 0, type: 'scroll' },
      grid: { left: 56, right: 64, top: 32, bottom: 64 },
      xAxis: { type: 'category', data: months },
      yAxis: [
        { type: 'value', name: pick({ zh: '阅读', en: 'Reads' }), min: 0 },
        { type: 'value', name: pick({ zh: '关注', en: 'Followers' }), min: 0, splitLine: { show: false } },
      ],
      series: [
        ...data.accounts.map((a) => ({
          name: `${a.name} ${pick({ zh: '阅读', en: 'reads' })}`,
          type: 'bar',
          stack: 'reads',
          data: valueIn(a, 'reads'),
        })),
        ...data.accounts.map((a) => ({
          name: `${a.name} ${pick({ zh: '关注', en: 'followers' })}`,
          type: 'line',
          yAxisIndex: 1,
          connectNulls: true,
          symbolSize: 4,
          data: valueIn(a, 'followersTotal'),
        })),
      ],
    });
    const resize = () => chart.resize();
    window.addEventListener('resize', resize);
    return () => {
      window.removeEventListener('resize', resize);
      chart.dispose();
    };
  }, [data, pick]);
  return (
    <div
      ref={el}
      style={{ width: '100%', height: 360 }}
      data-testid="media-unit-chart"
      role="img"
      aria-label={summary}
    />
  );
}

export function UnitTab() {
  const { pick } = useI18n();
  const units = useUnitOptions();
  const board = useMediaBoard();
  const [unitId, setUnitId] = useState<number>();
  const [chosenYear, setYear] = useState<number>();
  // the board's year (the latest plan year) until the person picks another
  const shownYear = chosenYear ?? board.data?.year ?? new Date().getFullYear();
  const q = useUnitMonthly(unitId, shownYear);
  const totals = useMemo(() => (q.data ? unitTotals(q.data) : []), [q.data]);
  const summary = q.data
    ? pick({
        zh: `${q.data.unitName}${q.data.year}年 ${q.data.accounts.length} 个账号：全年发文 ${totals.reduce((s, m) => s + m.posts, 0)} 篇、阅读 ${totals.reduce((s, m) => s + m.reads, 0)} 次，年末关注 ${totals.at(-1)?.followers ?? '—'}（逐月数据见下表）`,
        en: `${q.data.unitName}, ${q.data.year}, ${q.data.accounts.length} accounts: ${totals.reduce((s, m) => s + m.posts, 0)} posts, ${totals.reduce((s, m) => s + m.reads, 0)} reads, ${totals.at(-1)?.followers ?? '—'} followers at the end (each month in the table below)`,
      })
    : '';
  const none = isApiError(q.error) && q.error.code === 'NOT_FOUND';
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Space wrap>
        <Select<number>
          showSearch={{ optionFilterProp: 'label' }}
          placeholder={pick({ zh: '选择单位', en: 'Choose a unit' })}
          aria-label={pick({ zh: '单位', en: 'Unit' })}
          style={{ width: 260, maxWidth: '100%' }}
          options={units.data ?? []}
          value={unitId}
          onChange={setUnitId}
          data-testid="media-unit-select"
        />
        <InputNumber<number>
          min={2000}
          max={2100}
          value={shownYear}
          onChange={(v) => v && setYear(v)}
          aria-label={pick({ zh: '年度', en: 'Year' })}
        />
      </Space>
      {none ? (
        <Empty description={pick({ zh: '该单位没有登记账号', en: 'This unit has no registered account' })} />
      ) : (
        <QueryError error={q.error} />
      )}
      {q.data ? (
        <>
          <Typography.Paragraph data-testid="media-unit-summary">{summary}</Typography.Paragraph>
          <UnitChart data={q.data} summary={summary} />
          <Typography.Text type="secondary">
            {q.data.accounts.map((a) => `${a.name}（${pick(MEDIA_PLATFORM_LABELS[a.platform])}）`).join('、')}
          </Typography.Text>
          <Table<MonthTotal>
            size="small"
            rowKey="month"
            pagination={false}
            scroll={{ x: 'max-content' }}
            dataSource={totals}
            columns={[
              { title: pick({ zh: '月份', en: 'Month' }), dataIndex: 'month' },
              { title: pick({ zh: '发文', en: 'Posts' }), dataIndex: 'posts' },
              { title: pick({ zh: '阅读', en: 'Reads' }), dataIndex: 'reads' },
              {
                title: pick({ zh: '累积关注', en: 'Followers' }),
                dataIndex: 'followers',
                render: (v: number | null) => v ?? '—',
              },
            ]}
          />
        </>
      ) : null}
    </Space>
  );
}
