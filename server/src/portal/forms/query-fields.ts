// What a public form's query string says, read field by field, with a message for each field a
// visitor got wrong — in their language, shown next to the form on the page (never a JSON error). A
// cleared field counts as not given; unknown fields are ignored; a repeated field uses its first value
// (decision 112). Pure apart from the dictionary it is handed.
import { isOneOf } from '@greenvoice/common';
import type { PortalDict } from '../layout/i18n.ts';

export interface FieldError {
  /** the form control's name (its id is `${form}-${field}`) */
  field: string;
  message: string;
}

export interface QueryReader {
  errors: FieldError[];
  /** the first value, trimmed; '' when absent or cleared */
  text(field: string): string;
  /** a text of at most `max` characters; longer is an error and answers its first `max` characters */
  boundedText(field: string, max: number): string;
  /** ?page=N within 1…max; anything else is an error and answers 1 */
  page(max: number): number;
  /** YYYY-MM-DD, a real day; '' when cleared */
  date(field: string): string;
  /** from ≤ to, at most maxDays apart when given (both fields' names) */
  dateRange(from: string, to: string, maxDays?: number): { from: string; to: string };
  /** one of `allowed`; '' when absent */
  oneOf<T extends string>(field: string, allowed: readonly T[]): T | '';
}

const DAY_MS = 86_400_000;

export function readQuery(q: URLSearchParams, t: PortalDict): QueryReader {
  const errors: FieldError[] = [];
  const fail = (field: string, message: string) => {
    if (!errors.some((e) => e.field === field)) errors.push({ field, message });
  };
  const text = (field: string) => (q.get(field) ?? '').trim();
  // 2018-99-99 is no time at all: Date.parse says NaN (toISOString would throw)
  const isDay = (s: string) => {
    const at = /^\d{4}-\d{2}-\d{2}$/.test(s) ? Date.parse(`${s}T00:00:00Z`) : NaN;
    return !Number.isNaN(at) && new Date(at).toISOString().slice(0, 10) === s;
  };
  const reader: QueryReader = {
    errors,
    text,
    boundedText(field, max) {
      const s = text(field);
      if ([...s].length <= max) return s;
      fail(field, t.errTooLong(max));
      return [...s].slice(0, max).join('');
    },
    page(max) {
      const s = text('page');
      if (!s) return 1;
      if (!/^[1-9]\d{0,5}$/.test(s) || Number(s) > max) {
        fail('page', t.errPage(max));
        return 1;
      }
      return Number(s);
    },
    date(field) {
      const s = text(field);
      if (!s) return '';
      if (!isDay(s)) {
        fail(field, t.errDate);
        return '';
      }
      return s;
    },
    dateRange(fromField, toField, maxDays) {
      const from = reader.date(fromField);
      const to = reader.date(toField);
      if (from && to && from > to) {
        fail(fromField, t.errRangeReversed);
        return { from: '', to: '' };
      }
      if (maxDays && from && to && (Date.parse(to) - Date.parse(from)) / DAY_MS + 1 > maxDays) {
        fail(fromField, t.errRangeTooLong(maxDays));
        return { from: '', to: '' };
      }
      return { from, to };
    },
    oneOf(field, allowed) {
      const s = text(field);
      if (!s) return '';
      if (isOneOf(allowed, s)) return s;
      fail(field, t.errChoice);
      return '';
    },
  };
  return reader;
}
