// The year's trend: each unit's year-to-date points month by month. ECharts is tree-shaken through
// echarts/core (line chart, grid, tooltip, legend, SVG renderer only), so the page stays small.
import { LineChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { SVGRenderer } from 'echarts/renderers';
import { useEffect, useRef } from 'react';
import type { Trend } from '@greenvoice/common';
import { useI18n } from '../../../shared/i18n/use-i18n.ts';

echarts.use([LineChart, GridComponent, LegendComponent, TooltipComponent, SVGRenderer]);

export function TrendChart({
  trend,
  highlight,
  monthLabel,
}: {
  trend: Trend;
  highlight?: number;
  monthLabel: (m: number) => string;
}) {
  const { t } = useI18n();
  const el = useRef<HTMLDivElement>(null);
  const leader = [...trend.series].sort((a, b) => (b.cumulative.at(-1) ?? 0) - (a.cumulative.at(-1) ?? 0))[0];
  const summary = t('trend.summary', {
    units: trend.series.length,
    from: trend.months.length ? monthLabel(trend.months[0]!) : '—',
    to: trend.months.length ? monthLabel(trend.months.at(-1)!) : '—',
    leader: leader ? `${leader.unitName} ${(leader.cumulative.at(-1) ?? 0).toFixed(2)}` : '—',
  });
  useEffect(() => {
    if (!el.current) return;
    const chart = echarts.init(el.current, undefined, { renderer: 'svg' });
    chart.setOption({
      animation: false,
      tooltip: { trigger: 'axis', order: 'valueDesc' },
      legend: { type: 'scroll', bottom: 0 },
      grid: { left: 40, right: 16, top: 16, bottom: 56 },
      xAxis: { type: 'category', data: trend.months.map(monthLabel) },
      yAxis: { type: 'value', min: 0 },
      series: trend.series.map((s) => ({
        name: s.unitName,
        type: 'line',
        data: s.cumulative,
        symbolSize: 4,
        lineStyle: { width: s.unitId === highlight ? 4 : 1.5 },
        emphasis: { focus: 'series' },
      })),
    });
    const resize = () => chart.resize();
    window.addEventListener('resize', resize);
    return () => {
      window.removeEventListener('resize', resize);
      chart.dispose();
    };
  }, [trend, highlight, monthLabel]);
  return (
    <figure style={{ margin: 0 }}>
      <div
        ref={el}
        style={{ width: '100%', height: 360 }}
        data-testid="trend-chart"
        role="img"
        aria-label={summary}
      />
      {/* the chart's text alternative (WCAG 1.1.1): the same numbers as a table, for screen readers */}
      <figcaption className="gv-visually-hidden">
        <table data-testid="trend-table">
          <caption>{summary}</caption>
          <thead>
            <tr>
              <th scope="col">{t('trend.unit')}</th>
              {trend.months.map((m) => (
                <th scope="col" key={m}>
                  {monthLabel(m)}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {trend.series.map((s) => (
              <tr key={s.unitId}>
                <th scope="row">{s.unitName}</th>
                {s.cumulative.map((v, i) => (
                  <td key={trend.months[i]}>{v.toFixed(2)}</td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </figcaption>
    </figure>
  );
}
