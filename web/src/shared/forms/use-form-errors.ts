// The one way a console form reports a failed save: every field problem the server names is shown next
// to that field; anything else (a conflict, a problem with no field on this form) as a message on top.
import type { FieldError } from '@greenvoice/common';
import type { FormInstance } from 'antd';
import { useCallback } from 'react';
import { isApiError } from '../api/api-error.ts';
import { useNotifyError } from '../api/use-notify-error.ts';
import { useI18n } from '../i18n/use-i18n.ts';
import { placeFieldErrors, type FormNamePath } from './field-errors.ts';

export function useFormErrors(form: FormInstance): (err: unknown) => void {
  const { pick } = useI18n();
  const notifyError = useNotifyError();
  return useCallback(
    (err: unknown) => {
      if (!isApiError(err) || err.fields.length === 0) return notifyError(err);
      const registered = form
        .getFieldsError()
        .map((f) => (Array.isArray(f.name) ? f.name : [f.name]) as FormNamePath);
      const placed = placeFieldErrors(err.fields, registered, pick);
      form.setFields(placed.fields);
      if (placed.unmatched.length > 0 || placed.fields.length === 0) notifyError(err);
    },
    [form, pick, notifyError],
  );
}

/**
 * Problems found before sending (the same validator the server runs, from common/) shown the same way:
 * each next to its field; returns those no field on the form matches, for the caller to list.
 */
export function useFieldProblems(form: FormInstance): (problems: readonly FieldError[]) => FieldError[] {
  const { pick } = useI18n();
  return useCallback(
    (problems: readonly FieldError[]) => {
      const registered = form
        .getFieldsError()
        .map((f) => (Array.isArray(f.name) ? f.name : [f.name]) as FormNamePath);
      const placed = placeFieldErrors(problems, registered, pick);
      form.setFields(placed.fields);
      return placed.unmatched;
    },
    [form, pick],
  );
}
