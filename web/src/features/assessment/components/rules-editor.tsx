// The rules as JSON, edited in place: a dry run shows every unit's score and rank before and after,
// and saving makes a new version. Problems are listed by their exact JSON path.
import type { DryRunResult, FieldError, PlanDetail } from '@greenvoice/common';
import { Alert, App, Button, Flex, Input, List, Table, Typography, type TableColumnsType } from 'antd';
import { useState } from 'react';
import { isApiError } from '../../../shared/api/api-error.ts';
import { useNotifyError } from '../../../shared/api/use-notify-error.ts';
import { useI18n } from '../../../shared/i18n/use-i18n.ts';
import { dryRun, saveRules } from '../api/assessment-api.ts';
import { useAssessmentMutation } from '../hooks/use-assessment.ts';

type DryRow = DryRunResult['rows'][number];

export function RulesEditor({ plan, canEdit }: { plan: PlanDetail; canEdit: boolean }) {
  const { t, pick } = useI18n();
  const { message } = App.useApp();
  const notify = useNotifyError();
  const [text, setText] = useState(() => JSON.stringify(plan.document, null, 2));
  const [problems, setProblems] = useState<FieldError[]>([]);
  const [result, setResult] = useState<DryRunResult | null>(null);
  const [note, setNote] = useState('');
  const run = useAssessmentMutation((doc: unknown) => dryRun(plan.id, doc));
  const save = useAssessmentMutation((doc: unknown) =>
    saveRules(plan.id, { version: plan.version, document: doc, note: note.trim() }),
  );

  const parse = (): unknown => {
    try {
      return JSON.parse(text);
    } catch (err) {
      setProblems([
        {
          field: '/',
          message: `JSON 格式错误：${(err as Error).message}`,
          messageEn: `Not valid JSON: ${(err as Error).message}`,
        },
      ]);
      return undefined;
    }
  };
  const onError = (err: unknown) => {
    if (isApiError(err) && err.fields.length) setProblems(err.fields);
    else notify(err);
  };
  const doDryRun = () => {
    setProblems([]);
    const doc = parse();
    if (doc !== undefined) run.mutate(doc, { onSuccess: setResult, onError });
  };
  const doSave = () => {
    setProblems([]);
    const doc = parse();
    if (doc !== undefined)
      save.mutate(doc, {
        onSuccess: () => {
          setResult(null);
          setNote('');
          void message.success(t('assessment.rulesSaved'));
        },
        onError,
      });
  };

  const columns: TableColumnsType<DryRow> = [
    { title: t('assessment.unit'), dataIndex: 'unitName' },
    {
      title: t('assessment.group'),
      dataIndex: 'groupName',
      width: 150,
    },
    { title: t('assessment.before'), dataIndex: 'before', width: 90, align: 'right' },
    { title: t('assessment.after'), dataIndex: 'after', width: 90, align: 'right' },
    {
      title: t('assessment.delta'),
      dataIndex: 'delta',
      width: 90,
      align: 'right',
      sorter: (a, b) => Math.abs(b.delta) - Math.abs(a.delta),
      // the units a change moves come first
      defaultSortOrder: 'ascend',
      render: (d: number) => (
        <Typography.Text type={d < 0 ? 'danger' : d > 0 ? 'success' : 'secondary'}>
          {d > 0 ? `+${d}` : d}
        </Typography.Text>
      ),
    },
    {
      title: t('assessment.rankChange'),
      width: 120,
      render: (_: unknown, r) => `${r.rankBefore} → ${r.rankAfter}`,
    },
  ];

  return (
    <>
      <Typography.Paragraph type="secondary">{t('assessment.rulesHelp')}</Typography.Paragraph>
      <Input.TextArea
        value={text}
        onChange={(e) => setText(e.target.value)}
        autoSize={{ minRows: 16, maxRows: 32 }}
        spellCheck={false}
        readOnly={!canEdit}
        style={{ fontFamily: 'ui-monospace, Menlo, Consolas, monospace', fontSize: 12 }}
        data-testid="rules-json"
        aria-label={t('assessment.rules')}
      />
      {problems.length ? (
        <Alert
          type="error"
          showIcon
          style={{ marginTop: 12 }}
          title={t('assessment.rulesInvalid', { n: problems.length })}
          description={
            <List
              size="small"
              dataSource={problems}
              data-testid="rules-errors"
              renderItem={(p) => (
                <List.Item>
                  <Typography.Text code>{p.field}</Typography.Text> {pick({ zh: p.message, en: p.messageEn })}
                </List.Item>
              )}
            />
          }
        />
      ) : null}
      {canEdit ? (
        <Flex gap={8} wrap style={{ marginTop: 12 }}>
          <Button onClick={doDryRun} loading={run.isPending} data-testid="dry-run">
            {t('assessment.dryRun')}
          </Button>
          <Input
            style={{ width: 320 }}
            value={note}
            onChange={(e) => setNote(e.target.value)}
            placeholder={t('assessment.versionNote')}
            maxLength={200}
          />
          <Button
            type="primary"
            onClick={doSave}
            loading={save.isPending}
            disabled={!note.trim() || !result}
            data-testid="save-rules"
          >
            {t('assessment.saveVersion')}
          </Button>
        </Flex>
      ) : null}
      {result ? (
        <div style={{ marginTop: 16 }} data-testid="dry-run-result">
          <Typography.Text strong>{t('assessment.dryRunResult', { n: result.changed })}</Typography.Text>
          <Table<DryRow>
            style={{ marginTop: 8 }}
            rowKey="unitId"
            size="small"
            columns={columns}
            dataSource={result.rows}
            pagination={false}
            scroll={{ y: 400 }}
          />
        </div>
      ) : null}
    </>
  );
}
