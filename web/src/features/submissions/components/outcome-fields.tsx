// What an approved piece led to — its adoption level (for kinds that have one) and the leader's
// instruction (批示) — asked the same way when a reviewer approves and when it is recorded later
// (ReviewModal, OutcomeModal), and how either dialog answers the save.
import {
  ADOPTION_LEVEL_LABELS,
  ADOPTION_LEVELS,
  hasAdoptionLevel,
  INSTRUCTION_LEVEL_LABELS,
  INSTRUCTION_LEVELS,
  type AdoptionLevel,
  type InstructionLevel,
  type SubmissionKind,
} from '@greenvoice/common';
import { App, Form, Input, Select, type FormInstance } from 'antd';
import { isApiError } from '../../../shared/api/api-error.ts';
import { useNotifyError } from '../../../shared/api/use-notify-error.ts';
import { useFormErrors } from '../../../shared/forms/use-form-errors.ts';
import { useI18n } from '../../../shared/i18n/use-i18n.ts';

export interface OutcomeValues {
  adoptionLevel?: AdoptionLevel;
  leaderInstruction?: InstructionLevel | null;
  instructionNote?: string;
}

/** The request body's outcome part: no adoption level for kinds that have none. */
export const outcomeBody = (kind: SubmissionKind, v: OutcomeValues) => ({
  ...(hasAdoptionLevel(kind) ? { adoptionLevel: v.adoptionLevel ?? 'none' } : {}),
  leaderInstruction: v.leaderInstruction ?? null,
  instructionNote: v.instructionNote?.trim() || null,
});

/** The outcome's form items; test ids `${testId}-adoption`, `-instruction`, `-note`. */
export function OutcomeFields({ kind, testId }: { kind: SubmissionKind; testId: string }) {
  const { t, pick } = useI18n();
  return (
    <>
      {hasAdoptionLevel(kind) ? (
        <Form.Item name="adoptionLevel" label={t('submissions.adoptionLevel')}>
          <Select
            data-testid={`${testId}-adoption`}
            options={ADOPTION_LEVELS.map((l) => ({ value: l, label: pick(ADOPTION_LEVEL_LABELS[l]) }))}
          />
        </Form.Item>
      ) : null}
      <Form.Item name="leaderInstruction" label={t('submissions.leaderInstruction')}>
        <Select
          allowClear
          placeholder={t('submissions.noInstruction')}
          data-testid={`${testId}-instruction`}
          options={INSTRUCTION_LEVELS.map((l) => ({ value: l, label: pick(INSTRUCTION_LEVEL_LABELS[l]) }))}
        />
      </Form.Item>
      <Form.Item name="instructionNote" label={t('submissions.instructionNote')}>
        <Input.TextArea rows={2} maxLength={1000} data-testid={`${testId}-note`} />
      </Form.Item>
    </>
  );
}

/**
 * How a submission dialog answers its save: done and closed; a stale version told and closed (the list
 * reloads); any other error shown on its fields.
 */
export function useSaveAnswer<V>(form: FormInstance<V>, onClose: () => void) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const notifyError = useNotifyError();
  const showFormError = useFormErrors(form);
  return {
    onSuccess: () => {
      void message.success(t('common.done'));
      onClose();
    },
    onError: (err: unknown) => {
      if (isApiError(err) && err.code === 'CONFLICT') {
        notifyError(err);
        onClose();
      } else showFormError(err);
    },
  };
}
