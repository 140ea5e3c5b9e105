/**
 * Stable codes of the sync protocol and the platform API, with the Chinese message a
 * person reads. Code branches on the code, never on the message. Both the platform and
 * the app's sync client import these, so the words match wherever they are shown.
 */
export const SYNC_ERRORS = {
  // Whole requests
  E_BAD_REQUEST: '请求格式不正确',
  E_VALIDATION: '输入内容不符合要求',
  E_UNSUPPORTED_MEDIA_TYPE: '请求内容类型必须是 application/json',
  E_PAYLOAD_TOO_LARGE: '请求内容过大',
  E_UNAUTHORIZED: '未授权：缺少访问令牌，或令牌无效、已过期、已吊销',
  E_FORBIDDEN: '没有权限执行此操作',
  E_NOT_FOUND: '请求的资源不存在',
  E_METHOD_NOT_ALLOWED: '不支持该请求方法',
  E_CONFLICT: '与已有记录冲突',
  E_RATE_LIMITED: '请求过于频繁，请稍后再试',
  E_INTERNAL: '服务器内部错误，请稍后重试；如反复出现请联系管理员',
  E_UNAVAILABLE: '服务暂不可用，请稍后重试',
  // Accounts and devices
  E_LOGIN_FAILED: '用户名或密码错误',
  E_ENROLL_CODE_INVALID: '注册码无效、已使用或已过期，请向管理员申请新的注册码',
  E_PUBLIC_KEY_INVALID: '设备公钥格式不正确（需要 Ed25519 公钥：32 字节原始公钥或 SPKI，Base64 编码）',
  E_DEVICE_EXISTS: '该设备编号已注册',
  E_USERNAME_TAKEN: '用户名已存在',
  E_TEAM_NAME_TAKEN: '工作队名称已存在',
  E_TEAM_NOT_FOUND: '工作队不存在',
  E_USER_NOT_FOUND: '用户不存在',
  E_REFERENCE_VERSION: '参考数据版本不连续：请基于最新版本修改',
  // Whole batches
  E_CLOCK_SKEW: '设备时钟快了太多，请校准系统时间后再同步',
  E_SYNC_SEQ_GAP: '同步序号不连续，请重新同步',
  E_SYNC_BAD_BATCH: '同步批次的序号范围不正确',
  E_SYNC_BATCH_MISMATCH: '同一批次编号已提交过不同的内容，已拒绝',
  E_SYNC_DEVICE_MISMATCH: '批次中的设备编号与访问令牌不符',
  E_SYNC_MASS_DELETE: '本次同步将删除您一半以上的记录，已暂停，请确认后再继续',
  // Single changes (reported in the import summary; the rest of the batch goes through)
  E_SYNC_INVALID_CHANGE: '变更记录格式不正确',
  E_SYNC_UNKNOWN_ENTITY: '未知的数据类型',
  E_SYNC_UNKNOWN_FIELD: '未知的字段',
  E_SYNC_FIELD_TYPE: '字段值的类型或范围不正确',
  E_SYNC_REQUIRED_FIELD: '缺少必填字段',
  E_SYNC_BAD_OP: '操作类型与内容不符',
  E_SYNC_CHANGE_ALTERED: '该变更编号已提交过，但内容不同',
  E_SYNC_FORBIDDEN_ROW: '无权修改其他工作队的记录',
  E_SYNC_FORBIDDEN_ENTITY: '设备不能修改平台维护的参考数据',
  E_SYNC_REF_MISSING: '引用的记录不存在或不属于本工作队',
} as const;

export type SyncErrorCode = keyof typeof SYNC_ERRORS;

export function syncMessage(code: SyncErrorCode): string {
  return SYNC_ERRORS[code];
}

/** How far ahead of the receiver a clock may run before its changes are refused (DESIGN §4). */
export const MAX_CLOCK_AHEAD_MS = 24 * 60 * 60 * 1000;

/** "Your clock is N hours fast": the message names the skew, rounded to whole hours. */
export function clockSkewMessage(aheadMs: number): string {
  const hours = Math.max(1, Math.round(aheadMs / 3_600_000));
  return `设备时钟快了约 ${hours} 小时，请把系统日期和时间校准为北京时间后再同步；已暂停上传，数据仍保存在本机。`;
}

export function seqGapMessage(lastAppliedSeq: number, fromSeq: number): string {
  return `同步序号不连续：平台已收到本设备第 ${lastAppliedSeq} 条变更，这一批却从第 ${fromSeq} 条开始。请从第 ${lastAppliedSeq + 1} 条起重新上传。`;
}
