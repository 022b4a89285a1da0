import type { ApiErrorBody, FieldError } from '@greenvoice/common';

/** A failed API call: the server's error body (common/src/errors.ts) plus the HTTP status. */
export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly body: ApiErrorBody;

  constructor(status: number, body: ApiErrorBody) {
    super(body.messageEn);
    this.name = 'ApiError';
    this.status = status;
    this.code = body.code;
    this.body = body;
  }

  get fields(): FieldError[] {
    return this.body.fields ?? [];
  }
}

export function isApiError(err: unknown): err is ApiError {
  return err instanceof ApiError;
}

/** An answer that is not the standard error shape (proxy page, network failure) still becomes an ApiError. */
export function fallbackError(status: number): ApiError {
  const offline = status === 0;
  return new ApiError(status, {
    code: offline ? 'UNAVAILABLE' : status >= 500 ? 'INTERNAL' : 'BAD_REQUEST',
    message: offline ? '无法连接服务器，请检查网络后重试' : `服务器返回错误（${status}）`,
    messageEn: offline
      ? 'Cannot reach the server; check the network and retry'
      : `The server answered with an error (${status})`,
    requestId: '',
  });
}

export async function errorFromResponse(res: Response): Promise<ApiError> {
  try {
    const body = (await res.json()) as Partial<ApiErrorBody>;
    if (typeof body.code === 'string' && typeof body.message === 'string')
      return new ApiError(res.status, body as ApiErrorBody);
  } catch {
    // not JSON: fall through to the generic message
  }
  return fallbackError(res.status);
}
