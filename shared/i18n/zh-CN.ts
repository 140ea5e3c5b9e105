/**
 * Every word a user reads, in Chinese. Terms follow the glossary in DESIGN.md:
 * 企业 company, 走访 visit, 项目 project, 阶段 stage, 到位资金 funds in place.
 */
export const zhCN = {
  app: {
    name: '黔招通',
    tagline: '贵州驻粤招商工作平台',
    offlineReady: '离线可用 · 数据保存在本机',
  },
  nav: {
    companies: '企业',
    visits: '走访',
    projects: '项目',
    tasks: '待办',
    sync: '同步',
    reports: '周报',
    cockpit: '驾驶舱',
    settings: '设置',
  },
  common: {
    save: '保存',
    cancel: '取消',
    loading: '正在加载…',
    comingSoon: '该功能正在建设中',
    retry: '重试',
    total: (n: number) => `共 ${n} 条`,
  },
  company: {
    listTitle: '企业名录',
    add: '新增企业',
    name: '企业名称',
    namePlaceholder: '例如：深圳市腾讯计算机系统有限公司',
    nameRequired: '请输入企业名称',
    createdAt: '登记时间',
    empty: '还没有企业，先新增一家吧',
    saved: (name: string) => `已保存：${name}`,
  },
  errors: {
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
  },
} as const;

export type Messages = typeof zhCN;
