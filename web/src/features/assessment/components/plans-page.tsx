import { CopyOutlined } from '@ant-design/icons';
import type { PlanBlock, PlanDocument, PlanItem } from '@greenvoice/common';
import {
  Alert,
  App,
  Button,
  Card,
  Descriptions,
  Empty,
  InputNumber,
  Select,
  Space,
  Table,
  Tabs,
  Tag,
  type TableColumnsType,
} from 'antd';
import { useState } from 'react';
import { PageHeader } from '../../../shared/components/page-header.tsx';
import { QueryError } from '../../../shared/components/query-error.tsx';
import { useNotifyError } from '../../../shared/api/use-notify-error.ts';
import { useI18n } from '../../../shared/i18n/use-i18n.ts';
import { useCan } from '../../../shared/session/use-me.ts';
import { copyPlan } from '../api/assessment-api.ts';
import { useAssessmentMutation, usePlan, usePlanChoice } from '../hooks/use-assessment.ts';
import { RulesDoc } from './rules-doc.tsx';
import { RulesEditor } from './rules-editor.tsx';
import { RulesForm } from './rules-form.tsx';
import { RulesVersions } from './rules-versions.tsx';

type ItemRow = PlanItem & { block: string };

export function PlansPage() {
  const { t } = useI18n();
  const can = useCan();
  const { message } = App.useApp();
  const notify = useNotifyError();
  const { plans, planId, set } = usePlanChoice();
  const plan = usePlan(planId);
  const [year, setYear] = useState<number | null>(null);
  const copy = useAssessmentMutation((y: number) => copyPlan(planId!, y));
  const doc = plan.data?.document as PlanDocument | undefined;

  const groupName = (code: string) => doc?.groups.find((g) => g.code === code)?.name ?? code;
  const columns: TableColumnsType<ItemRow> = [
    { title: t('assessment.item'), dataIndex: 'code', width: 70 },
    { title: t('assessment.itemName'), dataIndex: 'name' },
    {
      title: t('assessment.maxPoints'),
      width: 100,
      align: 'right',
      render: (_: unknown, i) => (i.maxPoints > 0 ? i.maxPoints : `−${i.maxDeduction}`),
    },
    {
      title: t('assessment.ruleType'),
      width: 130,
      render: (_: unknown, i) => <Tag color="blue">{t(`assessment.rule.${i.rule.type}`)}</Tag>,
    },
    {
      title: t('assessment.notApplicable'),
      width: 200,
      render: (_: unknown, i) => (i.notApplicableTo ?? []).map((g) => <Tag key={g}>{groupName(g)}</Tag>),
    },
  ];
  const blockTitle = (b: PlanBlock) =>
    `${b.code}. ${b.name}（${t('assessment.maxPointsN', { n: b.maxPoints })}）`;
  const breakdown = doc?.blocks.map((b) => (
    <Card key={b.code} size="small" title={blockTitle(b)} style={{ marginBottom: 12 }}>
      <Table<ItemRow>
        rowKey="code"
        size="small"
        pagination={false}
        scroll={{ x: 'max-content' }}
        columns={columns}
        dataSource={b.items.map((i) => ({ ...i, block: b.code }))}
      />
    </Card>
  ));

  return (
    <>
      <PageHeader
        title={t('nav.plans')}
        extra={
          <Select<number>
            style={{ width: 280 }}
            value={planId}
            onChange={(plan) => set({ plan })}
            options={plans.data?.items.map((p) => ({ value: p.id, label: p.title }))}
            data-testid="plan-select"
            aria-label={t('assessment.plan')}
          />
        }
      />
      <QueryError error={plans.error ?? plan.error} />
      {plans.data?.items.length === 0 ? (
        <Card>
          <Empty description={t('assessment.noPlan')} />
        </Card>
      ) : null}
      {plan.data && doc ? (
        <>
          {doc.note ? (
            <Alert
              type="warning"
              showIcon
              title={t('assessment.exampleValues')}
              description={doc.note}
              style={{ marginBottom: 16 }}
              data-testid="example-note"
            />
          ) : null}
          <Card size="small" style={{ marginBottom: 16 }}>
            <Descriptions size="small" column={{ xs: 1, md: 3 }}>
              <Descriptions.Item label={t('assessment.year')}>{plan.data.year}</Descriptions.Item>
              <Descriptions.Item label={t('assessment.owner')}>{plan.data.ownerUnitName}</Descriptions.Item>
              <Descriptions.Item label={t('assessment.rulesVersion')}>
                v{plan.data.rulesVersion}
              </Descriptions.Item>
              <Descriptions.Item label={t('assessment.annualWeight')}>
                {t('assessment.annualWeightText', { n: doc.annualWeight })}
              </Descriptions.Item>
              <Descriptions.Item label={t('assessment.groups')}>
                {/* the groups wrap on a phone instead of widening the page */}
                <Space size={[0, 4]} wrap>
                  {doc.groups.map((g) => (
                    <Tag key={g.code}>{g.name}</Tag>
                  ))}
                </Space>
              </Descriptions.Item>
              <Descriptions.Item label={t('assessment.joint')}>
                {doc.joint.mode === 'equal'
                  ? t('assessment.jointEqual')
                  : t('assessment.jointLead', { n: doc.joint.leadShare * 100 })}
              </Descriptions.Item>
            </Descriptions>
            {can('plans:write') ? (
              <Space style={{ marginTop: 8 }}>
                <InputNumber<number>
                  min={2000}
                  max={2100}
                  value={year}
                  onChange={setYear}
                  placeholder={String(plan.data.year + 1)}
                  aria-label={t('assessment.year')}
                />
                <Button
                  icon={<CopyOutlined />}
                  disabled={!year}
                  loading={copy.isPending}
                  onClick={() =>
                    copy.mutate(year!, {
                      onSuccess: (p) => {
                        void message.success(t('assessment.copied', { year: p.year }));
                        set({ plan: p.id });
                      },
                      onError: notify,
                    })
                  }
                  data-testid="copy-plan"
                >
                  {t('assessment.copyToYear')}
                </Button>
              </Space>
            ) : null}
          </Card>
          <Tabs
            items={[
              { key: 'items', label: t('assessment.taskBreakdown'), children: breakdown },
              {
                key: 'form',
                label: t('rules.form'),
                children: (
                  <RulesForm
                    key={`${plan.data.id}-${plan.data.rulesVersion}`}
                    plan={plan.data}
                    canEdit={can('plans:write')}
                    breakdown={breakdown}
                  />
                ),
              },
              {
                key: 'rules',
                label: t('rules.json'),
                children: (
                  <RulesEditor
                    key={`${plan.data.id}-${plan.data.rulesVersion}`}
                    plan={plan.data}
                    canEdit={can('plans:write')}
                  />
                ),
              },
              {
                key: 'versions',
                label: t('assessment.versions'),
                children: <RulesVersions plan={plan.data} canEdit={can('plans:write')} />,
              },
              { key: 'doc', label: t('rules.doc'), children: <RulesDoc /> },
            ]}
          />
        </>
      ) : null}
    </>
  );
}
