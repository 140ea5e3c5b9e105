import { errors } from './errors.zh-CN';

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
  errors,
} as const;

export type Messages = typeof zhCN;
