import { describe, expect, it } from 'vitest';
import { checkCertificatePem, checkPlatformUrl, MAX_PROVISIONING_BYTES, parseProvisioningText } from './schema';

// A structurally valid certificate body (a real DER prefix: SEQUENCE…) for the pure checks; the backend parses it for real.
const PEM = `-----BEGIN CERTIFICATE-----
MIIB6TCCAY+gAwIBAgIUPXPiV94kP/eMj3zA0SUh1AWHfG4wCgYIKoZIzj0EAwIw
STELMAkGA1UEBhMCQ04xFjAUBgNVBAoMDVFpYW56aGFvIFRlc3QxIjAgBgNVBAMM
GVFpYW56aGFvIFRlc3QgUGxhdGZvcm0gQ0EwIBcNMjYxMTI3MTQwMTQ5WhgPMjEy
NjExMDMxNDAxNDlaMEkxCzAJBgNVBAYTAkNOMRYwFAYDVQQKDA1RaWFuemhhbyBU
ZXN0MSIwIAYDVQQDDBlRaWFuemhhbyBUZXN0IFBsYXRmb3JtIENBMFkwEwYHKoZI
zj0CAQYIKoZIzj0DAQcDQgAEiLwtH/bvXFEsWhBfFCp55HniQk1aqFO/mCu44vDi
yNPn83Dng/6ber699dmHermL804ZJZphqxCjSTJRAkVwRKNTMFEwHQYDVR0OBBYE
FD/eB8KBkEMsxXR4a4tok6DDe9QwMB8GA1UdIwQYMBaAFD/eB8KBkEMsxXR4a4to
k6DDe9QwMA8GA1UdEwEB/wQFMAMBAf8wCgYIKoZIzj0EAwIDSAAwRQIganw9Tldm
h+mNBU0f3eUW4IAqeQjnc97CxFeNgIzbdaUCIQDUHc3MFK+pqfzxXgXDegF4GRES
aGuvwXZim928/jzieQ==
-----END CERTIFICATE-----
`;
const good = { version: 1, platformUrl: 'https://zhaoshang.example.gov.cn/qz', caCertificatePem: PEM, team: '驻深圳招商工作队', enrollmentCode: 'k7qx-2m9p-w4tr' };
const parse = (value: unknown): ReturnType<typeof parseProvisioningText> => parseProvisioningText(typeof value === 'string' ? value : JSON.stringify(value));
const problems = (value: unknown): string[] => {
  const result = parse(value);
  return result.ok ? [] : result.problems.map((p) => `${p.path}: ${p.message}`);
};

describe('a good provisioning file', () => {
  it('parses, normalising the address (trailing slash) and the code (upper case)', () => {
    expect(parse(good)).toEqual({
      ok: true,
      value: { platformUrl: 'https://zhaoshang.example.gov.cn/qz/', caCertificatePem: expect.stringMatching(/^-----BEGIN CERTIFICATE-----\n/), team: '驻深圳招商工作队', enrollmentCode: 'K7QX-2M9P-W4TR' },
    });
  });
  it('may leave out the CA certificate (a platform with a publicly trusted certificate)', () => {
    const { caCertificatePem: _omit, ...rest } = good;
    expect(parse(rest)).toMatchObject({ ok: true, value: { caCertificatePem: null } });
  });
  it('tolerates a UTF-8 BOM (Notepad) and Windows line endings in the PEM', () => {
    expect(parse(`\uFEFF${JSON.stringify({ ...good, caCertificatePem: PEM.replace(/\n/g, '\r\n') })}`).ok).toBe(true);
  });
});

describe('partial files', () => {
  it('name every missing field in Chinese', () => {
    expect(problems({ version: 1 })).toEqual([
      'platformUrl: 缺少必填项：平台地址（platformUrl）',
      'team: 缺少必填项：工作队名称（team）',
      'enrollmentCode: 缺少必填项：注册码（enrollmentCode）',
    ]);
    expect(problems({ ...good, version: undefined })[0]).toContain('版本');
  });
});

describe('malformed files', () => {
  it.each([
    ['not JSON', '{"platformUrl": "https://x", ', '不是有效的 JSON'],
    ['an array', '[1,2]', '一个 JSON 对象'],
    ['a string', '"https://x"', '一个 JSON 对象'],
    ['empty', '', '不是有效的 JSON'],
  ])('%s', (_label, text, message) => {
    expect(problems(text).join()).toContain(message);
  });
});

