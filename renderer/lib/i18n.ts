import { zhCN } from '../../shared/i18n/zh-CN';

/** The words on screen. Chinese first; English lives beside it for a later language switch. */
export const t = zhCN;
