import { describe, expect, it } from 'vitest';
import {
  COMPANY_SCALES,
  CompanyScaleSchema,
  GUANGDONG_CITIES,
  GUIZHOU_DIVISIONS,
  INTENT_LEVEL_LABELS,
  IndustryListSchema,
  KEY_INDUSTRIES_2018,
  SHENZHEN_DISTRICTS,
  VISIT_KIND_LABELS,
  VISIT_KINDS,
  VisitKindSchema,
} from './reference';

describe('divisions', () => {
  it('Guizhou: nine prefecture-level divisions plus 贵安新区 without a code', () => {
    expect(GUIZHOU_DIVISIONS).toHaveLength(10);
    expect(GUIZHOU_DIVISIONS.filter((d) => d.code !== null).map((d) => d.code)).toEqual([
      '520100', '520200', '520300', '520400', '520500', '520600', '522300', '522600', '522700',
    ]);
    expect(GUIZHOU_DIVISIONS.find((d) => d.name === '贵安新区')?.code).toBeNull();
  });

  it('Shenzhen: nine districts plus two functional zones without codes', () => {
    expect(SHENZHEN_DISTRICTS.filter((d) => d.code !== null)).toHaveLength(9);
    expect(SHENZHEN_DISTRICTS.filter((d) => d.code === null).map((d) => d.name)).toEqual(['大鹏新区', '深汕特别合作区']);
    expect(SHENZHEN_DISTRICTS.find((d) => d.name === '南山区')?.code).toBe('440305');
  });

  it('Guangdong: 21 prefecture-level cities with unique 44xx00 codes', () => {
    expect(GUANGDONG_CITIES).toHaveLength(21);
    expect(new Set(GUANGDONG_CITIES.map((c) => c.code)).size).toBe(21);
    for (const city of GUANGDONG_CITIES) {
      expect(city.code).toMatch(/^44\d{2}00$/);
      expect(city.name).toBe(`${city.shortName}市`);
    }
    expect(GUANGDONG_CITIES.find((c) => c.code === '440300')?.name).toBe('深圳市');
  });
});

describe('key industries', () => {
  it('version 1 holds the ten 2018 sectors and passes its own schema', () => {
    expect(KEY_INDUSTRIES_2018.version).toBe(1);
    expect(KEY_INDUSTRIES_2018.items.map((i) => i.label)).toEqual([
      '基础能源', '清洁高效电力', '优质烟酒', '新型建材', '现代化工',
      '先进装备制造', '基础材料', '生态特色食品', '大数据电子信息', '健康医药',
    ]);
    expect(IndustryListSchema.safeParse(KEY_INDUSTRIES_2018).success).toBe(true);
  });

  it('the schema refuses duplicate codes, bad codes, empty lists and version 0', () => {
    const item = { code: 'new_energy', label: '新能源' };
    expect(IndustryListSchema.safeParse({ version: 2, items: [item, item] }).success).toBe(false);
    expect(IndustryListSchema.safeParse({ version: 2, items: [{ code: 'New Energy', label: '新能源' }] }).success).toBe(false);
    expect(IndustryListSchema.safeParse({ version: 2, items: [] }).success).toBe(false);
    expect(IndustryListSchema.safeParse({ version: 0, items: [item] }).success).toBe(false);
    expect(IndustryListSchema.safeParse({ version: 2, items: [{ code: 'x_y', label: '   ' }] }).success).toBe(false);
  });
});

describe('code lists', () => {
  it('visit kinds have English codes and the Chinese labels of DESIGN §8', () => {
    expect(VISIT_KINDS.map((k) => k.code)).toEqual([
      'door_visit', 'hosted_visit', 'online_meeting', 'remote_negotiation',
      'online_signing', 'inspection_trip', 'promotion_event',
    ]);
    expect(VISIT_KIND_LABELS.inspection_trip).toBe('赴黔考察');
    expect(VISIT_KIND_LABELS.promotion_event).toBe('推介会/活动');
    expect(VisitKindSchema.safeParse('online_signing').success).toBe(true);
    expect(VisitKindSchema.safeParse('云上签').success).toBe(false);
  });

  it('intent levels and company scales', () => {
    expect(INTENT_LEVEL_LABELS).toEqual({ strong: '强', medium: '中', weak: '弱' });
    expect(COMPANY_SCALES.map((s) => s.label)).toEqual(['大型', '中型', '小型', '微型']);
    expect(CompanyScaleSchema.options).toEqual(['large', 'medium', 'small', 'micro']);
  });

  it('label maps are frozen', () => {
    expect(Object.isFrozen(VISIT_KIND_LABELS)).toBe(true);
  });
});
