// The activities' report pages (docs/activities.md): statistics of a year by kind, target, theme, unit
// and quarter ("how many census events in Q2, and reports about them?"), and the five-into board of
// who meets the bureau's norm per period and target.
import { FIVE_INTO_TARGET_LABELS, type ActivityStats, type NormBoard } from '@greenvoice/common';
import { Card, Col, InputNumber, Row, Statistic, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useI18n } from '../../../shared/i18n/use-i18n.ts';
import { ListPage, ListTable } from '../../../shared/list/list-page.tsx';
import { useActivities, useActivityStats, useNormBoard } from '../api/activities-api.ts';
import { ActivitiesNav, useActivityLabels } from './activities-nav.tsx';

type Bucket = ActivityStats['byKind'][number];

function YearPicker(props: { year: number; onChange: (y: number) => void }) {
  const { pick } = useI18n();
  return (
    <InputNumber<number>
      min={2000}
      max={2100}
      value={props.year}
      onChange={(v) => v && props.onChange(v)}
      aria-label={pick({ zh: '年度', en: 'Year' })}
      addonBefore={pick({ zh: '年度', en: 'Year' })}
      data-testid="activities-year"
    />
  );
}

/** The year shown first: the newest event's (the list is newest first), else this year. */
function useYear() {
  const newest = useActivities({ page: 1, pageSize: 1 });
  const [chosen, setChosen] = useState<number | null>(null);
  const year = chosen ?? Number(newest.data?.items[0]?.heldOn.slice(0, 4) ?? new Date().getFullYear());
  return [year, setChosen] as const;
}

function BucketTable(props: { title: string; rows: Bucket[]; testId: string }) {
  const { pick } = useI18n();
  return (
    <Card size="small" title={props.title} style={{ height: '100%' }}>
      <ListTable<Bucket>
        testId={props.testId}
        rowKey="key"
        size="small"
        pagination={false}
        dataSource={props.rows}
        columns={[
          { title: props.title, dataIndex: 'label' },
          { title: pick({ zh: '活动', en: 'Events' }), dataIndex: 'events' },
          { title: pick({ zh: '人次', en: 'People' }), dataIndex: 'people' },
        ]}
      />
    </Card>
  );
}

export function ActivityStatsPage() {
  const { pick } = useI18n();
  const labels = useActivityLabels();
  const [year, setYear] = useYear();
  const q = useActivityStats(year);
  const s = q.data;
  const quarters = [...new Set((s?.kindByQuarter ?? []).map((r) => r.quarter))].sort();
  const kinds = [...new Set((s?.kindByQuarter ?? []).map((r) => r.kind))];
  const cell = (kind: string, quarter: string) =>
    s?.kindByQuarter.find((r) => r.kind === kind && r.quarter === quarter);
  return (
    <ListPage
      title={pick({ zh: '活动统计', en: 'Event statistics' })}
      before={<ActivitiesNav />}
      filters={<YearPicker year={year} onChange={setYear} />}
      error={q.error}
    >
      <Row gutter={[12, 12]} style={{ marginBottom: 12 }}>
        <Col xs={8}>
          <Statistic title={pick({ zh: '活动', en: 'Events' })} value={s?.events ?? 0} />
        </Col>
        <Col xs={8}>
          <Statistic title={pick({ zh: '人次', en: 'People' })} value={s?.people ?? 0} />
        </Col>
        <Col xs={8}>
          <Statistic title={pick({ zh: '相关报道', en: 'Reports' })} value={s?.reports ?? 0} />
        </Col>
      </Row>
      <Typography.Title level={5}>
        {pick({ zh: '按类型和季度（活动 / 报道）', en: 'By kind and quarter (events / reports)' })}
      </Typography.Title>
      <ListTable<{ kind: string }>
        testId="stats-kind-quarter"
        rowKey="kind"
        size="small"
        pagination={false}
        dataSource={kinds.map((kind) => ({ kind }))}
        columns={[
          { title: pick({ zh: '类型', en: 'Kind' }), dataIndex: 'kind', render: labels.kind },
          ...quarters.map((quarter) => ({
            title: quarter,
            render: (_: unknown, r: { kind: string }) => {
              const c = cell(r.kind, quarter);
              return c ? `${c.events} / ${c.reports}` : '—';
            },
          })),
        ]}
      />
      <Row gutter={[12, 12]} style={{ marginTop: 12 }}>
        <Col xs={24} lg={12}>
          <BucketTable title={pick({ zh: '单位', en: 'Unit' })} rows={s?.byUnit ?? []} testId="stats-unit" />
        </Col>
        <Col xs={24} lg={12}>
          <BucketTable title={pick({ zh: '类型', en: 'Kind' })} rows={s?.byKind ?? []} testId="stats-kind" />
        </Col>
        <Col xs={24} lg={12}>
          <BucketTable
            title={pick({ zh: '“五进”对象', en: 'Five-into target' })}
            rows={s?.byTarget ?? []}
            testId="stats-target"
          />
        </Col>
        <Col xs={24} lg={12}>
          <BucketTable
            title={pick({ zh: '季度', en: 'Quarter' })}
            rows={s?.byQuarter ?? []}
            testId="stats-quarter"
          />
        </Col>
      </Row>
    </ListPage>
  );
}

type BoardRow = NormBoard['rows'][number];

export function FiveIntoBoardPage() {
  const { pick } = useI18n();
  const [year, setYear] = useYear();
  const q = useNormBoard(year);
  const b = q.data;
  const periodName = (p: string) =>
    p.endsWith('H1')
      ? pick({ zh: '上半年', en: 'H1' })
      : p.endsWith('H2')
        ? pick({ zh: '下半年', en: 'H2' })
        : p.slice(5) || p;
  return (
    <ListPage
      title={pick({ zh: '“五进”活动达标情况', en: 'Five-into norm board' })}
      intro={
        b ? (
          <Typography.Paragraph type="secondary">
            {pick({
              zh: `基本规范：每个单位每个周期每类对象至少 ${b.norm.perTarget} 次。尚未开始的周期不计；当前周期显示还差多少。`,
              en: `The norm: at least ${b.norm.perTarget} event(s) per target per period for every unit. Periods not yet begun do not count; the current one shows what is still missing.`,
            })}
          </Typography.Paragraph>
        ) : null
      }
      before={<ActivitiesNav />}
      filters={<YearPicker year={year} onChange={setYear} />}
      error={q.error}
    >
      <ListTable<BoardRow>
        testId="five-into-board"
        rowKey="unitId"
        loading={q.isLoading}
        pagination={false}
        dataSource={b?.rows ?? []}
        columns={[
          { title: pick({ zh: '单位', en: 'Unit' }), dataIndex: 'unitName' },
          {
            title: pick({ zh: '达标', en: 'Meets' }),
            render: (_: unknown, r: BoardRow) =>
              r.meets ? (
                <Tag color="green">{pick({ zh: '达标', en: 'Meets' })}</Tag>
              ) : (
                <Tag color="red">{pick({ zh: `差 ${r.missing} 次`, en: `${r.missing} short` })}</Tag>
              ),
          },
          ...(b?.periods ?? []).map((period) => ({
            title: periodName(period),
            children: b!.norm.targets.map((target) => ({
              title: pick(FIVE_INTO_TARGET_LABELS[target]),
              render: (_: unknown, r: BoardRow) => {
                const c = r.cells.find((x) => x.period === period && x.target === target);
                return c ? (
                  <Typography.Text type={c.met ? 'success' : 'danger'}>{c.count}</Typography.Text>
                ) : (
                  '—'
                );
              },
            })),
          })),
        ]}
      />
    </ListPage>
  );
}
