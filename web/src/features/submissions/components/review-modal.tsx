import { actionNeedsReason, SUBMISSION_ACTION_LABELS, type Submission } from '@greenvoice/common';
import { Alert, Form, Input, Modal, Radio } from 'antd';
import { useI18n } from '../../../shared/i18n/use-i18n.ts';
import { useReview } from '../hooks/use-submissions.ts';
import { OutcomeFields, outcomeBody, useSaveAnswer, type OutcomeValues } from './outcome-fields.tsx';
import { DuplicateList } from './submission-tags.tsx';

type Decision = 'approve' | 'return' | 'reject';
interface Values extends OutcomeValues {
  action: Decision;
  reason?: string;
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
  const [form] = Form.useForm<Values>();
  const answer = useSaveAnswer(form, onClose);
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
            ? { action: 'approve', ...outcomeBody(submission.kind, v) }
            : { action: v.action, reason: v.reason?.trim() ?? '' },
      },
      answer,
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
          <OutcomeFields kind={submission.kind} testId="review" />
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
