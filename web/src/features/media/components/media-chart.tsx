// An account's months: reads and posts as bars, followers as a line, the WCI as a line on its own axis.
// ECharts through echarts/core (bar, line, SVG renderer), as the assessment trend chart does.
import { BarChart, LineChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { SVGRenderer } from 'echarts/renderers';
import { useEffect, useRef } from 'react';
import type { MonthSummary } from '@greenvoice/common';

echarts.use([BarChart, LineChart, GridComponent, LegendComponent, TooltipComponent, SVGRenderer]);

export function MediaChart({
  months,
  labels,
}: {
  months: MonthSummary[];
  labels: { reads: string; posts: string; followers: string; wci: string; summary: string };
}) {
  const el = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (!el.current) return;
    const chart = echarts.init(el.current, undefined, { renderer: 'svg' });
    chart.setOption({
      animation: false,
      tooltip: { trigger: 'axis' },
      legend: { bottom: 0 },
      grid: { left: 56, right: 56, top: 24, bottom: 56 },
      xAxis: { type: 'category', data: months.map((m) => m.month) },
      yAxis: [
        { type: 'value', name: labels.reads, min: 0 },
        { type: 'value', name: labels.wci, min: 0, splitLine: { show: false } },
      ],
      series: [
        {
          name: labels.reads,
          type: 'bar',
          data: months.map((m) => m.reads),
          itemStyle: { color: '#5b8ff9' },
        },
        {
          name: labels.posts,
          type: 'bar',
          data: months.map((m) => m.posts * 100),
          itemStyle: { color: '#bfbfbf' },
        },
        { name: labels.followers, type: 'line', data: months.map((m) => m.followersTotal), symbolSize: 4 },
        {
          name: labels.wci,
          type: 'line',
          yAxisIndex: 1,
          data: months.map((m) => m.wci),
          symbolSize: 6,
          lineStyle: { width: 3 },
        },
      ],
    });
    const resize = () => chart.resize();
    window.addEventListener('resize', resize);
    return () => {
      window.removeEventListener('resize', resize);
      chart.dispose();
    };
  }, [months, labels]);
  return (
    <div
      ref={el}
      style={{ width: '100%', height: 340 }}
      data-testid="media-chart"
      role="img"
      aria-label={labels.summary}
    />
  );
}
