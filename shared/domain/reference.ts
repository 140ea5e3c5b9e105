/**
 * Reference facts from DESIGN.md §8, as typed constants. Division codes are
 * GB/T 2260 administrative codes; areas without a code of their own (新区,
 * 合作区) have `code: null`. Code lists pair an English code (stored, sent)
 * with the Chinese label people read.
 */
import { z } from 'zod';
import { enumOf, labelsOf, type CodeLabel } from './code-list';

export interface Division {
  readonly code: string | null;
  readonly name: string;
  /** How the name is commonly shortened in company names and speech. */
  readonly shortName: string;
}

export const GUIZHOU_PROVINCE = { code: '520000', name: '贵州省', shortName: '贵州' } as const satisfies Division;
export const GUANGDONG_PROVINCE = { code: '440000', name: '广东省', shortName: '广东' } as const satisfies Division;

/** Guizhou's prefecture-level divisions, plus 贵安新区 (a national new area without its own code). */
export const GUIZHOU_DIVISIONS = [
  { code: '520100', name: '贵阳市', shortName: '贵阳' },
  { code: '520200', name: '六盘水市', shortName: '六盘水' },
  { code: '520300', name: '遵义市', shortName: '遵义' },
  { code: '520400', name: '安顺市', shortName: '安顺' },
  { code: '520500', name: '毕节市', shortName: '毕节' },
  { code: '520600', name: '铜仁市', shortName: '铜仁' },
  { code: '522300', name: '黔西南布依族苗族自治州', shortName: '黔西南州' },
  { code: '522600', name: '黔东南苗族侗族自治州', shortName: '黔东南州' },
  { code: '522700', name: '黔南布依族苗族自治州', shortName: '黔南州' },
  { code: null, name: '贵安新区', shortName: '贵安' },
] as const satisfies readonly Division[];

/** Shenzhen's districts, plus the functional zones 大鹏新区 and 深汕特别合作区 (no codes of their own). */
export const SHENZHEN_DISTRICTS = [
  { code: '440303', name: '罗湖区', shortName: '罗湖' },
  { code: '440304', name: '福田区', shortName: '福田' },
  { code: '440305', name: '南山区', shortName: '南山' },
  { code: '440306', name: '宝安区', shortName: '宝安' },
  { code: '440307', name: '龙岗区', shortName: '龙岗' },
  { code: '440308', name: '盐田区', shortName: '盐田' },
  { code: '440309', name: '龙华区', shortName: '龙华' },
  { code: '440310', name: '坪山区', shortName: '坪山' },
  { code: '440311', name: '光明区', shortName: '光明' },
  { code: null, name: '大鹏新区', shortName: '大鹏' },
  { code: null, name: '深汕特别合作区', shortName: '深汕' },
] as const satisfies readonly Division[];

/** Guangdong's 21 prefecture-level cities (GB/T 2260). */
export const GUANGDONG_CITIES = [
  { code: '440100', name: '广州市', shortName: '广州' },
  { code: '440200', name: '韶关市', shortName: '韶关' },
  { code: '440300', name: '深圳市', shortName: '深圳' },
  { code: '440400', name: '珠海市', shortName: '珠海' },
  { code: '440500', name: '汕头市', shortName: '汕头' },
  { code: '440600', name: '佛山市', shortName: '佛山' },
  { code: '440700', name: '江门市', shortName: '江门' },
  { code: '440800', name: '湛江市', shortName: '湛江' },
  { code: '440900', name: '茂名市', shortName: '茂名' },
  { code: '441200', name: '肇庆市', shortName: '肇庆' },
  { code: '441300', name: '惠州市', shortName: '惠州' },
  { code: '441400', name: '梅州市', shortName: '梅州' },
  { code: '441500', name: '汕尾市', shortName: '汕尾' },
  { code: '441600', name: '河源市', shortName: '河源' },
  { code: '441700', name: '阳江市', shortName: '阳江' },
  { code: '441800', name: '清远市', shortName: '清远' },
  { code: '441900', name: '东莞市', shortName: '东莞' },
  { code: '442000', name: '中山市', shortName: '中山' },
  { code: '445100', name: '潮州市', shortName: '潮州' },
  { code: '445200', name: '揭阳市', shortName: '揭阳' },
  { code: '445300', name: '云浮市', shortName: '云浮' },
] as const satisfies readonly Division[];

/**
 * An industry list is admin-editable and versioned: the province reframes its
 * key sectors every few years. A later version may add or retire items but
 * must never give an existing code a different meaning.
 */
export const IndustryListSchema = z
  .object({
    version: z.int().positive(),
    items: z
      .array(z.object({ code: z.string().regex(/^[a-z][a-z0-9_]{1,39}$/), label: z.string().trim().min(1).max(40) }))
      .min(1),
  })
  .refine((list) => new Set(list.items.map((item) => item.code)).size === list.items.length, {
    message: '行业代码不能重复',
  });
export type IndustryList = z.infer<typeof IndustryListSchema>;

/** Guizhou's ten key industrial sectors (十大工业产业), 2018 list: version 1. */
export const KEY_INDUSTRIES_2018 = {
  version: 1,
  items: [
    { code: 'basic_energy', label: '基础能源' },
    { code: 'clean_power', label: '清洁高效电力' },
    { code: 'tobacco_liquor', label: '优质烟酒' },
    { code: 'new_building_materials', label: '新型建材' },
    { code: 'modern_chemicals', label: '现代化工' },
    { code: 'advanced_equipment', label: '先进装备制造' },
    { code: 'basic_materials', label: '基础材料' },
    { code: 'eco_specialty_food', label: '生态特色食品' },
    { code: 'big_data_electronics', label: '大数据电子信息' },
    { code: 'health_medicine', label: '健康医药' },
  ],
} as const satisfies IndustryList;

export const VISIT_KINDS = [
  { code: 'door_visit', label: '上门拜访' },
  { code: 'hosted_visit', label: '来访接待' },
  { code: 'online_meeting', label: '网上见' },
  { code: 'remote_negotiation', label: '远程谈' },
  { code: 'online_signing', label: '云上签' },
  { code: 'inspection_trip', label: '赴黔考察' },
  { code: 'promotion_event', label: '推介会/活动' },
] as const satisfies readonly CodeLabel[];
export const VisitKindSchema = enumOf(VISIT_KINDS);
export type VisitKind = (typeof VISIT_KINDS)[number]['code'];
export const VISIT_KIND_LABELS = labelsOf(VISIT_KINDS);

export const INTENT_LEVELS = [
  { code: 'strong', label: '强' },
  { code: 'medium', label: '中' },
  { code: 'weak', label: '弱' },
] as const satisfies readonly CodeLabel[];
export const IntentLevelSchema = enumOf(INTENT_LEVELS);
export type IntentLevel = (typeof INTENT_LEVELS)[number]['code'];
export const INTENT_LEVEL_LABELS = labelsOf(INTENT_LEVELS);

export const COMPANY_SCALES = [
  { code: 'large', label: '大型' },
  { code: 'medium', label: '中型' },
  { code: 'small', label: '小型' },
  { code: 'micro', label: '微型' },
] as const satisfies readonly CodeLabel[];
export const CompanyScaleSchema = enumOf(COMPANY_SCALES);
export type CompanyScale = (typeof COMPANY_SCALES)[number]['code'];
export const COMPANY_SCALE_LABELS = labelsOf(COMPANY_SCALES);
