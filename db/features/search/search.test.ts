import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { creditCodeFor, featureTest, VALID_CODE, type FeatureTest } from '../test-support';

let t: FeatureTest;
let huawei: string;
let tencent: string;
beforeEach(async () => {
  t = featureTest();
  huawei = (await t.call('companies.create', { name: '深圳华为技术有限公司', creditCode: VALID_CODE, district: '龙岗区', industry: '大数据电子信息' })).id;
  tencent = (await t.call('companies.create', { name: '深圳市腾讯计算机系统有限公司', creditCode: creditCodeFor(42) })).id;
});
afterEach(() => t.dispose());

const search = async (q: string, limit?: number) => (await t.call('search.query', limit === undefined ? { q } : { q, limit })).items;
const ids = async (q: string) => (await search(q)).map((hit) => hit.id);

describe('search.query', () => {
  it('finds a company by one character, two characters, full pinyin and initials', async () => {
    for (const q of ['华', '华为', '为技', 'huawei', 'szhw', 'SZHW', ' 华 为 ']) expect(await ids(q), q).toEqual([huawei]);
    expect(await ids('深圳')).toEqual([tencent, huawei]);
    expect(await ids('阿里')).toEqual([]);
  });

  it('titles and subtitles each kind, pointing at the company', async () => {
    const contact = await t.call('contacts.create', { companyId: huawei, name: '张华', title: '投资总监' });
    const project = await t.call('projects.create', { companyId: tencent, name: '华南数据中心' });
    const hits = await search('华');
    expect(hits).toEqual([
      { kind: 'project', id: project.id, companyId: tencent, title: '华南数据中心', subtitle: '深圳市腾讯计算机系统有限公司' },
      { kind: 'contact', id: contact.id, companyId: huawei, title: '张华', subtitle: '深圳华为技术有限公司' },
      { kind: 'company', id: huawei, companyId: huawei, title: '深圳华为技术有限公司', subtitle: '龙岗区 · 大数据电子信息' },
    ]);
    expect(await search('腾讯')).toEqual([expect.objectContaining({ kind: 'company', subtitle: null })]);
  });

  it('finds companies by a credit-code prefix, upper- or lower-case', async () => {
    expect(await ids(VALID_CODE.slice(0, 10))).toEqual([huawei]);
    expect(await ids(creditCodeFor(42).slice(0, 12).toLowerCase())).toEqual([tencent]);
    // Both codes start 91440300: in code order. Names hold no digits, so only the code range finds these.
    const inCodeOrder = [
      [huawei, VALID_CODE],
      [tencent, creditCodeFor(42)],
    ].sort(([, a], [, b]) => (a! < b! ? -1 : 1));
    expect(await ids('91440300')).toEqual(inCodeOrder.map(([id]) => id));
    expect(await ids('9144030019220382')).toEqual([huawei]);
    expect(await ids('92')).toEqual([]);
  });

  it('returns newest documents first, at most `limit`', async () => {
    for (let i = 0; i < 5; i += 1) await t.call('companies.create', { name: `华创${i}号科技有限公司`, confirmSimilarName: true });
    const hits = await search('华', 3);
    expect(hits.map((hit) => hit.title)).toEqual(['华创4号科技有限公司', '华创3号科技有限公司', '华创2号科技有限公司']);
  });

  it('empty input finds nothing', async () => {
    expect(await search('')).toEqual([]);
    expect(await search('   ')).toEqual([]);
    expect(await search('\u200b')).toEqual([]);
  });

  it.each(['"', '%', '*', 'NEAR', 'NEAR(华 为)', "'", '\\', '华" OR "腾', 'a OR b', "'; DROP TABLE company; --", '^华', '华*', '-华', '(华)', '{kind}:华', '%_\\', '华'.repeat(200), 'x'.repeat(200)])(
    'hostile input %s is harmless',
    async (q) => {
      const hits = await search(q);
      expect(Array.isArray(hits)).toBe(true);
      expect((await t.call('companies.list', {})).total).toBe(2);
    },
  );

  it('quotes and operators around a word still find the word', async () => {
    expect(await ids('"华为"')).toEqual([huawei]);
    expect(await ids('华为*')).toEqual([huawei]);
  });

  it('refuses a query over 200 characters as input', async () => {
    expect((await t.refusal('search.query', { q: 'x'.repeat(201) })).code).toBe('E_VALIDATION');
  });
});
