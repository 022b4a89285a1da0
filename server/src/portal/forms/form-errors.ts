// The message block beside a public form: what was wrong, field by field, announced to screen readers
// and linked from each field (aria-describedby), in the visitor's language.
import { html, type SafeHtml } from '../html.ts';
import type { PortalView } from '../layout/layout.ts';
import type { FieldError } from './query-fields.ts';

export function formErrors(v: PortalView, form: string, errors: FieldError[]): SafeHtml | '' {
  if (errors.length === 0) return '';
  return html`<div class="form-errors" role="alert" id="${form}-errors">
    <p>${v.t.formErrorsTitle}</p>
    <ul>
      ${errors.map((e) => html`<li id="${form}-${e.field}-error">${e.message}</li>`)}
    </ul>
  </div>`;
}

/** aria attributes for a field: invalid and described by its message when it has one. */
export function fieldState(form: string, field: string, errors: FieldError[]): SafeHtml | '' {
  return errors.some((e) => e.field === field)
    ? html`aria-invalid="true" aria-describedby="${form}-${field}-error"`
    : '';
}
