import {
  ACTIVITY_TYPE_LABELS,
  ACTIVITY_TYPES,
  AWARD_RANK_LABELS,
  AWARD_RANKS,
  KIND_FIELDS,
  OUTLET_LEVEL_LABELS,
  offeredSubmissionKinds,
  OUTLET_LEVELS,
  SUBMISSION_KIND_LABELS,
  SUBMISSION_THEME_LABELS,
  SUBMISSION_THEMES,
  type Evidence,
  type Submission,
  type SubmissionInput,
  type SubmissionKind,
} from '@greenvoice/common';
import { App, Button, DatePicker, Form, Input, InputNumber, Modal, Select, type UploadFile } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { isApiError } from '../../../shared/api/api-error.ts';
import { useFormErrors } from '../../../shared/forms/use-form-errors.ts';
import { useNotifyError } from '../../../shared/api/use-notify-error.ts';
import { useI18n } from '../../../shared/i18n/use-i18n.ts';
import {
  useCoUnitOptions,
  useOfferedKinds,
  useOutletOptions,
  useSaveSubmission,
  useSubmit,
} from '../hooks/use-submissions.ts';
import { DateWarnings } from './date-warnings.tsx';
import { EvidenceUpload, evidenceIdsOf, toFileList } from './evidence-upload.tsx';

interface Values {
  kind: SubmissionKind;
  title: string;
  date: Dayjs;
  outletId?: number;
  link?: string;
  activityType?: string;
  awardRank?: string;
  quantity?: number;
  accountName?: string;
  themes?: string[];
  coUnitIds?: number[];
  summary?: string;
  evidence?: UploadFile<Evidence>[];
}

