// One error type with a closed list of codes (DESIGN convention 4). Programs read `code`;
// people read the Chinese message. The server maps codes to HTTP status in one place.
export const ERROR_CODES = {
  VALIDATION_FAILED: { status: 400, zh: '输入有误' },
  MALFORMED_JSON: { status: 400, zh: '请求内容不是有效的 JSON' },
  UNSUPPORTED_ENCODING: { status: 400, zh: '文件编码无法识别（支持 UTF-8 与 GBK）' },
  INVALID_CHARACTERS: { status: 400, zh: '内容包含无效字符（空字符或不完整的 Unicode 字符），请删除后重试' },
  INVALID_NUMBER: { status: 400, zh: '编号或数字无效（应为 0 到 2147483647 之间的整数）' },
  JSON_TOO_DEEP: { status: 400, zh: '请求内容嵌套层级过深' },
  PAYLOAD_TOO_LARGE: { status: 413, zh: '内容过大' },
  UNAUTHENTICATED: { status: 401, zh: '请先登录' },
  TOKEN_IN_URL: { status: 401, zh: '请勿把令牌放在网址中，请使用 Authorization: Bearer 请求头' },
  INVALID_CREDENTIALS: { status: 401, zh: '账号或密码错误' },
  FORBIDDEN: { status: 403, zh: '没有权限执行此操作' },
  NOT_FOUND: { status: 404, zh: '找不到该资源' },
  CONFLICT: { status: 409, zh: '数据冲突，请刷新后重试' },
  DATA_DIR_LOCKED: { status: 409, zh: '数据目录正被另一个进程使用' },
  INVALID_TRANSITION: { status: 409, zh: '当前状态下不能执行此操作' },
  REPLY_BLOCKED: { status: 422, zh: '回复违反平台规则，已拦截' },
  /** A text written for later sending (standard answer, promotion) breaks a rule: not saved (issue 11). */
  TEXT_BLOCKED: { status: 422, zh: '文字违反平台规则，不能保存' },
  RATE_LIMITED: { status: 429, zh: '操作过于频繁，请稍后再试' },
  LOGIN_THROTTLED: { status: 429, zh: '该账号登录失败次数过多，已暂时锁定，请稍后再试' },
  /** F4: a re-visit mail could not be handed to the shop's SMTP server (kept for a retry). */
  MAIL_FAILED: { status: 502, zh: '邮件发送失败' },
  /** A secret sealed at rest (the SMTP password) does not open with this deployment's key. */
  SECRET_UNREADABLE: { status: 500, zh: '保存的密码无法解密，请管理员重新填写' },
  CONFIG_INVALID: { status: 500, zh: '配置有误' },
  PROFILE_INVALID: { status: 500, zh: '规则配置文件有误' },
  INTERNAL: { status: 500, zh: '系统内部错误，请稍后再试' },
} as const;

export type ErrorCode = keyof typeof ERROR_CODES;

export class DxeError extends Error {
  readonly code: ErrorCode;
  readonly details: unknown;
  constructor(code: ErrorCode, message?: string, details?: unknown) {
    super(message ?? ERROR_CODES[code].zh);
    this.name = 'DxeError';
    this.code = code;
    this.details = details;
  }
  get status(): number {
    return ERROR_CODES[this.code].status;
  }
}
