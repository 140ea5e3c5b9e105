import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { normalizeCompanyName } from '../../../shared/domain/names';
import { creditCodeFor, featureTest, VALID_CODE, type FeatureTest } from '../test-support';

let t: FeatureTest;
beforeEach(() => {
  t = featureTest();
});
afterEach(() => t.dispose());

const nameNorm = (id: string) => t.db.prepare('SELECT name_norm FROM company WHERE id = ?').pluck().get(id);

describe('companies.create', () => {
  it('stores every field and answers the full record', async () => {
    const company = await t.call('companies.create', {
      name: ' 深圳市大疆创新科技有限公司 ',
      creditCode: ' ９１４４０３００１９２２０３８２１６ ',
      aliases: ['大疆', 'DJI'],
      industry: '先进装备制造',
      district: '南山区',
      address: '深圳市南山区仙元路55号',
      scale: 'large',
      isFortune500: false,
      isListed: true,
      leadSource: '商会推荐',
      tags: ['无人机'],
      notes: '  ',
    });
    expect(company).toMatchObject({
      name: '深圳市大疆创新科技有限公司',
      creditCode: VALID_CODE,
      aliases: ['大疆', 'DJI'],
      industry: '先进装备制造',
      district: '南山区',
      scale: 'large',
      isFortune500: false,
      isListed: true,
      leadSource: '商会推荐',
      tags: ['无人机'],
      notes: null,
      deleted: false,
      ownerUserId: t.app.userId,
      teamId: null,
    });
    expect(company.id).toMatch(/^[0-9a-f-]{36}$/);
    expect(nameNorm(company.id)).toBe(normalizeCompanyName('深圳市大疆创新科技有限公司'));
  });

  it('refuses a credit code a live company already has, linking to it, and writes nothing', async () => {
    const first = await t.call('companies.create', { name: '华为技术有限公司', creditCode: VALID_CODE });
    const before = t.hash();
    const error = await t.refusal('companies.create', { name: '另一家公司', creditCode: VALID_CODE.toLowerCase() });
    expect(error.code).toBe('E_COMPANY_DUPLICATE_CODE');
    expect(error.status).toBe(409);
    expect(error.message).toBe('统一社会信用代码已被「华为技术有限公司」使用');
    expect(error.details).toEqual([{ path: 'creditCode', code: 'E_COMPANY_DUPLICATE_CODE', message: error.message, refId: first.id }]);
    expect(t.hash()).toBe(before);
  });

  it('a deleted company does not hold its credit code', async () => {
    const first = await t.call('companies.create', { name: '甲公司', creditCode: VALID_CODE });
    await t.call('records.delete', { kind: 'company', id: first.id });
    await expect(t.call('companies.create', { name: '乙公司', creditCode: VALID_CODE })).resolves.toMatchObject({ creditCode: VALID_CODE });
  });

  it('warns about a look-alike name, then saves once the user confirms', async () => {
    const first = await t.call('companies.create', { name: '深圳市腾讯计算机系统有限公司' });
    const before = t.hash();
    const error = await t.refusal('companies.create', { name: '腾讯计算机系统（深圳）有限公司' });
    expect(error.code).toBe('E_COMPANY_SIMILAR_NAME');
    expect(error.status).toBe(409);
    expect(error.details?.map((d) => d.refId)).toEqual([first.id]);
    expect(t.hash()).toBe(before);
    const second = await t.call('companies.create', { name: '腾讯计算机系统（深圳）有限公司', confirmSimilarName: true });
    expect(second.id).not.toBe(first.id);
  });

  it('refuses a credit code with a wrong check character before any handler runs', async () => {
    const before = t.hash();
    const error = await t.refusal('companies.create', { name: '丙公司', creditCode: '914403001922038217' });
    expect(error.code).toBe('E_USCC_CHECKSUM');
    expect(error.details?.[0]?.path).toBe('creditCode');
    expect(t.hash()).toBe(before);
  });
});