describe('wrong types and values', () => {
  it.each([
    ['a number for the address', { ...good, platformUrl: 42 }, 'platformUrl: 平台地址应为文字'],
    ['an object for the team', { ...good, team: { name: 'x' } }, 'team: 工作队名称应为文字'],
    ['version 2', { ...good, version: 2 }, 'version: 配置文件版本应为 1'],
    ['a short code', { ...good, enrollmentCode: 'ab' }, 'enrollmentCode: 注册码应为 6–64 位'],
    ['a code with spaces', { ...good, enrollmentCode: 'ABC DEF GHI' }, 'enrollmentCode: 注册码应为'],
    ['an empty team', { ...good, team: '   ' }, 'team: 请填写工作队名称'],
    ['a control character in the team', { ...good, team: '工作队\u0007' }, 'team: 工作队名称不能包含控制字符'],
  ])('%s', (_label, value, message) => {
    expect(problems(value).join('\n')).toContain(message);
  });
});

describe('hostile files', () => {
  it('refuses more than 64 KB before parsing', () => {
    expect(problems(`{"team":"${'x'.repeat(MAX_PROVISIONING_BYTES)}"}`)).toEqual([': 配置文件过大（超过 64 KB）']);
  });
  it('refuses unknown fields, including __proto__ and constructor', () => {
    expect(problems('{"version":1,"platformUrl":"https://a.cn","team":"t","enrollmentCode":"ABCDEF","__proto__":{"admin":true},"constructor":1}').join()).toContain('不认识的字段：__proto__、constructor');
  });
  it('a private key pasted as the certificate is refused, loudly', () => {
    expect(problems({ ...good, caCertificatePem: '-----BEGIN PRIVATE KEY-----\nMIIE\n-----END PRIVATE KEY-----' }).join()).toContain('这是私钥');
  });
  it('deeply nested JSON is just a wrong type', () => {
    const deep = `${'['.repeat(5000)}${']'.repeat(5000)}`;
    expect(problems(`{"version":1,"platformUrl":"https://a.cn","team":${deep},"enrollmentCode":"ABCDEF"}`).join()).toContain('工作队名称应为文字');
  });
});

describe('the platform address', () => {
  it.each([
    ['https://zhaoshang.gz.gov.cn', 'https://zhaoshang.gz.gov.cn/'],
    ['https://10.1.2.3:8443/api', 'https://10.1.2.3:8443/api/'],
    ['http://127.0.0.1:5199', 'http://127.0.0.1:5199/'],
    ['http://localhost:8080/', 'http://localhost:8080/'],
  ])('%s → %s', (input, expected) => {
    expect(checkPlatformUrl(input)).toEqual({ ok: true, value: expected });
  });
  it.each([
    ['http://zhaoshang.gz.gov.cn', 'https://'],
    ['ftp://a.cn', 'https://'],
    ['javascript:alert(1)', 'https://'],
    ['file:///etc/passwd', 'https://'],
    ['https://user:pass@a.cn', '用户名或密码'],
    ['https://a.cn/?token=1', '? 或 #'],
    ['zhaoshang.gz.gov.cn', '不是有效的网址'],
    ['https://a.cn/\u0000', '控制字符'],
    ['http://127.0.0.1.evil.cn', 'https://'],
  ])('refuses %s', (input, message) => {
    const result = checkPlatformUrl(input);
    expect(result.ok).toBe(false);
    expect(result.ok ? '' : result.message).toContain(message);
  });
});

describe('the CA certificate', () => {
  it.each([
    ['no PEM armour', 'MIIB6TCCAY+gAwIBAgIU', 'PEM 格式'],
    ['a public key', '-----BEGIN PUBLIC KEY-----\nMFkwEwYHKoZIzj0CAQYIKoZIzj0DAQcDQgAEiLwtH/bvXFEsWhBfFCp55HniQk1aqFO/mCu44vDiyNPn83Dng/6ber699dmHermL804ZJZphqxCjSTJRAkVwRA==\n-----END PUBLIC KEY-----', '不是证书'],
    ['garbage inside', '-----BEGIN CERTIFICATE-----\n!!!!\n-----END CERTIFICATE-----', 'base64'],
    ['text around it', `hello\n${PEM}`, '多余内容'],
    ['base64 of something else', `-----BEGIN CERTIFICATE-----\n${btoa('x'.repeat(120))}\n-----END CERTIFICATE-----`, '不是 X.509'],
    ['six certificates', PEM.repeat(6), '最多 5 个'],
  ])('%s', (_label, pem, message) => {
    const result = checkCertificatePem(pem);
    expect(result.ok ? '' : result.message).toContain(message);
  });
  it('accepts a chain of two', () => {
    expect(checkCertificatePem(PEM + PEM).ok).toBe(true);
  });
});
