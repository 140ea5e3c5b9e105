import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { featureTest, type FeatureTest } from '../test-support';

let t: FeatureTest;
beforeEach(() => {
  t = featureTest();
});
afterEach(() => t.dispose());

describe('reference data', () => {
  it('starts with the 2018 list of ten key industries and the divisions of DESIGN §8', async () => {
    const data = await t.call('reference.get', {});
    expect(data.industries).toEqual({
      version: 1,
      items: ['基础能源', '清洁高效电力', '优质烟酒', '新型建材', '现代化工', '先进装备制造', '基础材料', '生态特色食品', '大数据电子信息', '健康医药'],
    });
    expect(data.shenzhenDistricts).toHaveLength(11);
    expect(data.shenzhenDistricts).toContain('南山区');
    expect(data.guangdongCities).toHaveLength(21);
    expect(data.guizhouDivisions).toEqual(['贵阳市', '六盘水市', '遵义市', '安顺市', '毕节市', '铜仁市', '黔西南布依族苗族自治州', '黔东南苗族侗族自治州', '黔南布依族苗族自治州', '贵安新区']);
  });

  it('saves a new version over the current one, and refuses a stale base', async () => {
    const saved = await t.call('reference.saveIndustries', { baseVersion: 1, items: ['大数据电子信息', ' 新能源汽车 '] });
    expect(saved).toEqual({ version: 2, items: ['大数据电子信息', '新能源汽车'] });
    expect((await t.call('reference.get', {})).industries).toEqual(saved);
    const stored = t.db.prepare("SELECT value FROM meta WHERE key = 'industries'").get() as { value: string };
    expect(JSON.parse(stored.value)).toEqual(saved);

    const before = t.hash();
    const error = await t.refusal('reference.saveIndustries', { baseVersion: 1, items: ['x'] });
    expect(error).toMatchObject({ code: 'E_CONFLICT', status: 409 });
    expect(t.hash()).toBe(before);
    expect((await t.call('reference.saveIndustries', { baseVersion: 2, items: ['x'] })).version).toBe(3);
  });

  it('refuses an empty list and duplicate items', async () => {
    const before = t.hash();
    expect((await t.refusal('reference.saveIndustries', { baseVersion: 1, items: [] })).code).toBe('E_VALIDATION');
    const duplicate = await t.refusal('reference.saveIndustries', { baseVersion: 1, items: ['健康医药', '基础能源', '健康医药'] });
    expect(duplicate).toMatchObject({ code: 'E_VALIDATION', details: [expect.objectContaining({ path: 'items.2' })] });
    expect(t.hash()).toBe(before);
  });
});
