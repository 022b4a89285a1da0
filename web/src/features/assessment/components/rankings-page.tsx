import { DownloadOutlined } from '@ant-design/icons';
import type { Ranking } from '@greenvoice/common';
import { Button, Card, Empty, Segmented, Table, Tag, Typography, type TableColumnsType } from 'antd';
import { lazy, Suspense, useCallback, useState } from 'react';
import { Link } from 'react-router';
import { PageHeader } from '../../../shared/components/page-header.tsx';
import { QueryError } from '../../../shared/components/query-error.tsx';
import { downloadCsv } from '../../../shared/download-csv.ts';
import { useI18n } from '../../../shared/i18n/use-i18n.ts';
import { usePlanChoice, useRanking, useTrend } from '../hooks/use-assessment.ts';
import { PeriodPicker } from './period-picker.tsx';

// ECharts is its own chunk: the table shows before the chart's code has arrived
const TrendChart = lazy(() => import('./trend-chart.tsx').then((m) => ({ default: m.TrendChart })));

type Row = Ranking['groups'][number]['rows'][number];

export function RankingsPage() {
  const { t, pick } = useI18n();
  const { plans, planId, choice, set } = usePlanChoice();
  const ranking = useRanking(planId, choice);
  const [group, setGroup] = useState<string | undefined>();
  const groupCode = group ?? ranking.data?.groups[0]?.code;
  const trend = useTrend(planId, groupCode);
  const monthLabel = useCallback((m: number) => t('assessment.periodIndex.month', { n: m }), [t]);
  const link = (unitId: number) =>
    `/assessment/units/${unitId}?plan=${planId}&period=${choice.period}${choice.index ? `&index=${choice.index}` : ''}`;

  const columns: TableColumnsType<Row> = [
    {
      title: t('assessment.rank'),
      dataIndex: 'rank',
      width: 80,
      render: (r: number) => <Tag color={r === 1 ? 'gold' : undefined}>{r}</Tag>,
    },
    {
      title: t('assessment.unit'),
      dataIndex: 'unitName',
      render: (name: string, row) => (
        <Link to={link(row.unitId)} data-testid={`ranking-unit-${row.unitId}`}>
          {name}
        </Link>
      ),
    },
    {
      title: t('assessment.points'),
      dataIndex: 'points',
      width: 120,
      align: 'right',
      render: (p: number) => p.toFixed(2),
    },
    {
      title: t('assessment.annualPoints'),
      dataIndex: 'annualPoints',
      width: 180,
      align: 'right',
      render: (p: number) => p.toFixed(2),
    },
  ];

  const exportCsv = () => {
    const r = ranking.data;
    if (!r) return;
    downloadCsv(
      `${r.label}-${t('nav.rankings')}.csv`,
      [
        t('assessment.group'),
        t('assessment.rank'),
        t('assessment.unit'),
        t('assessment.points'),
        t('assessment.annualPoints'),
      ],
      r.groups.flatMap((g) =>
        g.rows.map((x) => [
          g.name,
          String(x.rank),
          x.unitName,
          x.points.toFixed(2),
          x.annualPoints.toFixed(2),
        ]),
      ),
    );
  };

  return (
    <>
      <PageHeader
        title={t('nav.rankings')}
        extra={
          <>
            <PeriodPicker plans={plans.data?.items ?? []} planId={planId} choice={choice} onChange={set} />
            <Button icon={<DownloadOutlined />} onClick={exportCsv} disabled={!ranking.data}>
              {t('assessment.export')}
            </Button>
          </>
        }
      >
        {ranking.data ? (
          <Typography.Paragraph type="secondary" style={{ marginTop: 8, marginBottom: 0 }}>
            {t('assessment.rankingIntro', {
              label: pick({ zh: ranking.data.label, en: ranking.data.labelEn }),
            })}
          </Typography.Paragraph>
        ) : null}
      </PageHeader>
      <QueryError error={plans.error ?? ranking.error} />
      {plans.data?.items.length === 0 ? (
        <Card>
          <Empty description={t('assessment.noPlan')} />
        </Card>
      ) : null}
      {ranking.data?.groups.map((g) => (
        <Card
          key={g.code}
          title={`${g.name}（${t('assessment.groupSize', { n: g.size })}）`}
          size="small"
          style={{ marginBottom: 16 }}
          data-testid={`ranking-group-${g.code}`}
        >
          <Table<Row>
            rowKey="unitId"
            size="small"
            columns={columns}
            dataSource={g.rows}
            pagination={false}
            loading={ranking.isFetching}
          />
        </Card>
      ))}
      {trend.data && ranking.data ? (
        <Card
          title={t('assessment.trend')}
          size="small"
          extra={
            ranking.data.groups.length > 1 ? (
              <Segmented<string>
                size="small"
                value={groupCode}
                onChange={setGroup}
                options={ranking.data.groups.map((g) => ({ value: g.code, label: g.name }))}
              />
            ) : null
          }
        >
          {trend.data.series.length ? (
            <Suspense fallback={<div style={{ height: 360 }} />}>
              <TrendChart trend={trend.data} monthLabel={monthLabel} />
            </Suspense>
          ) : (
            <Empty />
          )}
        </Card>
      ) : null}
    </>
  );
}
