// The rules versions (decision 127): pick one to see what differs from the current rules, value by
// value, and restore it as a new version (published bulletins do not change).
import { diffPlanDocuments, type PlanDetail } from '@greenvoice/common';
import { useQuery } from '@tanstack/react-query';
import { App, Button, Empty, Popconfirm, Table, Timeline, Typography } from 'antd';
import { useState } from 'react';
import { keys } from '../../../shared/api/query-keys.ts';
import { useNotifyError } from '../../../shared/api/use-notify-error.ts';
import { formatDateTime } from '../../../shared/format.ts';
import { useI18n } from '../../../shared/i18n/use-i18n.ts';
import { getPlanVersion, restoreRules } from '../api/assessment-api.ts';
import { useAssessmentMutation } from '../hooks/use-assessment.ts';

const show = (v: unknown) => (v === undefined ? '—' : typeof v === 'object' ? JSON.stringify(v) : String(v));

export function RulesVersions({ plan, canEdit }: { plan: PlanDetail; canEdit: boolean }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const notify = useNotifyError();
  const [picked, setPicked] = useState<number | null>(null);
  const version = useQuery({
    queryKey: keys.assessment.planVersion(plan.id, picked ?? 0),
    queryFn: () => getPlanVersion(plan.id, picked!),
    enabled: picked !== null,
  });
  const restore = useAssessmentMutation((n: number) => restoreRules(plan.id, n, plan.version));
  const diff = version.data ? diffPlanDocuments(version.data.document, plan.document) : [];

  return (
    <>
      <Timeline
        items={plan.versions.map((v) => ({
          content: (
            <span>
              v{v.rulesVersion} · {v.note} · {v.createdBy ?? t('assessment.system')} ·{' '}
              {formatDateTime(v.createdAt)}{' '}
              {v.rulesVersion === plan.rulesVersion ? (
                <Typography.Text type="secondary">（{t('rules.current')}）</Typography.Text>
              ) : (
                <Button
                  size="small"
                  type="link"
                  onClick={() => setPicked(v.rulesVersion)}
                  data-testid={`version-diff-${v.rulesVersion}`}
                >
                  {t('rules.compareWith')}
                </Button>
              )}
            </span>
          ),
        }))}
      />
      {picked !== null && version.data ? (
        <div data-testid="version-diff">
          <Typography.Title level={5}>
            v{picked} → v{plan.rulesVersion}
          </Typography.Title>
          {diff.length ? (
            <Table
              size="small"
              rowKey="path"
              pagination={false}
              scroll={{ x: 'max-content' }}
              dataSource={diff}
              columns={[
                { title: t('rules.diffPath'), dataIndex: 'path' },
                { title: t('rules.diffBefore'), render: (_: unknown, l) => show(l.before) },
                { title: t('rules.diffAfter'), render: (_: unknown, l) => show(l.after) },
              ]}
            />
          ) : (
            <Empty description={t('rules.noDiff')} />
          )}
          {canEdit ? (
            <Popconfirm
              title={t('rules.restoreConfirm', { n: picked })}
              onConfirm={() =>
                restore.mutate(picked, {
                  onSuccess: (p) => {
                    void message.success(t('rules.restored', { n: picked, m: p.rulesVersion }));
                    setPicked(null);
                  },
                  onError: notify,
                })
              }
            >
              <Button style={{ marginTop: 12 }} loading={restore.isPending} data-testid="version-restore">
                {t('rules.restore')}
              </Button>
            </Popconfirm>
          ) : null}
        </div>
      ) : null}
    </>
  );
}
