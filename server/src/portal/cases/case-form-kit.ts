// The pieces every public case form is built from: labelled fields with their message beside them
// (aria-describedby, aria-invalid), a summary of problems at the top that links to each field, the
// honeypot, the form token and — only when abuse was detected — the text challenge. No JavaScript.
import { randomBytes } from 'node:crypto';
import { html, type SafeHtml } from '../html.ts';
import type { PortalView } from '../layout/layout.ts';
import type { FieldProblem } from '../../modules/cases/case-intake.ts';

export type { FieldProblem };

export interface FormState {
  values: Record<string, string>;
  problems: FieldProblem[];
  formToken: string;
  /** the challenge to answer, when abuse was detected */
  challenge: { question: { zh: string; en: string }; token: string } | null;
  /** photos were sent but the form came back: they must be chosen again */
  photosDropped?: boolean;
}

/** A form's token: a new one for every form shown, so the server knows a repeat of the same form. */
export const newFormToken = () => randomBytes(18).toString('base64url');
/** The posted token if it is one this site could have made, else null. */
export const postedFormToken = (f: Record<string, string | undefined>) =>
  /^[A-Za-z0-9_-]{16,64}$/.test(f.formToken ?? '') ? f.formToken! : null;

/** What a case page needs of the visitor's view: their language (PortalView has it). */
export type LangView = Pick<PortalView, 'prefs'>;

export const L = (v: LangView, zh: string, en: string) => (v.prefs.lang === 'en' ? en : zh);
export const pickL = (v: LangView, t: { zh: string; en: string }) => (v.prefs.lang === 'en' ? t.en : t.zh);

/** The honeypot: a field people never see nor reach; a form that fills it is a robot's. */
export const HONEYPOT = 'website';

export function problemOf(s: FormState, field: string) {
  return s.problems.find((p) => p.field === field) ?? null;
}

function message(v: LangView, s: FormState, field: string) {
  const p = problemOf(s, field);
  return p ? html`<p class="field-error" id="err-${field}">${pickL(v, p)}</p>` : '';
}

function attrs(s: FormState, field: string, hint?: boolean) {
  const p = problemOf(s, field);
  const ids = [p ? `err-${field}` : '', hint ? `hint-${field}` : ''].filter(Boolean).join(' ');
  return html`id="f-${field}" name="${field}" ${ids ? html`aria-describedby="${ids}"` : ''}
  ${p ? html`aria-invalid="true"` : ''}`;
}

export function textField(
  v: LangView,
  s: FormState,
  o: {
    name: string;
    label: string;
    required?: boolean;
    max: number;
    type?: string;
    hint?: string;
    autocomplete?: string;
  },
): SafeHtml {
  return html`<div class="field ${problemOf(s, o.name) ? 'has-error' : ''}">
    <label for="f-${o.name}"
      >${o.label}${o.required ? html`<span class="req" aria-hidden="true">*</span>` : ''}</label
    >
    ${o.hint ? html`<p class="hint" id="hint-${o.name}">${o.hint}</p>` : ''} ${message(v, s, o.name)}
    <input
      ${attrs(s, o.name, !!o.hint)}
      type="${o.type ?? 'text'}"
      maxlength="${o.max}"
      value="${s.values[o.name] ?? ''}"
      ${o.required ? html`required aria-required="true"` : ''}
      ${o.autocomplete ? html`autocomplete="${o.autocomplete}"` : ''}
    />
  </div>`;
}

export function textArea(
  v: LangView,
  s: FormState,
  o: { name: string; label: string; required?: boolean; max: number; hint?: string; rows?: number },
): SafeHtml {
  return html`<div class="field ${problemOf(s, o.name) ? 'has-error' : ''}">
    <label for="f-${o.name}"
      >${o.label}${o.required ? html`<span class="req" aria-hidden="true">*</span>` : ''}</label
    >
    ${o.hint ? html`<p class="hint" id="hint-${o.name}">${o.hint}</p>` : ''} ${message(v, s, o.name)}
    <textarea
      ${attrs(s, o.name, !!o.hint)}
      rows="${o.rows ?? 6}"
      maxlength="${o.max}"
      ${o.required ? html`required aria-required="true"` : ''}
    >
${s.values[o.name] ?? ''}</textarea>
  </div>`;
}

