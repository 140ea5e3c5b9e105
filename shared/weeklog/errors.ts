/**
 * Stable codes and Chinese messages for weekly-log files, the lead's duplicate merge and
 * the 周报. The static messages are shaped like shared/i18n/errors.zh-CN.ts so they can be
 * spread into it; the builders below add the particulars (which device, how many hours).
 */
export const WEEKLOG_ERRORS = {
  E_WEEKLOG_NOT_ZIP: '不是有效的周志文件（文件不是 .qzlog 压缩包）',
  E_WEEKLOG_TRUNCATED: '文件不完整，可能在传输中被截断，请让队员重新导出后发送',
  E_WEEKLOG_DAMAGED: '文件已损坏（压缩数据校验不符），请让队员重新导出后发送',
  E_WEEKLOG_TOO_LARGE: '文件过大，超出周志文件的上限',
  E_WEEKLOG_ZIP_BOMB: '文件解压后的大小异常（疑似“压缩炸弹”），已拒绝',
  E_WEEKLOG_UNSAFE_PATH: '文件内含有不安全的路径（如 ../ 或绝对路径），已拒绝',
  E_WEEKLOG_BAD_ENTRY: '文件内含有周志文件不应有的内容，已拒绝',
  E_WEEKLOG_NOT_CANONICAL: '文件的结构与黔招通导出的不一致（可能被解压后重新打包或改动过），已拒绝',
  E_WEEKLOG_MISSING_ENTRY: '文件缺少必要的组成部分（清单、签名或变更数据）',
  E_WEEKLOG_SIGNATURE_MISSING: '文件没有签名，无法确认来源，已拒绝',
  E_WEEKLOG_SIGNATURE_INVALID: '签名校验失败：文件在导出后被改动过，或不是由所登记的设备导出，已拒绝',
  E_WEEKLOG_MANIFEST_INVALID: '文件清单（manifest.json）格式不正确，已拒绝',
  E_WEEKLOG_PAYLOAD_HASH: '变更数据与清单中的校验值不符：文件在导出后被改动过或已损坏，已拒绝',
  E_WEEKLOG_PAYLOAD_INVALID: '变更数据格式不正确，已拒绝',
  E_WEEKLOG_COUNTS: '变更数据的条数或范围与清单不符，已拒绝',
  E_WEEKLOG_UNKNOWN_DEVICE: '文件来自未登记的设备，需要组长核对设备指纹并确认后才能导入',
  E_WEEKLOG_DEVICE_KEY_MISMATCH: '该设备登记的公钥与文件中的不一致，可能是伪造的文件，已拒绝',
  E_WEEKLOG_DEVICE_REVOKED: '该设备已被停用，其文件不再导入',
  E_WEEKLOG_FORMAT_UNSUPPORTED: '周志文件格式版本不受支持，请升级本程序',
  E_WEEKLOG_SCHEMA_UNSUPPORTED: '文件来自数据版本不同的黔招通，请双方升级到同一版本后重新导出',
  E_WEEKLOG_FROM_FUTURE: '文件的时间晚于本机时钟一天以上：导出文件的电脑或本机的时钟不对',
  E_WEEKLOG_MERGE_FAILED: '合并时出错，该文件未导入，其他文件不受影响',
  E_WEEKLOG_NOTHING_NEW: '自上次导出以来没有新的记录，无需导出',
  E_WEEKLOG_PROFILE_REQUIRED: '请先填写您的姓名（用于文件名和周报）',
  E_WEEKLOG_TOO_MANY_FILES: '一次导入的文件过多',
  E_WEEKLOG_WEEK_INVALID: '周次格式不正确，应为 2026-W48 这样的形式',
  E_TEAM_MERGE_INVALID: '合并的企业选择不正确',
  E_TEAM_MERGE_NOT_FOUND: '合并记录不存在',
  E_TEAM_MERGE_ALREADY_UNDONE: '该合并已经撤销过了',
  E_TEAM_MERGE_UNDO_BLOCKED: '合并后相关记录又被修改过，部分内容无法自动撤销',
  E_REPORT_NO_FONT: '找不到可用于生成 PDF 的中文字体，请安装微软雅黑、宋体或思源黑体',
} as const;

export type WeeklogErrorCode = keyof typeof WEEKLOG_ERRORS;

export function hoursAhead(skewMs: number): string {
  const hours = Math.round(skewMs / 3_600_000);
  return hours >= 48 ? `约 ${Math.round(hours / 24)} 天` : `约 ${hours} 小时`;
}

export const weeklogMessages = {
  fromFuture: (skewMs: number) => `文件的时间比本机时钟快${hoursAhead(skewMs)}：导出文件的电脑或本机的时钟不对，请校准时钟后重新导出`,
  unknownDevice: (who: string, fingerprint: string) => `文件来自未登记的设备（${who}，设备指纹 ${fingerprint}），请与该队员核对指纹，确认后再导入`,
  keyMismatch: (who: string) => `设备“${who}”登记的公钥与文件中的不一致，可能是伪造的文件，已拒绝`,
  schema: (theirs: number, ours: number) =>
    theirs > ours ? `文件来自更新版本的黔招通（数据版本 ${theirs}，本机 ${ours}），请先升级本程序` : `文件来自较旧版本的黔招通（数据版本 ${theirs}，本机 ${ours}），请让队员升级后重新导出`,
  format: (version: number) => `周志文件格式版本 ${version} 不受支持，请升级本程序`,
  payloadLine: (line: number, reason: string) => `变更数据第 ${line} 行格式不正确（${reason}），已拒绝`,
  badEntry: (name: string) => `文件内含有周志文件不应有的内容“${name.slice(0, 60)}”，已拒绝`,
  unsafePath: (name: string) => `文件内含有不安全的路径“${name.slice(0, 60)}”，已拒绝`,
  tooLarge: (limitMb: number) => `文件过大（上限 ${limitMb} MB），已拒绝`,
  tooManyFiles: (limit: number) => `一次最多导入 ${limit} 个文件`,
} as const;
