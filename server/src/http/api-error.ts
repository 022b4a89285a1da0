import { ERROR_MESSAGES, type ErrorCode, type FieldError } from '@greenvoice/common';

/** A failure meant for the client: its code picks the status and the standard Chinese/English messages. */
export class ApiError extends Error {
  readonly status: number;
  readonly code: ErrorCode;
  readonly fields?: FieldError[];
  /** a more specific message than the code's standard one */
  readonly specific?: { zh: string; en: string };
  readonly headers?: Record<string, string>;
  // plain fields, not constructor parameter properties: erasable syntax only (decision 088)
  constructor(
    code: ErrorCode,
    fields?: FieldError[],
    specific?: { zh: string; en: string },
    headers?: Record<string, string>,
  ) {
    super(specific?.en ?? ERROR_MESSAGES[code].en);
    this.status = ERROR_MESSAGES[code].status;
    this.code = code;
    this.fields = fields;
    this.specific = specific;
    this.headers = headers;
  }
}

export const notFound = () => new ApiError('NOT_FOUND');
export const forbidden = () => new ApiError('FORBIDDEN');
export const conflict = () => new ApiError('CONFLICT');

export function invalid(field: string, zh: string, en: string): ApiError {
  return new ApiError('VALIDATION_FAILED', [{ field, message: zh, messageEn: en }]);
}