export function selectField(
  v: LangView,
  s: FormState,
  o: {
    name: string;
    label: string;
    /** `zh`: the option names Chinese content (a county), marked lang="zh-CN" */
    options: Array<{ value: string; label: string; zh?: boolean }>;
    required?: boolean;
  },
): SafeHtml {
  const current = s.values[o.name] ?? '';
  return html`<div class="field ${problemOf(s, o.name) ? 'has-error' : ''}">
    <label for="f-${o.name}"
      >${o.label}${o.required ? html`<span class="req" aria-hidden="true">*</span>` : ''}</label
    >
    ${message(v, s, o.name)}
    <select ${attrs(s, o.name)} ${o.required ? html`required aria-required="true"` : ''}>
      <option value="">${L(v, '请选择', 'Choose')}</option>
      ${o.options.map((op) => html`<option value="${op.value}" ${op.value === current ? html`selected` : ''} ${op.zh ? html`lang="zh-CN"` : ''}>${op.label}</option>`)}
    </select>
  </div>`;
}

export function radioGroup(
  v: LangView,
  s: FormState,
  o: { name: string; legend: string; options: Array<{ value: string; label: string }>; required?: boolean },
): SafeHtml {
  const current = s.values[o.name] ?? '';
  const p = problemOf(s, o.name);
  return html`<fieldset
    class="field ${p ? 'has-error' : ''}"
    id="f-${o.name}"
    ${p ? html`aria-describedby="err-${o.name}"` : ''}
  >
    <legend>${o.legend}${o.required ? html`<span class="req" aria-hidden="true">*</span>` : ''}</legend>
    ${message(v, s, o.name)}
    ${o.options.map(
      (op, i) =>
        html`<label class="choice"
          ><input
            type="radio"
            name="${o.name}"
            id="f-${o.name}-${i}"
            value="${op.value}"
            ${op.value === current ? html`checked` : ''}
          />
          ${op.label}</label
        >`,
    )}
  </fieldset>`;
}

export function checkbox(s: FormState, o: { name: string; label: string; hint?: string }): SafeHtml {
  return html`<div class="field">
    <label class="choice"
      ><input
        type="checkbox"
        id="f-${o.name}"
        name="${o.name}"
        value="1"
        ${s.values[o.name] === '1' ? html`checked` : ''}
      />
      ${o.label}</label
    >
    ${o.hint ? html`<p class="hint">${o.hint}</p>` : ''}
  </div>`;
}

/** The problems at the top, each a link to its field; focusable so a screen reader hears them first. */
export function problemSummary(v: LangView, s: FormState): SafeHtml | '' {
  if (!s.problems.length) return '';
  return html`<div class="form-problems" role="alert" tabindex="-1" id="problems">
    <h2>${L(v, '请修改以下内容后再提交', 'Please correct the following')}</h2>
    <ul>
      ${s.problems.map((p) => html`<li><a href="#f-${p.field}">${pickL(v, p)}</a></li>`)}
    </ul>
  </div>`;
}

/** The token, the honeypot and (when abuse was detected) the challenge: in every form. */
export function formGuards(v: LangView, s: FormState): SafeHtml {
  return html`<input type="hidden" name="formToken" value="${s.formToken}" />
    <div class="hp" aria-hidden="true">
      <label for="f-${HONEYPOT}">${L(v, '请勿填写此项', 'Leave this empty')}</label>
      <input id="f-${HONEYPOT}" name="${HONEYPOT}" type="text" tabindex="-1" autocomplete="off" value="" />
    </div>
    ${
      s.challenge
        ? html`<div class="field challenge ${problemOf(s, 'challenge') ? 'has-error' : ''}">
            <input type="hidden" name="challengeToken" value="${s.challenge.token}" />
            <label for="f-challenge"
              >${L(v, '安全验证：', 'Security check: ')}${pickL(v, s.challenge.question)}<span
                class="req"
                aria-hidden="true"
                >*</span
              ></label
            >
            <p class="hint" id="hint-challenge">
              ${L(v, '本网站近期收到来自您网络的较多提交，请回答此问题以确认由人工填写（请填写阿拉伯数字）。', 'Many forms came from your network recently: answer this to show a person is filling it in (digits).')}
            </p>
            ${message(v, s, 'challenge')}
            <input
              ${attrs(s, 'challenge', true)}
              type="text"
              inputmode="numeric"
              maxlength="4"
              autocomplete="off"
              required
              aria-required="true"
            />
          </div>`
        : ''
    }`;
}
