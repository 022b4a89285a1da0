// The forms of an interview's steps (decision 134): leadership confirms a candidate with date, time,
// place and interviewer (printed on the notice); withdraws a confirmed one with the reason; records the
// minutes and the rectification asked for; records that the unit has rectified. Field errors from the
// server land on their fields.
import type { Interview } from '@greenvoice/common';
import { App, DatePicker, Form, Input, Modal, TimePicker } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useFormErrors } from '../../../shared/forms/use-form-errors.ts';
import { useI18n } from '../../../shared/i18n/use-i18n.ts';
import { confirmInterview, interviewStep } from '../api/assessment-api.ts';
import { useAssessmentMutation } from '../hooks/use-assessment.ts';

export type InterviewStep =
  | { kind: 'confirm'; planId: number; unitId: number; unitName: string }
  | { kind: 'withdraw' | 'minutes' | 'rectified'; interview: Interview };

const STEP_LABEL = {
  confirm: 'assessment.interviewStep.confirm',
  withdraw: 'assessment.interviewStep.withdraw',
  minutes: 'assessment.interviewStep.minutes',
  rectified: 'assessment.interviewStep.rectified',
} as const;

const day = (d: Dayjs | undefined) => (d ? d.format('YYYY-MM-DD') : '');

export function InterviewStepModal({ step, onClose }: { step: InterviewStep | null; onClose: () => void }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm();
  const showError = useFormErrors(form);
  const run = useAssessmentMutation(async (values: Record<string, unknown>) => {
    if (!step) return;
    if (step.kind === 'confirm')
      return confirmInterview(step.planId, {
        unitId: step.unitId,
        date: day(values.date as Dayjs),
        time: (values.time as Dayjs).format('HH:mm'),
        place: String(values.place ?? ''),
        interviewer: String(values.interviewer ?? ''),
      });
    const v = step.interview.version;
    if (step.kind === 'withdraw')
      return interviewStep(step.interview.id, 'withdraw', {
        version: v,
        reason: String(values.reason ?? ''),
      });
    if (step.kind === 'minutes')
      return interviewStep(step.interview.id, 'minutes', {
        version: v,
        heldOn: day(values.heldOn as Dayjs),
        minutes: String(values.minutes ?? ''),
        rectification: String(values.rectification ?? ''),
        rectificationDue: day(values.rectificationDue as Dayjs),
      });
    return interviewStep(step.interview.id, 'rectified', {
      version: v,
      rectifiedOn: day(values.rectifiedOn as Dayjs),
    });
  });
  if (!step) return null;
  const unitName = step.kind === 'confirm' ? step.unitName : step.interview.unitName;
  const title = `${t(STEP_LABEL[step.kind])} — ${unitName}`;
  const required = [{ required: true, message: t('form.required') }];
  return (
    <Modal
      open
      destroyOnHidden
      title={title}
      okText={t(STEP_LABEL[step.kind])}
      okButtonProps={{ danger: step.kind === 'withdraw', id: 'interview-step-ok' }}
      confirmLoading={run.isPending}
      onCancel={onClose}
      onOk={() =>
        form.validateFields().then((values: Record<string, unknown>) =>
          run.mutate(values, {
            onSuccess: () => {
              void message.success(t('common.saved'));
              onClose();
            },
            onError: showError,
          }),
        )
      }
    >
      <Form form={form} layout="vertical" preserve={false}>
        {step.kind === 'confirm' ? (
          <>
            <Form.Item name="date" label={t('assessment.interviewDate')} rules={required}>
              <DatePicker
                style={{ width: '100%' }}
                disabledDate={(d) => d.isBefore(dayjs(), 'day')}
                data-testid="interview-date"
              />
            </Form.Item>
            <Form.Item name="time" label={t('assessment.interviewTime')} rules={required}>
              <TimePicker
                format="HH:mm"
                minuteStep={5}
                style={{ width: '100%' }}
                data-testid="interview-time"
              />
            </Form.Item>
            <Form.Item name="place" label={t('assessment.interviewPlace')} rules={required}>
              <Input maxLength={100} data-testid="interview-place" />
            </Form.Item>
            <Form.Item name="interviewer" label={t('assessment.interviewer')} rules={required}>
              <Input maxLength={100} data-testid="interview-interviewer" />
            </Form.Item>
          </>
        ) : null}
        {step.kind === 'withdraw' ? (
          <Form.Item name="reason" label={t('assessment.withdrawReason')} rules={required}>
            <Input.TextArea rows={3} maxLength={500} />
          </Form.Item>
        ) : null}
        {step.kind === 'minutes' ? (
          <>
            <Form.Item name="heldOn" label={t('assessment.heldOn')} rules={required}>
              <DatePicker style={{ width: '100%' }} />
            </Form.Item>
            <Form.Item name="minutes" label={t('assessment.minutes')} rules={required}>
              <Input.TextArea rows={4} maxLength={5000} />
            </Form.Item>
            <Form.Item name="rectification" label={t('assessment.rectification')} rules={required}>
              <Input.TextArea rows={3} maxLength={2000} />
            </Form.Item>
            <Form.Item name="rectificationDue" label={t('assessment.rectificationDue')} rules={required}>
              <DatePicker style={{ width: '100%' }} />
            </Form.Item>
          </>
        ) : null}
        {step.kind === 'rectified' ? (
          <Form.Item name="rectifiedOn" label={t('assessment.rectifiedOn')} rules={required}>
            <DatePicker style={{ width: '100%' }} />
          </Form.Item>
        ) : null}
      </Form>
    </Modal>
  );
}
