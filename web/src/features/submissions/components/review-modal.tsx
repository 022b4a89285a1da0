import {
  actionNeedsReason,
  ADOPTION_LEVEL_LABELS,
  hasAdoptionLevel,
  ADOPTION_LEVELS,
  INSTRUCTION_LEVEL_LABELS,
  INSTRUCTION_LEVELS,
  SUBMISSION_ACTION_LABELS,
  type AdoptionLevel,
  type InstructionLevel,
  type Submission,
} from '@greenvoice/common';
import { Alert, App, Form, Input, Modal, Radio, Select } from 'antd';
import { isApiError } from '../../../shared/api/api-error.ts';
import { useFormErrors } from '../../../shared/forms/use-form-errors.ts';
import { useNotifyError } from '../../../shared/api/use-notify-error.ts';
import { useI18n } from '../../../shared/i18n/use-i18n.ts';
import { useReview } from '../hooks/use-submissions.ts';
import { DuplicateList } from './submission-tags.tsx';

type Decision = 'approve' | 'return' | 'reject';
interface Values {
  action: Decision;
  reason?: string;
  adoptionLevel?: AdoptionLevel;
  leaderInstruction?: InstructionLevel;
  instructionNote?: string;
}

/** Approve (with adoption level and leader instruction), return with a reason, or reject. */
export function ReviewModal({
  submission,
  initial = 'approve',
  onClose,
}: {
  submission: Submission;
  initial?: Decision;
  onClose: () => void;
}) {
  const { t, pick } = useI18n();
  const { message } = App.useApp();
  const notifyError = useNotifyError();
  const [form] = Form.useForm<Values>();
  const showFormError = useFormErrors(form);
  const action = Form.useWatch('action', form) ?? initial;
  const review = useReview();
  const allowed = submission.allowedActions.filter((a): a is Decision =>
    ['approve', 'return', 'reject'].includes(a),
  );

  const submit = (v: Values) =>
    review.mutate(
      {
        id: submission.id,
        version: submission.version,
        body:
          v.action === 'approve'
            ? {
                action: 'approve',
                ...(hasAdoptionLevel(submission.kind) ? { adoptionLevel: v.adoptionLevel ?? 'none' } : {}),
                leaderInstruction: v.leaderInstruction ?? null,
                instructionNote: v.instructionNote?.trim() || null,
              }
            : { action: v.action, reason: v.reason?.trim() ?? '' },
      },
      {
        onSuccess: () => {
          void message.success(t('common.done'));
          onClose();
        },
        onError: (err) => {
          if (isApiError(err) && err.code === 'CONFLICT') {
            notifyError(err);
            onClose();
          } else showFormError(err);
        },
      },
    );

  return (
    <Modal
      open
      title={t('submissions.reviewTitle', { title: submission.title })}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t('common.confirm')}
      confirmLoading={review.isPending}
      okButtonProps={{ 'data-testid': 'review-confirm', danger: action === 'reject' }}
      width={600}
      maskClosable={false}
    >
      {submission.duplicates.length ? (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 12 }}
          title={t('submissions.duplicateTitle')}
          description={<DuplicateList duplicates={submission.duplicates} />}
          data-testid="review-duplicates"
        />
      ) : null}
      <Form<Values>
        form={form}
        layout="vertical"
        onFinish={submit}
        initialValues={{ action: initial, adoptionLevel: 'none' }}
      >
        <Form.Item name="action" label={t('submissions.decision')}>
          <Radio.Group
            optionType="button"
            data-testid="review-action"
            options={allowed.map((a) => ({ value: a, label: pick(SUBMISSION_ACTION_LABELS[a]) }))}
          />
        </Form.Item>
        {action === 'approve' ? (
          <>
            {hasAdoptionLevel(submission.kind) ? (
              <Form.Item name="adoptionLevel" label={t('submissions.adoptionLevel')}>
                <Select
                  options={ADOPTION_LEVELS.map((l) => ({ value: l, label: pick(ADOPTION_LEVEL_LABELS[l]) }))}
                />
              </Form.Item>
            ) : null}
            <Form.Item name="leaderInstruction" label={t('submissions.leaderInstruction')}>
              <Select
                allowClear
                placeholder={t('submissions.noInstruction')}
                options={INSTRUCTION_LEVELS.map((l) => ({
                  value: l,
                  label: pick(INSTRUCTION_LEVEL_LABELS[l]),
                }))}
                data-testid="review-instruction"
              />
            </Form.Item>
            <Form.Item name="instructionNote" label={t('submissions.instructionNote')}>
              <Input.TextArea rows={2} maxLength={1000} />
            </Form.Item>
          </>
        ) : (
          <Form.Item
            name="reason"
            label={t('submissions.reason')}
            rules={[
              {
                required: actionNeedsReason(action),
                whitespace: true,
                message: t('submissions.reasonRequired'),
              },
            ]}
          >
            <Input.TextArea rows={3} maxLength={1000} showCount data-testid="review-reason" />
          </Form.Item>
        )}
      </Form>
    </Modal>
  );
}
