import { describe, expect, it } from 'vitest';
import { EmailSchema, MobileSchema, validateEmail, validateMobile, validatePhone } from './phone';

describe('validateMobile', () => {
  it.each([
    ['13812345678', '13812345678'],
    ['138 1234 5678', '13812345678'],
    ['138-1234-5678', '13812345678'],
    ['+86 138 1234 5678', '13812345678'],
    ['+86-13812345678', '13812345678'],
    ['8613812345678', '13812345678'],
    ['008613812345678', '13812345678'],
    ['(+86)13812345678', '13812345678'],
    ['１３８１２３４５６７８', '13812345678'],
    ['＋８６　１３８－１２３４－５６７８', '13812345678'],
    ['199 0000 1111', '19900001111'],
    ['  15985123456 ', '15985123456'],
    ['138\u20141234\u20145678', '13812345678'],
  ])('accepts %j → %s', (input, expected) => {
    expect(validateMobile(input)).toEqual({ ok: true, value: expected });
  });

  it.each([
    '',
    '1381234567', // 10 digits
    '138123456789', // 12 digits
    '12812345678', // second digit 2
    '10012345678',
    '23812345678',
    '+85213812345678', // Hong Kong prefix is not +86
    '8513812345678',
    '138 1234 567a',
    '13812345678转1',
    '0755-12345678',
    "13812345678' OR '1'='1",
  ])('refuses %j with E_MOBILE_INVALID', (input) => {
    expect(validateMobile(input)).toMatchObject({ ok: false, code: 'E_MOBILE_INVALID' });
  });

  it('does not echo the number in the message (personal data stays out of logs)', () => {
    const result = validateMobile('1381234567');
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.message).not.toContain('1381234567');
      expect(result.message).toContain('10位');
    }
  });
});

describe('validatePhone (landline)', () => {
  it.each([
    ['0755-12345678', '0755-12345678'],
    ['0755 1234 5678', '0755-12345678'],
    ['075512345678', '0755-12345678'],
    ['(0755)12345678', '0755-12345678'],
    ['（0755）12345678', '0755-12345678'],
    ['(0755) 1234-5678', '0755-12345678'],
    ['0851-85123456', '0851-85123456'],
    ['0851 8512 3456', '0851-85123456'],
    ['010-62345678', '010-62345678'], // Beijing: three-digit area code
    ['01062345678', '010-62345678'],
    ['020-8765432', '020-8765432'], // seven-digit local number
    ['0857-8234567', '0857-8234567'],
    ['+86 755 12345678', '0755-12345678'],
    ['+86-10-62345678', '010-62345678'],
    ['0755-12345678-8001', '0755-12345678-8001'],
    ['0755-12345678转8001', '0755-12345678-8001'],
    ['0755-12345678 转 8001', '0755-12345678-8001'],
    ['0755-12345678 ext. 12', '0755-12345678-12'],
    ['0755-12345678#12', '0755-12345678-12'],
    ['０７５５－１２３４５６７８', '0755-12345678'],
    ['400-123-4567', '400-123-4567'],
    ['8001234567', '800-123-4567'],
  ])('accepts %j → %s', (input, expected) => {
    expect(validatePhone(input)).toEqual({ ok: true, value: expected });
  });

  it.each([
    ['12345678', '区号'], // no area code
    ['13812345678', '手机'], // a mobile number in the landline field
    ['0755-1234567890', ''],
    ['0755-123456', ''], // six-digit local number
    ['0755-02345678', ''], // local numbers never start with 0
    ['0755-12345678-1234567', ''], // extension too long
    ['0755-abc', ''],
    ['0755-12345678; DROP TABLE contact', ''],
    ['', ''],
  ])('refuses %j with E_PHONE_INVALID', (input, hint) => {
    const result = validatePhone(input);
    expect(result).toMatchObject({ ok: false, code: 'E_PHONE_INVALID' });
    if (!result.ok && hint) expect(result.message).toContain(hint);
  });
});

describe('validateEmail', () => {
  it.each([
    ['zhangsan@example.com', 'zhangsan@example.com'],
    [' 12345678@qq.com ', '12345678@qq.com'],
    ['Zhang.San+gz@Example.COM.cn', 'Zhang.San+gz@example.com.cn'],
    ['ｚｈａｎｇ＠ｑｑ．ｃｏｍ', 'zhang@qq.com'],
    ['zhang@qq。com', 'zhang@qq.com'],
    ['li_si@gz-invest.gov.cn', 'li_si@gz-invest.gov.cn'],
  ])('accepts %j → %s', (input, expected) => {
    expect(validateEmail(input)).toEqual({ ok: true, value: expected });
  });

  it.each([
    '',
    'zhangsan',
    'zhangsan@',
    '@qq.com',
    'zhang@qq',
    'zhang@qq.c',
    'zhang@@qq.com',
    'zhang@q q.com',
    'zhang san@qq.com',
    '.zhang@qq.com',
    'zhang..san@qq.com',
    'zhang@-qq.com',
    'zhang@qq..com',
    '"><script>@x.com',
    `${'a'.repeat(65)}@qq.com`,
    `a@${'b'.repeat(250)}.com`,
  ])('refuses %j with E_EMAIL_INVALID', (input) => {
    expect(validateEmail(input)).toMatchObject({ ok: false, code: 'E_EMAIL_INVALID' });
  });
});

describe('zod schemas carry the Result code', () => {
  it('parses valid input to the normalised value', () => {
    expect(MobileSchema.parse('+86 138 1234 5678')).toBe('13812345678');
  });

  it('reports the Chinese message and the E_ code', () => {
    const parsed = EmailSchema.safeParse('not-an-email');
    expect(parsed.success).toBe(false);
    const issue = parsed.error?.issues[0];
    expect(issue?.message).toContain('电子邮箱');
    expect(issue).toMatchObject({ code: 'custom', params: { code: 'E_EMAIL_INVALID' } });
  });
});
