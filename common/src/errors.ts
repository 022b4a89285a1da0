// One error shape for every API answer that is not a success (see docs/architecture.md, "Errors").
// The code is stable (clients branch on it); the messages are for people, in Chinese and English.

export const ERROR_MESSAGES = {
  VALIDATION_FAILED: { status: 400, zh: '提交的数据不正确', en: 'The request data is invalid' },
  BAD_REQUEST: { status: 400, zh: '请求格式不正确', en: 'The request is malformed' },
  UNAUTHENTICATED: { status: 401, zh: '请先登录', en: 'Please sign in' },
  INVALID_CREDENTIALS: { status: 401, zh: '用户名或密码错误', en: 'Wrong user name or password' },
  ACCOUNT_LOCKED: {
    status: 423,
    zh: '账号因多次登录失败已被锁定，请稍后再试或联系管理员',
    en: 'The account is locked after repeated failed sign-ins; try later or ask an admin',
  },
  TOTP_REQUIRED: {
    status: 401,
    zh: '请输入身份验证器中的动态验证码',
    en: 'Enter the code from your authenticator app',
  },
  TOTP_INVALID: {
    status: 401,
    zh: '动态验证码不正确或已使用过',
    en: 'The code is wrong or has been used already',
  },
  TOTP_ENROLMENT_REQUIRED: {
    status: 403,
    zh: '请先绑定身份验证器（双因素认证）',
    en: 'You must set up two-factor authentication first',
  },
  PASSWORD_CHANGE_REQUIRED: { status: 403, zh: '请先修改密码', en: 'You must change your password first' },
  FORBIDDEN: { status: 403, zh: '没有权限执行此操作', en: 'You are not allowed to do this' },
  CSRF_REJECTED: { status: 403, zh: '请求来源不被信任', en: 'The request origin is not trusted' },
  NOT_FOUND: { status: 404, zh: '找不到该对象', en: 'Not found' },
  ROUTE_NOT_FOUND: { status: 404, zh: '接口不存在', en: 'No such API route' },
  METHOD_NOT_ALLOWED: { status: 405, zh: '不支持该请求方法', en: 'Method not allowed' },
  CONFLICT: {
    status: 409,
    zh: '数据已被他人修改，请刷新后重试',
    en: 'The record was changed by someone else; reload and retry',
  },
  DUPLICATE: { status: 409, zh: '该记录已存在', en: 'This record already exists' },
  REFERENCED: {
    status: 409,
    zh: '该记录仍被其他数据引用，不能删除或更改',
    en: 'Other records still refer to this one; it cannot be deleted or changed',
  },
  INVALID_TRANSITION: {
    status: 409,
    zh: '当前状态下不能执行该操作',
    en: 'This action is not allowed in the current status',
  },
  IDEMPOTENCY_KEY_REUSED: {
    status: 422,
    zh: '该幂等键已用于另一份内容不同的请求',
    en: 'This Idempotency-Key was already used with a different request body',
  },
  PAYLOAD_TOO_LARGE: { status: 413, zh: '提交的内容过大', en: 'The request body is too large' },
  UNSUPPORTED_MEDIA_TYPE: {
    status: 415,
    zh: '不支持的文件或内容类型',
    en: 'Unsupported file or content type',
  },
  UNPROCESSABLE: { status: 422, zh: '无法处理该请求', en: 'The request cannot be processed' },
  IMPORT_REJECTED: {
    status: 422,
    zh: '导入文件有错误，未导入任何数据',
    en: 'The import file has errors; nothing was imported',
  },
  RATE_LIMITED: { status: 429, zh: '请求过于频繁，请稍后再试', en: 'Too many requests; try again later' },
  INTERNAL: { status: 500, zh: '服务器内部错误', en: 'Internal server error' },
  UNAVAILABLE: { status: 503, zh: '服务暂不可用', en: 'Service unavailable' },
  DATABASE_UNAVAILABLE: {
    status: 503,
    zh: '数据库暂时无法连接，请稍后重试',
    en: 'The database cannot be reached right now; try again shortly',
  },
  STORAGE_FULL: {
    status: 507,
    zh: '服务器存储空间已满，未保存任何内容，请联系管理员',
    en: 'The server’s storage is full; nothing was saved. Please tell an administrator',
  },
} as const;

export type ErrorCode = keyof typeof ERROR_MESSAGES;

export interface FieldError {
  /** JSON-pointer-like path of the offending field, e.g. `/mobile` or `rows/3/手机` */
  field: string;
  message: string;
  messageEn: string;
}

export interface ApiErrorBody {
  code: ErrorCode;
  message: string;
  messageEn: string;
  requestId: string;
  fields?: FieldError[];
}
