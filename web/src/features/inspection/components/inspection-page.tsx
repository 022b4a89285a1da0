// 网站与新媒体检查: the month-by-month trend, the latest run's verdict and findings (single-veto items
// first, each with its evidence), the monthly monitoring bulletins (decision 187), the history of runs,
// running the checks now and the bureau's settings (decision 174).
import { PlayCircleOutlined } from '@ant-design/icons';
import { FINDING_LABELS, type InspectionFinding, type InspectionRun } from '@greenvoice/common';
import { App, Button, Card, Descriptions, Form, Input, InputNumber, Space, Tag, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useSearchParams } from 'react-router';
import { useNotifyError } from '../../../shared/api/use-notify-error.ts';
import { formatDateTime } from '../../../shared/format.ts';
import { useFormErrors } from '../../../shared/forms/use-form-errors.ts';
import { useI18n } from '../../../shared/i18n/use-i18n.ts';
import { ListPage, ListTable } from '../../../shared/list/list-page.tsx';
import { useListState } from '../../../shared/list/use-list-state.ts';
import { useLocalPagination } from '../../../shared/list/use-server-pagination.ts';
import { useCan } from '../../../shared/session/use-me.ts';
import { useDocumentTitle } from '../../../shared/use-document-title.ts';
import { useIsPhone } from '../../../shared/use-is-phone.ts';
import {
  useInspectionSettings,
  useRun,
  useRunOfFinding,
  useRuns,
  useSaveSettings,
  useStartRun,
} from '../hooks/use-inspection.ts';
import { InspectionTrend } from './inspection-trend.tsx';
import { MonitoringBulletins } from './monitoring-bulletins.tsx';

function Verdict({ run }: { run: InspectionRun }) {
  const { t } = useI18n();
  if (run.state === 'failed') return <Tag color="orange">{t('insp.couldNotCheck')}</Tag>;
  if (run.site.vetoed) return <Tag color="red">{t('insp.vetoed')}</Tag>;
  return run.site.passed ? (
    <Tag color="green">{t('insp.passed')}</Tag>
  ) : (
    <Tag color="red">{t('insp.failed')}</Tag>
  );
}

export function InspectionPage() {
  const { t } = useI18n();
  useDocumentTitle(t('nav.inspection'));
  const can = useCan();
  const notifyError = useNotifyError();
  const list = useListState<object>({});
  const runs = useRuns({ page: list.query.page, pageSize: list.query.pageSize });
  const start = useStartRun();
  const [chosen, setChosen] = useState<number | null>(null);
  // ?finding=7: "why this score" opened a finding fact — show the run that found it (decision 195)
  const finding = Number(useSearchParams()[0].get('finding')) || null;
  const fromFinding = useRunOfFinding(finding).data?.runId ?? null;
  const latestId = runs.data?.items[0]?.id ?? null;
  const shown = chosen ?? fromFinding ?? latestId;

  return (
    <ListPage
      title={t('nav.inspection')}
      intro={<Typography.Paragraph type="secondary">{t('insp.intro')}</Typography.Paragraph>}
      actions={
        can('inspection:manage') ? (
          <Button
            type="primary"
            icon={<PlayCircleOutlined />}
            loading={start.isPending}
            onClick={() =>
              start.mutate(undefined, { onSuccess: () => setChosen(null), onError: notifyError })
            }
            data-testid="inspection-run"
          >
            {t('insp.runNow')}
          </Button>
        ) : null
      }
      before={
        <>
          <InspectionTrend />
          {shown ? <RunDetail id={shown} /> : null}
          {runs.data && runs.data.total === 0 ? (
            <Card size="small" style={{ marginBottom: 12 }}>
              {t('insp.none')}
            </Card>
          ) : null}
          <MonitoringBulletins />
          {can('inspection:manage') ? <SettingsForm /> : null}
        </>
      }
      error={runs.error}
    >
      <Typography.Title level={2} style={{ fontSize: 16 }}>
        {t('insp.runs')}
      </Typography.Title>
      <ListTable<InspectionRun>
        testId="inspection-runs"
        rowKey="id"
        loading={runs.isPending}
        dataSource={runs.data?.items ?? []}
        pagination={list.pagination(runs.data?.total)}
        columns={[
          {
            title: t('insp.checkedOn'),
            dataIndex: 'startedAt',
            render: (v: string, r) => (
              <Button type="link" size="small" onClick={() => setChosen(r.id)} aria-current={r.id === shown}>
                {formatDateTime(v)}
              </Button>
            ),
          },
          { title: t('insp.result'), render: (_: unknown, r) => <Verdict run={r} /> },
          { title: t('insp.score'), dataIndex: ['site', 'score'], align: 'right' },
          { title: t('insp.vetoes'), dataIndex: 'vetoes', align: 'right' },
          { title: t('insp.deductions'), dataIndex: 'deductions', align: 'right' },
          { title: t('insp.accountsFailed'), dataIndex: 'accountsFailed', align: 'right' },
          {
            title: t('insp.trigger'),
            dataIndex: 'trigger',
            render: (v: InspectionRun['trigger']) => t(`insp.trigger.${v}`),
          },
        ]}
      />
    </ListPage>
  );
}

