// How each of the last twelve months ended (its last completed run): the site's score as a line, the
// single-veto and deduction findings as bars. ECharts through echarts/core, as the assessment trend
// chart does; the same numbers as a table for screen readers (WCAG 1.1.1).
import { BarChart, LineChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { SVGRenderer } from 'echarts/renderers';
import { Card } from 'antd';
import { useEffect, useMemo, useRef } from 'react';
import { useI18n } from '../../../shared/i18n/use-i18n.ts';
import { useTrend } from '../hooks/use-inspection.ts';

echarts.use([BarChart, LineChart, GridComponent, LegendComponent, TooltipComponent, SVGRenderer]);

const monthLabel = (lang: string, m: string) =>
  lang === 'zh' ? `${m.slice(0, 4)}年${Number(m.slice(5))}月` : m;

export function InspectionTrend() {
  const { t, lang } = useI18n();
  const trend = useTrend();
  const el = useRef<HTMLDivElement>(null);
  const months = useMemo(() => trend.data?.months ?? [], [trend.data]);
  const label = (m: string) => monthLabel(lang, m);
  useEffect(() => {
    if (!el.current || !months.length) return;
    const chart = echarts.init(el.current, undefined, { renderer: 'svg' });
    chart.setOption({
      animation: false,
      tooltip: { trigger: 'axis' },
      legend: { bottom: 0 },
      grid: { left: 40, right: 40, top: 28, bottom: 56 },
      xAxis: { type: 'category', data: months.map((m) => monthLabel(lang, m.month)) },
      yAxis: [
        { type: 'value', name: t('insp.score'), min: 0, max: 100 },
        { type: 'value', name: t('insp.findings'), min: 0, minInterval: 1, splitLine: { show: false } },
      ],
      series: [
        {
          name: t('insp.vetoes'),
          type: 'bar',
          stack: 'findings',
          yAxisIndex: 1,
          barMaxWidth: 28,
          data: months.map((m) => m.vetoes),
          itemStyle: { color: '#cf1322' },
        },
        {
          name: t('insp.deductions'),
          type: 'bar',
          stack: 'findings',
          yAxisIndex: 1,
          barMaxWidth: 28,
          data: months.map((m) => m.deductions),
          itemStyle: { color: '#faad14' },
        },
        {
          name: t('insp.score'),
          type: 'line',
          data: months.map((m) => m.score),
          symbolSize: 6,
          itemStyle: { color: '#1677ff' },
        },
      ],
    });
    const resize = () => chart.resize();
    window.addEventListener('resize', resize);
    return () => {
      window.removeEventListener('resize', resize);
      chart.dispose();
    };
  }, [months, lang, t]);
  if (!months.length) return null;
  const last = months.at(-1)!;
  const summary = t('insp.trendSummary', {
    from: label(months[0]!.month),
    to: label(last.month),
    score: last.score ?? '—',
  });
  return (
    <Card size="small" title={t('insp.trend')} style={{ marginBottom: 12 }}>
      <figure style={{ margin: 0 }}>
        <div
          ref={el}
          style={{ width: '100%', height: 280 }}
          data-testid="inspection-trend"
          role="img"
          aria-label={summary}
        />
        <figcaption className="gv-visually-hidden">
          <table data-testid="inspection-trend-table">
            <caption>{summary}</caption>
            <thead>
              <tr>
                <th scope="col">{t('insp.month')}</th>
                <th scope="col">{t('insp.score')}</th>
                <th scope="col">{t('insp.vetoes')}</th>
                <th scope="col">{t('insp.deductions')}</th>
              </tr>
            </thead>
            <tbody>
              {months.map((m) => (
                <tr key={m.month}>
                  <th scope="row">{label(m.month)}</th>
                  <td>{m.score ?? t('insp.couldNotCheck')}</td>
                  <td>{m.vetoes ?? '—'}</td>
                  <td>{m.deductions ?? '—'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </figcaption>
      </figure>
    </Card>
  );
}
