// "Why this score?": the unit's points for the period, block by block and item by item, down to each
// fact (a submission links to its record), every multiplier, cap, deduction and rescaling.
import type { ScoreExplanation, TraceKind } from '@greenvoice/common';
import { Card, Collapse, Descriptions, Empty, Tag, Typography, type TableColumnsType } from 'antd';
import { Link, useParams } from 'react-router';
import { PageHeader } from '../../../shared/components/page-header.tsx';
import { useCan } from '../../../shared/session/use-me.ts';
import { QueryError } from '../../../shared/components/query-error.tsx';
import { useI18n } from '../../../shared/i18n/use-i18n.ts';
import { useExplanation, usePlanChoice } from '../hooks/use-assessment.ts';
import { PeriodPicker } from './period-picker.tsx';
import { ListTable } from '../../../shared/list/list-page.tsx';
import { useLocalPagination } from '../../../shared/list/use-server-pagination.ts';

type Line = ScoreExplanation['planLines'][number];

/**
 * 'submission:42' → a link titled with the submission's title; 'inspectionFinding:7' → the inspection run
 * that found it, for those who may read the inspection (decision 195); other sources show their title or id
 */
function FactLink({ id, title }: { id: string | null; title: string | null }) {
  const can = useCan();
  if (!id) return null;
  const [source, n] = id.split(':');
  const to =
    source === 'submission'
      ? `/submissions/${n}`
      : source === 'inspectionFinding' && can('inspection:read')
        ? `/inspection?finding=${n}`
        : null;
  return to ? (
    <Link to={to} title={id}>
      {title ?? id}
    </Link>
  ) : (
    <Typography.Text code={!title}>{title ?? id}</Typography.Text>
  );
}

export function UnitScorePage() {
  const { t, pick } = useI18n();
  const unitId = Number(useParams().unitId);
  const { plans, planId, choice, set } = usePlanChoice();
  const q = useExplanation(planId, unitId, choice);
  const e = q.data;
  const linePages = useLocalPagination(20);
  const text = (l: Line) => pick(l);
  const signed = (p: number) => (p > 0 ? `+${p.toFixed(2)}` : p.toFixed(2));

  const columns: TableColumnsType<Line> = [
    {
      title: t('assessment.month'),
      dataIndex: 'month',
      width: 70,
      render: (m: number) => t('assessment.periodIndex.month', { n: m }),
    },
    {
      title: t('assessment.lineKind'),
      dataIndex: 'kind',
      width: 110,
      render: (k: TraceKind) => <Tag>{t(`assessment.line.${k}`)}</Tag>,
    },
    { title: t('assessment.explanation'), render: (_: unknown, l) => text(l) },
    {
      title: t('assessment.fact'),
      dataIndex: 'factId',
      width: 220,
      render: (id: string | null, l) => <FactLink id={id} title={l.factTitle} />,
    },
    {
      title: t('assessment.points'),
      dataIndex: 'points',
      width: 90,
      align: 'right',
      render: (p: number) => (
        <Typography.Text type={p < 0 ? 'danger' : undefined}>{signed(p)}</Typography.Text>
      ),
    },
  ];
  const lines = (ls: Line[], testId: string) =>
    ls.length ? (
      <ListTable<Line>
        testId={testId}
        size="small"
        rowKey={(l) => `${l.month}-${l.kind}-${l.factId}-${l.zh}`}
        columns={columns}
        dataSource={ls}
        pagination={linePages}
      />
    ) : (
      <Typography.Text type="secondary">{t('assessment.noLines')}</Typography.Text>
    );

  return (
    <>
      <PageHeader
        title={e ? t('assessment.whyTitle', { unit: e.unitName }) : t('assessment.why')}
        extra={
          <PeriodPicker plans={plans.data?.items ?? []} planId={planId} choice={choice} onChange={set} />
        }
      />
      <QueryError error={q.error} />
      {e ? (
        <>
          <Card size="small" style={{ marginBottom: 16 }}>
            <Descriptions size="small" column={{ xs: 1, md: 3 }}>
              <Descriptions.Item label={t('assessment.period')}>
                {pick({ zh: e.label, en: e.labelEn })}
              </Descriptions.Item>
              <Descriptions.Item label={t('assessment.group')}>{e.groupName}</Descriptions.Item>
              <Descriptions.Item label={t('assessment.rank')}>
                <span data-testid="score-rank">
                  {t('assessment.rankOf', { rank: e.rank, size: e.groupSize })}
                </span>
              </Descriptions.Item>
              <Descriptions.Item label={t('assessment.points')}>
                <Typography.Text strong style={{ fontSize: 18 }} data-testid="score-total">
                  {e.points.toFixed(2)}
                </Typography.Text>
              </Descriptions.Item>
              <Descriptions.Item label={t('assessment.annualPoints')}>
                {e.annualPoints.toFixed(2)}
              </Descriptions.Item>
            </Descriptions>
          </Card>
          <Collapse
            defaultActiveKey={e.blocks.map((b) => b.code)}
            items={e.blocks.map((b) => ({
              key: b.code,
              label: (
                <span>
                  {b.code}. {b.name}{' '}
                  <Tag color="green">
                    {t('assessment.blockPoints', { points: b.points.toFixed(2), max: b.maxPoints })}
                  </Tag>
                </span>
              ),
              children: (
                <>
                  {b.items.map((i) => (
                    <div key={i.code} style={{ marginBottom: 16 }} data-testid={`item-${i.code}`}>
                      <Typography.Text strong>
                        {i.code} {i.name}
                      </Typography.Text>{' '}
                      <Tag>
                        {i.maxPoints > 0
                          ? t('assessment.itemPoints', { points: i.points.toFixed(2), max: i.maxPoints })
                          : signed(i.points)}
                      </Tag>
                      {lines(i.lines, `lines-${i.code}`)}
                    </div>
                  ))}
                  {b.lines.length ? lines(b.lines, `lines-block-${b.code}`) : null}
                </>
              ),
            }))}
          />
          {e.planLines.length ? (
            <Card size="small" title={t('assessment.planLines')} style={{ marginTop: 16 }}>
              {lines(e.planLines, 'lines-plan')}
            </Card>
          ) : null}
        </>
      ) : q.isLoading ? null : (
        <Card>
          <Empty />
        </Card>
      )}
    </>
  );
}