function RunDetail({ id }: { id: number }) {
  const { t, pick } = useI18n();
  const run = useRun(id);
  const pagination = useLocalPagination(20);
  // on a phone the key column carries the evidence too: nothing to scroll sideways for
  const phone = useIsPhone();
  const r = run.data;
  if (!r) return null;
  return (
    <Card
      size="small"
      style={{ marginBottom: 12 }}
      title={
        <Space wrap>
          <span>
            {t('insp.latest')} · {formatDateTime(r.startedAt)}
          </span>
          <Verdict run={r} />
        </Space>
      }
      data-testid="inspection-detail"
    >
      <Descriptions
        size="small"
        column={{ xs: 1, sm: 2, md: 4 }}
        items={[
          { key: 's', label: t('insp.score'), children: r.state === 'failed' ? '—' : r.site.score },
          { key: 'v', label: t('insp.vetoes'), children: r.vetoes },
          { key: 'd', label: t('insp.deductions'), children: r.deductions },
          { key: 'a', label: t('insp.accountsFailed'), children: r.accountsFailed },
          { key: 'p', label: t('insp.pagesChecked'), children: r.pagesChecked },
          { key: 'l', label: t('insp.linksChecked'), children: r.linksChecked },
          { key: 'u', label: t('insp.unchecked'), children: r.unchecked },
        ]}
      />
      {r.error ? <Typography.Paragraph type="danger">{r.error}</Typography.Paragraph> : null}
      <Typography.Title level={3} style={{ fontSize: 15, marginTop: 8 }}>
        {t('insp.findings')}
      </Typography.Title>
      <ListTable<InspectionFinding>
        testId="inspection-findings"
        rowKey="id"
        dataSource={r.findings}
        pagination={pagination}
        locale={{ emptyText: t('insp.noFindings') }}
        columns={[
          {
            title: t('insp.finding'),
            dataIndex: 'code',
            render: (code: InspectionFinding['code'], f) => (
              <>
                <Space size={4} wrap>
                  {f.veto ? <Tag color="red">{t('insp.vetoed')}</Tag> : null}
                  {pick(FINDING_LABELS[code])}
                </Space>
                {phone ? (
                  <Typography.Paragraph type="secondary" style={{ margin: '4px 0 0', maxWidth: 300 }}>
                    {pick(f.evidence)}
                  </Typography.Paragraph>
                ) : null}
              </>
            ),
          },
          ...(phone
            ? []
            : [
                {
                  title: t('insp.subject'),
                  render: (_: unknown, f: InspectionFinding) => f.subject.label || '—',
                },
                { title: t('insp.evidence'), render: (_: unknown, f: InspectionFinding) => pick(f.evidence) },
                { title: t('insp.since'), dataIndex: 'since', render: (v: string | null) => v ?? '—' },
              ]),
          {
            title: t('insp.points'),
            dataIndex: 'points',
            align: 'right' as const,
            render: (v: number, f: InspectionFinding) => (f.veto ? '—' : v),
          },
        ]}
      />
    </Card>
  );
}

function SettingsForm() {
  const { t } = useI18n();
  const { message } = App.useApp();
  const settings = useInspectionSettings();
  const save = useSaveSettings();
  const [form] = Form.useForm<{ repeatAlertDays: number; securityIncident: string }>();
  const onError = useFormErrors(form);
  useEffect(() => {
    if (settings.data)
      form.setFieldsValue({
        repeatAlertDays: settings.data.repeatAlertDays,
        securityIncident: settings.data.securityIncident ?? '',
      });
  }, [settings.data, form]);
  return (
    <Card size="small" title={t('insp.settings')} style={{ marginBottom: 12 }}>
      <Form
        form={form}
        layout="vertical"
        onFinish={(v) =>
          save.mutate(
            { repeatAlertDays: v.repeatAlertDays, securityIncident: v.securityIncident?.trim() || null },
            { onSuccess: () => void message.success(t('insp.saved')), onError },
          )
        }
        data-testid="inspection-settings"
      >
        <Form.Item name="repeatAlertDays" label={t('insp.repeatDays')} rules={[{ required: true }]}>
          <InputNumber min={1} max={90} />
        </Form.Item>
        <Form.Item name="securityIncident" label={t('insp.incident')} extra={t('insp.incidentHelp')}>
          <Input.TextArea rows={2} maxLength={500} />
        </Form.Item>
        <Button htmlType="submit" loading={save.isPending}>
          {t('insp.save')}
        </Button>
      </Form>
    </Card>
  );
}
