/** Chinese messages for every stable error code, keyed by code. */
export const errors = {
  E_BAD_REQUEST: '请求格式不正确',
  E_VALIDATION: '输入内容不符合要求',
  E_UNKNOWN_METHOD: '不存在的接口',
  E_UNAUTHORIZED: '未授权的请求：缺少或错误的访问令牌',
  E_FORBIDDEN_ORIGIN: '拒绝来自其他来源的请求',
  E_NOT_FOUND: '记录不存在',
  E_CONFLICT: '记录已被修改，请刷新后重试',
  E_PAYLOAD_TOO_LARGE: '请求内容过大',
  E_NETWORK: '无法连接到本机服务，请确认程序仍在运行',
  E_INTERNAL: '系统内部错误，请稍后重试；如反复出现请联系管理员',
  E_DB_TOO_NEW: '数据文件来自更新版本的黔招通，请先升级本程序再打开',
  E_DB_CORRUPT: '数据文件校验失败，可能已损坏，请从备份恢复',
  E_DB_MIGRATION_MISMATCH: '数据文件的升级记录与本程序不一致，请联系管理员',
  E_DB_MIGRATION_FAILED: '数据文件升级失败，数据未作任何改动',
} as const;
