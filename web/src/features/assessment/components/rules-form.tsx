// The rule form (decision 127): the plan document's values edited in place, each field named by its
// JSON path so the validator's problems — found here first by the same function the server runs, then
// by the server — land on their field. Saving runs the dry run and asks which published bulletins the
// new rules would compute differently; they stay as published.
import {
  FINDING_LABELS,
  validatePlanDocument,
  type DryRunResult,
  type FindingCode,
  type FieldError,
  type PlanDetail,
  type PlanDocument,
  type PlanItem,
  type RulesImpact,
} from '@greenvoice/common';
import {
  Alert,
  App,
  Button,
  Card,
  Col,
  DatePicker,
  Form,
  Input,
  InputNumber,
  Modal,
  Row,
  Typography,
} from 'antd';
import dayjs from 'dayjs';
import { useState, type ReactNode } from 'react';
import { useFieldProblems, useFormErrors } from '../../../shared/forms/use-form-errors.ts';
import { useI18n } from '../../../shared/i18n/use-i18n.ts';
import { dryRun, rulesImpact, saveRules } from '../api/assessment-api.ts';
import { useAssessmentMutation } from '../hooks/use-assessment.ts';

type Path = (string | number)[];

function NumberField(props: { name: Path; label: string; min?: number; max?: number; step?: number }) {
  return (
    <Form.Item name={props.name} label={props.label} style={{ marginBottom: 8 }}>
      <InputNumber<number> min={props.min ?? 0} max={props.max} step={props.step} style={{ width: 120 }} />
    </Form.Item>
  );
}

function DateField(props: { name: Path; label: string }) {
  return (
    <Form.Item
      name={props.name}
      label={props.label}
      style={{ marginBottom: 8 }}
      getValueProps={(v: string | undefined) => ({ value: v ? dayjs(v) : null })}
      normalize={(d: dayjs.Dayjs | null) => d?.format('YYYY-MM-DD')}
    >
      <DatePicker />
    </Form.Item>
  );
}

/** one number per key of a record (points per outlet level, quota or target per group) */
function RecordFields(props: {
  base: Path;
  record: Record<string, number>;
  label: string;
  names?: (k: string) => string;
}) {
  return (
    <>
      {Object.keys(props.record).map((k) => (
        <NumberField
          key={k}
          name={[...props.base, k]}
          label={`${props.label} · ${props.names?.(k) ?? k}`}
          step={0.5}
        />
      ))}
    </>
  );
}

function ItemFields({ item, base, group }: { item: PlanItem; base: Path; group: (c: string) => string }) {
  const { t, pick } = useI18n();
  const r = item.rule;
  const rule = [...base, 'rule'];
  return (
    <Card
      size="small"
      title={`${item.code} ${item.name}`}
      style={{ marginBottom: 8 }}
      data-testid={`rule-item-${item.code}`}
    >
      <Row gutter={12}>
        {r.type === 'adoptionRate' || r.type === 'silence' || r.type === 'finding' ? (
          <NumberField name={[...base, 'maxDeduction']} label={t('rules.maxDeduction')} step={0.5} />
        ) : (
          <NumberField name={[...base, 'maxPoints']} label={t('rules.itemMax')} step={0.5} />
        )}
        {r.type === 'perPiece' && typeof r.perPiece === 'number' ? (
          <NumberField name={[...rule, 'perPiece']} label={t('rules.perPiece')} step={0.5} />
        ) : null}
        {r.type === 'perPiece' && typeof r.perPiece === 'object' ? (
          <RecordFields
            base={[...rule, 'perPiece']}
            record={r.perPiece}
            label={t('rules.perLevel', { basis: r.by })}
          />
        ) : null}
        {r.type === 'monthlyQuota' ? (
          <>
            <RecordFields base={[...rule, 'quota']} record={r.quota} label={t('rules.quota')} names={group} />
            <NumberField name={[...rule, 'basePerMonth']} label={t('rules.basePerMonth')} step={0.5} />
            <NumberField
              name={[...rule, 'shortfallPenalty']}
              label={t('rules.shortfallPenalty')}
              step={0.5}
            />
            <NumberField name={[...rule, 'fromMonth']} label={t('rules.fromMonth')} min={1} max={12} />
          </>
        ) : null}
        {r.type === 'deadline' ? (
          <>
            <DateField name={[...rule, 'due']} label={t('rules.due')} />
            <DateField name={[...rule, 'lateUntil']} label={t('rules.lateUntil')} />
            <NumberField name={[...rule, 'latePoints']} label={t('rules.latePoints')} step={0.5} />
          </>
        ) : null}
        {r.type === 'proportional' ? (
          <RecordFields
            base={[...rule, 'target']}
            record={r.target}
            label={t('rules.target')}
            names={group}
          />
        ) : null}
        {r.type === 'adoptionRate' ? (
          <>
            <NumberField name={[...rule, 'minRate']} label={t('rules.minRate')} max={1} step={0.05} />
            <NumberField name={[...rule, 'penalty']} label={t('rules.penalty')} step={0.5} />
          </>
        ) : null}
        {r.type === 'silence' ? (
          <>
            <NumberField name={[...rule, 'maxGapDays']} label={t('rules.maxGapDays')} min={1} />
            <NumberField name={[...rule, 'penalty']} label={t('rules.penalty')} step={0.5} />
          </>
        ) : null}
        {r.type === 'finding' ? (
          <RecordFields
            base={[...rule, 'penalty']}
            record={r.penalty}
            label={t('rules.perFinding')}
            names={(code) => pick(FINDING_LABELS[code as FindingCode] ?? { zh: code, en: code })}
          />
        ) : null}
      </Row>
    </Card>
  );
}

