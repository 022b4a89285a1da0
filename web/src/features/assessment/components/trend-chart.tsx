// The year's trend: each unit's year-to-date points month by month. ECharts is tree-shaken through
// echarts/core (line chart, grid, tooltip, legend, SVG renderer only), so the page stays small.
import { LineChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { SVGRenderer } from 'echarts/renderers';
import { useEffect, useRef } from 'react';
import type { Trend } from '@greenvoice/common';

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
  const el = useRef<HTMLDivElement>(null);
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
  return <div ref={el} style={{ width: '100%', height: 360 }} data-testid="trend-chart" role="img" />;
}