describe('companies.update', () => {
  it('changes only the fields in the patch and keeps name_norm in step with the name', async () => {
    const company = await t.call('companies.create', { name: '甲科技有限公司', tags: ['重点'], aliases: ['甲'], isListed: true });
    const updated = await t.call('companies.update', { id: company.id, patch: { notes: '已走访' } });
    expect(updated).toMatchObject({ notes: '已走访', tags: ['重点'], aliases: ['甲'], isListed: true, name: '甲科技有限公司' });
    const renamed = await t.call('companies.update', { id: company.id, patch: { name: '深圳市乙科技股份有限公司' } });
    expect(renamed.name).toBe('深圳市乙科技股份有限公司');
    expect(nameNorm(company.id)).toBe(normalizeCompanyName('深圳市乙科技股份有限公司'));
    const cleared = await t.call('companies.update', { id: company.id, patch: { notes: null, tags: [] } });
    expect(cleared).toMatchObject({ notes: null, tags: [] });
  });

  it('refuses another company’s credit code but lets a company keep its own', async () => {
    const first = await t.call('companies.create', { name: '甲公司', creditCode: VALID_CODE });
    const second = await t.call('companies.create', { name: '乙公司', creditCode: creditCodeFor(1) });
    await expect(t.call('companies.update', { id: first.id, patch: { creditCode: VALID_CODE, address: '福田' } })).resolves.toMatchObject({ address: '福田' });
    const before = t.hash();
    const error = await t.refusal('companies.update', { id: second.id, patch: { creditCode: VALID_CODE } });
    expect(error.details?.[0]?.refId).toBe(first.id);
    expect(t.hash()).toBe(before);
  });

  it('asks for confirmation only when the name moves onto another company’s', async () => {
    const first = await t.call('companies.create', { name: '比亚迪股份有限公司' });
    const second = await t.call('companies.create', { name: '比亚迪汽车有限公司' });
    const error = await t.refusal('companies.update', { id: second.id, patch: { name: '深圳市比亚迪有限公司' } });
    expect(error.code).toBe('E_COMPANY_SIMILAR_NAME');
    expect(error.details?.[0]?.refId).toBe(first.id);
    await t.call('companies.update', { id: second.id, patch: { name: '深圳市比亚迪有限公司' }, confirmSimilarName: true });
    // Both now share a matching key; editing other fields is not nagged about.
    await expect(t.call('companies.update', { id: second.id, patch: { notes: '同名不同主体' } })).resolves.toMatchObject({ notes: '同名不同主体' });
  });

  it('refuses a deleted or unknown company', async () => {
    const company = await t.call('companies.create', { name: '丁公司' });
    await t.call('records.delete', { kind: 'company', id: company.id });
    expect((await t.refusal('companies.update', { id: company.id, patch: { notes: 'x' } })).code).toBe('E_NOT_FOUND');
    expect((await t.refusal('companies.update', { id: '01930000-0000-7000-8000-00000000ffff', patch: { notes: 'x' } })).code).toBe('E_NOT_FOUND');
  });
});

describe('companies.checkDuplicate', () => {
  it('answers both questions without writing', async () => {
    const first = await t.call('companies.create', { name: '深圳市华为技术有限公司', creditCode: VALID_CODE });
    const before = t.hash();
    const check = await t.call('companies.checkDuplicate', { name: '华为技术有限公司', creditCode: ` ${VALID_CODE.slice(0, 17)}${VALID_CODE.slice(17).toLowerCase()} ` });
    expect(check).toEqual({
      sameCode: { id: first.id, name: '深圳市华为技术有限公司', creditCode: VALID_CODE },
      similarNames: [{ id: first.id, name: '深圳市华为技术有限公司', creditCode: VALID_CODE }],
    });
    expect(t.hash()).toBe(before);
  });

  it('an invalid code is no match; the company being edited is excluded', async () => {
    const first = await t.call('companies.create', { name: '华为技术有限公司', creditCode: VALID_CODE });
    expect(await t.call('companies.checkDuplicate', { creditCode: '914403001922038217' })).toEqual({ sameCode: null, similarNames: [] });
    expect(await t.call('companies.checkDuplicate', { name: '华为技术', creditCode: VALID_CODE, excludeId: first.id })).toEqual({ sameCode: null, similarNames: [] });
    expect(await t.call('companies.checkDuplicate', {})).toEqual({ sameCode: null, similarNames: [] });
  });
});