export function RulesForm({
  plan,
  canEdit,
  breakdown,
}: {
  plan: PlanDetail;
  canEdit: boolean;
  /** the current task-breakdown table, shown beside the form */
  breakdown: ReactNode;
}) {
  const { t, pick } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<PlanDocument>();
  const doc = plan.document as PlanDocument;
  const placeProblems = useFieldProblems(form);
  const onServerError = useFormErrors(form);
  const [unplaced, setUnplaced] = useState<FieldError[]>([]);
  const [confirm, setConfirm] = useState<{
    doc: PlanDocument;
    dry: DryRunResult;
    impact: RulesImpact;
  } | null>(null);
  const [note, setNote] = useState('');
  const check = useAssessmentMutation(async (d: PlanDocument) => ({
    dry: await dryRun(plan.id, d),
    impact: await rulesImpact(plan.id, d),
  }));
  const save = useAssessmentMutation((d: PlanDocument) =>
    saveRules(plan.id, { version: plan.version, document: d, note: note.trim() }),
  );
  const group = (code: string) => doc.groups.find((g) => g.code === code)?.name ?? code;

  const start = () => {
    // the whole document: the store keeps the fields the form does not show (matches, names) as loaded
    const next = structuredClone(form.getFieldsValue(true)) as PlanDocument;
    const problems = validatePlanDocument(next, plan.year);
    setUnplaced(placeProblems(problems));
    if (problems.length) return;
    check.mutate(next, {
      onSuccess: (r) => setConfirm({ doc: next, ...r }),
      onError: onServerError,
    });
  };
  const months = confirm?.impact.published.map(
    (p) => `${pick({ zh: p.label, en: p.labelEn })}（${p.docNumber ?? ''}）`,
  );

  return (
    <Row gutter={16}>
      <Col xs={24} lg={14}>
        <Typography.Paragraph type="secondary">{t('rules.formHelp')}</Typography.Paragraph>
        <Form form={form} layout="vertical" initialValues={doc} disabled={!canEdit} data-testid="rules-form">
          <Card size="small" title={t('rules.plan')} style={{ marginBottom: 8 }}>
            <Row gutter={12}>
              <NumberField name={['annualWeight']} label={t('rules.annualWeight')} step={0.5} />
              {doc.joint.mode === 'lead' ? (
                <NumberField name={['joint', 'leadShare']} label={t('rules.leadShare')} max={1} step={0.05} />
              ) : null}
              {doc.negativeList.map((n, i) => (
                <NumberField
                  key={n.code}
                  name={['negativeList', i, 'points']}
                  label={`${t('rules.negativeList')} · ${n.name}`}
                  step={0.5}
                />
              ))}
            </Row>
          </Card>
          {doc.blocks.map((b, bi) => (
            <Card key={b.code} size="small" title={`${b.code}. ${b.name}`} style={{ marginBottom: 12 }}>
              <NumberField name={['blocks', bi, 'maxPoints']} label={t('rules.blockMax')} />
              {b.items.map((item, ii) => (
                <ItemFields key={item.code} item={item} base={['blocks', bi, 'items', ii]} group={group} />
              ))}
            </Card>
          ))}
        </Form>
        {unplaced.length ? (
          <Alert
            type="error"
            showIcon
            title={t('rules.fieldErrors', { n: unplaced.length })}
            description={unplaced
              .map((p) => `${p.field} ${pick({ zh: p.message, en: p.messageEn })}`)
              .join('；')}
          />
        ) : null}
        {canEdit ? (
          <Button type="primary" onClick={start} loading={check.isPending} data-testid="rules-form-save">
            {t('rules.checkAndSave')}
          </Button>
        ) : null}
      </Col>
      <Col xs={24} lg={10}>
        <div style={{ position: 'sticky', top: 16 }} data-testid="rules-breakdown">
          {breakdown}
        </div>
      </Col>
      <Modal
        open={confirm !== null}
        title={t('rules.confirmTitle')}
        okText={t('rules.confirmSave')}
        okButtonProps={{
          disabled: !note.trim(),
          loading: save.isPending,
          ...({ 'data-testid': 'rules-confirm-save' } as Record<`data-${string}`, string>),
        }}
        onCancel={() => setConfirm(null)}
        onOk={() =>
          confirm &&
          save.mutate(confirm.doc, {
            onSuccess: (p) => {
              setConfirm(null);
              setNote('');
              void message.success(t('rules.saved', { n: p.rulesVersion }));
            },
            onError: (err) => {
              setConfirm(null);
              onServerError(err);
            },
          })
        }
      >
        <div data-testid="rules-confirm">
          <Typography.Paragraph>
            {t('rules.confirmChanged', { n: confirm?.dry.changed ?? 0 })}
          </Typography.Paragraph>
          <Alert
            type={months?.length ? 'warning' : 'info'}
            showIcon
            style={{ marginBottom: 12 }}
            title={
              months?.length
                ? t('rules.confirmPublished', { months: months.join('、') })
                : t('rules.confirmNoPublished')
            }
          />
          <Input
            value={note}
            onChange={(e) => setNote(e.target.value)}
            placeholder={t('rules.confirmNote')}
            aria-label={t('rules.confirmNote')}
            maxLength={200}
            data-testid="rules-confirm-note"
          />
        </div>
      </Modal>
    </Row>
  );
}
