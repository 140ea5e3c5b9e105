import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { featureTest, type FeatureTest } from '../test-support';

let t: FeatureTest;
let companyId: string;
beforeEach(async () => {
  t = featureTest();
  companyId = (await t.call('companies.create', { name: '深圳市大疆创新科技有限公司' })).id;
});
afterEach(() => t.dispose());

describe('contacts', () => {
  it('creates a contact with normalised phone numbers', async () => {
    const contact = await t.call('contacts.create', {
      companyId,
      name: '张三',
      title: '投资总监',
      mobile: '+86 138-1234-5678',
      phone: '0755-12345678',
      email: 'zhang@example.com',
      wechat: 'zhangsan',
    });
    expect(contact).toMatchObject({ companyId, name: '张三', title: '投资总监', mobile: '13812345678', phone: '0755-12345678', email: 'zhang@example.com', notes: null, deleted: false });
  });

  it('refuses a bad mobile number and writes nothing', async () => {
    const before = t.hash();
    const error = await t.refusal('contacts.create', { companyId, name: '张三', mobile: '1381234567' });
    expect(error.code).toBe('E_MOBILE_INVALID');
    expect(error.details?.[0]?.path).toBe('mobile');
    expect(t.hash()).toBe(before);
  });

  it('refuses a contact for a missing or deleted company', async () => {
    const before = t.hash();
    const error = await t.refusal('contacts.create', { companyId: '01930000-0000-7000-8000-00000000ffff', name: '张三' });
    expect(error).toMatchObject({ code: 'E_NOT_FOUND', details: [expect.objectContaining({ path: 'companyId' })] });
    expect(t.hash()).toBe(before);
  });

  it('updates only what the patch names', async () => {
    const contact = await t.call('contacts.create', { companyId, name: '张三', mobile: '13812345678', title: '总监' });
    const updated = await t.call('contacts.update', { id: contact.id, patch: { title: '副总裁' } });
    expect(updated).toMatchObject({ name: '张三', mobile: '13812345678', title: '副总裁' });
    expect((await t.refusal('contacts.update', { id: contact.id, patch: { mobile: '12345' } })).code).toBe('E_MOBILE_INVALID');
    await expect(t.call('contacts.update', { id: contact.id, patch: { mobile: null } })).resolves.toMatchObject({ mobile: null });
  });

  it('lists a company’s live contacts in the order they were added', async () => {
    const a = await t.call('contacts.create', { companyId, name: '张三' });
    const b = await t.call('contacts.create', { companyId, name: '李四' });
    const c = await t.call('contacts.create', { companyId, name: '王五' });
    await t.call('records.delete', { kind: 'contact', id: b.id });
    expect((await t.call('contacts.listByCompany', { companyId })).map((x) => x.id)).toEqual([a.id, c.id]);
  });
});