/** Create (submission = null) or edit a draft / returned submission; "submit" also sends it for review. */
export function SubmissionFormModal({
  submission,
  onClose,
}: {
  submission: Submission | null;
  onClose: () => void;
}) {
  const { t, pick } = useI18n();
  const { message } = App.useApp();
  const notifyError = useNotifyError();
  const [form] = Form.useForm<Values>();
  const pickedDate = Form.useWatch('date', form) as Dayjs | undefined;
  const showFormError = useFormErrors(form);
  const kind = Form.useWatch('kind', form) ?? submission?.kind ?? 'newsReport';
  const activityType = Form.useWatch('activityType', form);
  const fields = KIND_FIELDS[kind];
  const outlets = useOutletOptions();
  const coUnits = useCoUnitOptions(true);
  // the kinds the current plan scores (every kind if it cannot be read), and an edited one's own kind
  const offer = useOfferedKinds();
  const kinds = offer.isPending
    ? [submission?.kind ?? 'newsReport']
    : offeredSubmissionKinds(offer.data?.kinds ?? null, submission?.kind ?? null);
  const save = useSaveSubmission();
  const submitIt = useSubmit();
  // one key per opening of the form: a double click or a retry after a lost answer creates one record
  const [idempotencyKey] = useState(() => crypto.randomUUID());
  const busy = save.isPending || submitIt.isPending;

  const body = (v: Values) => ({
    kind: v.kind,
    title: v.title.trim(),
    date: v.date.format('YYYY-MM-DD'),
    outletId: v.outletId ?? null,
    link: v.link?.trim() || null,
    activityType: (v.activityType ?? null) as SubmissionInput['activityType'],
    awardRank: (v.awardRank ?? null) as SubmissionInput['awardRank'],
    quantity: v.quantity ?? null,
    accountName: v.accountName?.trim() || null,
    themes: (v.themes ?? []) as SubmissionInput['themes'],
    coUnitIds: v.coUnitIds ?? [],
    summary: v.summary?.trim() || null,
    evidenceIds: evidenceIdsOf(v.evidence ?? []),
  });

  const onError = (err: unknown) => {
    if (isApiError(err) && err.code === 'CONFLICT') {
      notifyError(err);
      onClose();
    } else showFormError(err);
  };

  const finish = async (andSubmit: boolean) => {
    let v: Values;
    try {
      v = await form.validateFields();
    } catch {
      return; // the form shows what is missing
    }
    try {
      const saved = submission
        ? await save.mutateAsync({
            kind: 'update',
            id: submission.id,
            version: submission.version,
            body: body(v),
          })
        : await save.mutateAsync({ kind: 'create', body: { ...body(v), submit: andSubmit }, idempotencyKey });
      if (andSubmit && submission) await submitIt.mutateAsync({ id: saved.id, version: saved.version });
      void message.success(t(andSubmit ? 'submissions.submitted' : 'common.saved'));
      onClose();
    } catch (err) {
      onError(err);
    }
  };

  const outletOptions = OUTLET_LEVELS.map((level) => ({
    label: pick(OUTLET_LEVEL_LABELS[level]),
    options: (outlets.data?.items ?? [])
      .filter((o) => o.level === level)
      .map((o) => ({ value: o.id, label: o.name })),
  })).filter((g) => g.options.length);
  const required = (need: string) => need === 'required';

  return (
    <Modal
      open
      title={submission ? t('submissions.edit') : t('submissions.create')}
      onCancel={onClose}
      width={720}
      maskClosable={false}
      footer={[
        <Button key="cancel" onClick={onClose}>
          {t('submissions.cancel')}
        </Button>,
        <Button
          key="draft"
          loading={busy}
          onClick={() => void finish(false)}
          data-testid="submission-save-draft"
        >
          {t('submissions.saveDraft')}
        </Button>,
        <Button
          key="submit"
          type="primary"
          loading={busy}
          onClick={() => void finish(true)}
          data-testid="submission-submit"
        >
          {submission?.status === 'returned' ? t('submissions.resubmit') : t('submissions.submit')}
        </Button>,
      ]}
    >
      <Form<Values>
        form={form}
        layout="vertical"
        data-testid="submission-form"
        initialValues={
          submission
            ? {
                kind: submission.kind,
                title: submission.title,
                date: dayjs(submission.date),
                outletId: submission.outletId ?? undefined,
                link: submission.link ?? undefined,
                activityType: submission.activityType ?? undefined,
                awardRank: submission.awardRank ?? undefined,
                quantity: submission.quantity ?? undefined,
                accountName: submission.accountName ?? undefined,
                themes: submission.themes,
                coUnitIds: submission.coUnits.map((u) => u.id),
                summary: submission.summary ?? undefined,
                evidence: toFileList(submission.evidence),
              }
            : { kind: 'newsReport', date: dayjs(), themes: [], coUnitIds: [], evidence: [] }
        }
      >
        <Form.Item name="kind" label={t('submissions.kind')} rules={[{ required: true }]}>
          <Select
            data-testid="submission-kind"
            loading={offer.isPending}
            options={kinds.map((k) => ({ value: k, label: pick(SUBMISSION_KIND_LABELS[k]) }))}
          />
        </Form.Item>
        <Form.Item
          name="title"
          label={t('submissions.title')}
          rules={[
            { required: true, whitespace: true, message: t('submissions.titleRequired') },
            { max: 200, message: t('common.maxLength', { max: 200 }) },
          ]}
        >
          <Input data-testid="submission-title" />
        </Form.Item>
        <Form.Item name="date" label={pick(fields.dateLabel)} rules={[{ required: true }]}>
          <DatePicker
            data-testid="submission-date"
            disabledDate={(d) => d.isAfter(dayjs(), 'day')}
            style={{ width: 200 }}
          />
        </Form.Item>
        <DateWarnings date={pickedDate ? dayjs(pickedDate).format('YYYY-MM-DD') : null} />
        {fields.outlet !== 'none' ? (
          <Form.Item
            name="outletId"
            label={kind === 'subscription' ? t('submissions.paper') : t('submissions.outlet')}
            rules={[{ required: required(fields.outlet), message: t('submissions.outletRequired') }]}
          >
            <Select
              showSearch
              allowClear
              optionFilterProp="label"
              options={outletOptions}
              loading={outlets.isLoading}
              data-testid="submission-outlet"
            />
          </Form.Item>
        ) : null}
        {fields.link !== 'none' ? (
          <Form.Item
            name="link"
            label={t('submissions.link')}
            rules={[
              { required: required(fields.link), message: t('submissions.linkRequired') },
              { pattern: /^https?:\/\/\S+$/, message: t('submissions.linkPattern') },
            ]}
          >
            <Input placeholder="https://" data-testid="submission-link" />
          </Form.Item>
        ) : null}
        {fields.activityType !== 'none' ? (
          <Form.Item
            name="activityType"
            label={t('submissions.activityType')}
            rules={[{ required: true, message: t('submissions.activityTypeRequired') }]}
          >
            <Select
              options={ACTIVITY_TYPES.map((a) => ({ value: a, label: pick(ACTIVITY_TYPE_LABELS[a]) }))}
            />
          </Form.Item>
        ) : null}
        {kind === 'activity' && activityType === 'contestAward' ? (
          <Form.Item
            name="awardRank"
            label={t('submissions.awardRank')}
            rules={[{ required: true, message: t('submissions.awardRankRequired') }]}
          >
            <Select options={AWARD_RANKS.map((a) => ({ value: a, label: pick(AWARD_RANK_LABELS[a]) }))} />
          </Form.Item>
        ) : null}
        {fields.accountName !== 'none' ? (
          <Form.Item
            name="accountName"
            label={t('submissions.accountName')}
            rules={[{ required: true, whitespace: true, message: t('submissions.accountNameRequired') }]}
          >
            <Input maxLength={100} />
          </Form.Item>
        ) : null}
        {fields.quantity !== 'none' && fields.quantityLabel ? (
          <Form.Item
            name="quantity"
            label={pick(fields.quantityLabel)}
            rules={[{ required: required(fields.quantity), message: t('submissions.quantityRequired') }]}
          >
            <InputNumber min={0} max={1_000_000_000} precision={0} style={{ width: 200 }} />
          </Form.Item>
        ) : null}
        <Form.Item name="themes" label={t('submissions.themes')}>
          <Select
            mode="multiple"
            allowClear
            options={SUBMISSION_THEMES.map((th) => ({ value: th, label: pick(SUBMISSION_THEME_LABELS[th]) }))}
            data-testid="submission-themes"
          />
        </Form.Item>
        <Form.Item name="coUnitIds" label={t('submissions.coUnits')} extra={t('submissions.coUnitsHint')}>
          <Select
            mode="multiple"
            allowClear
            optionFilterProp="label"
            maxCount={10}
            options={(coUnits.data ?? []).map((u) => ({ value: u.id, label: u.name }))}
          />
        </Form.Item>
        <Form.Item name="summary" label={t('submissions.summary')}>
          <Input.TextArea rows={3} maxLength={2000} showCount />
        </Form.Item>
        <Form.Item
          name="evidence"
          label={t('submissions.evidence')}
          extra={t('submissions.evidenceHint')}
          valuePropName="value"
        >
          <EvidenceUpload />
        </Form.Item>
      </Form>
    </Modal>
  );
}
