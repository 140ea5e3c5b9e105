/**
 * The provisioning file an admin puts beside the installer (`qianzhao-provision.json`), and
 * the same fields as the first-run wizard's form. Pure (runs in the renderer too, so the
 * wizard checks as you type with the very rules the backend applies):
 *
 *   {
 *     "version": 1,
 *     "platformUrl": "https://zhaoshang.example.gov.cn/",
 *     "caCertificatePem": "-----BEGIN CERTIFICATE-----\n…\n-----END CERTIFICATE-----\n",
 *     "team": "驻深圳招商工作队",
 *     "enrollmentCode": "K7QX-2M9P-W4TR"
 *   }
 *
 * `caCertificatePem` may be left out when the platform's certificate comes from a CA the
 * operating system already trusts. Every problem is reported with its field and a Chinese
 * sentence; unknown fields are refused (a typo must not be silently ignored).
 */
import { z } from 'zod';

/** Refused before parsing: a real file is a few KB (one or two certificates). */
export const MAX_PROVISIONING_BYTES = 64 * 1024;
export const PROVISIONING_FILE_NAME = 'qianzhao-provision.json';
export const PROVISIONING_VERSION = 1;

const MAX_URL_LENGTH = 2048;
const MAX_CERTIFICATES = 5;
const LOOPBACK_HOSTS = new Set(['127.0.0.1', 'localhost', '[::1]']);
const CONTROL = /[\u0000-\u001f\u007f]/;

export interface ProvisioningProblem {
  /** The field, e.g. `platformUrl`; empty for the file as a whole. */
  path: string;
  message: string;
}

/** `https://host[:port]/path/` with a trailing slash, or a problem. http only for this machine (tests). */
export function checkPlatformUrl(input: string): { ok: true; value: string } | { ok: false; message: string } {
  const text = input.trim();
  if (text.length > MAX_URL_LENGTH) return { ok: false, message: `平台地址过长（超过 ${MAX_URL_LENGTH} 个字符）` };
  if (CONTROL.test(text) || /\s/.test(text)) return { ok: false, message: '平台地址不能包含空格或控制字符' };
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return { ok: false, message: '平台地址不是有效的网址，应形如 https://平台域名/' };
  }
  const loopback = LOOPBACK_HOSTS.has(url.hostname);
  if (url.protocol === 'http:' && !loopback) return { ok: false, message: '平台地址必须以 https:// 开头（只有本机测试地址 127.0.0.1 / localhost 可用 http）' };
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return { ok: false, message: '平台地址必须以 https:// 开头' };
  if (url.hostname === '') return { ok: false, message: '平台地址缺少域名' };
  if (url.username !== '' || url.password !== '') return { ok: false, message: '平台地址不能包含用户名或密码' };
  if (url.search !== '' || url.hash !== '') return { ok: false, message: '平台地址不能包含 ? 或 # 之后的部分' };
  const pathname = url.pathname.endsWith('/') ? url.pathname : `${url.pathname}/`;
  return { ok: true, value: `${url.origin}${pathname}` };
}

const PEM_BLOCK = /-----BEGIN ([A-Z0-9 ]+)-----([\s\S]*?)-----END ([A-Z0-9 ]+)-----/g;

/**
 * The PEM's shape: one to five CERTIFICATE blocks of base64 whose DER starts as a SEQUENCE,
 * and nothing else (a private key pasted by mistake is refused, loudly). The backend also
 * parses each certificate with Node's X509Certificate.
 */
export function checkCertificatePem(input: string): { ok: true; value: string } | { ok: false; message: string } {
  const text = input.replace(/\r\n/g, '\n').trim();
  if (text === '') return { ok: false, message: '请填写平台的 CA 证书（PEM 格式）' };
  if (/PRIVATE KEY/.test(text)) return { ok: false, message: '这是私钥，不是证书：请不要把私钥放进配置文件，只需要平台的 CA 证书' };
  const blocks = [...text.matchAll(PEM_BLOCK)];
  if (blocks.length === 0) return { ok: false, message: 'CA 证书不是 PEM 格式：应以 -----BEGIN CERTIFICATE----- 开头' };
  if (blocks.length > MAX_CERTIFICATES) return { ok: false, message: `CA 证书最多 ${MAX_CERTIFICATES} 个` };
  const outside = text.replace(PEM_BLOCK, '').trim();
  if (outside !== '') return { ok: false, message: 'CA 证书的 BEGIN/END 之外有多余内容' };
  const normalized: string[] = [];
  for (const [, begin, body = '', end] of blocks) {
    if (begin !== 'CERTIFICATE' || end !== 'CERTIFICATE') return { ok: false, message: `CA 证书中有不是证书的内容（${begin}）` };
    const base64 = body.replace(/\s+/g, '');
    if (base64.length < 100 || !/^[A-Za-z0-9+/]+={0,2}$/.test(base64) || base64.length % 4 !== 0) return { ok: false, message: 'CA 证书的内容不是有效的 base64' };
    let firstByte: number;
    try {
      firstByte = atob(base64.slice(0, 4)).charCodeAt(0);
    } catch {
      return { ok: false, message: 'CA 证书的内容不是有效的 base64' };
    }
    if (firstByte !== 0x30) return { ok: false, message: 'CA 证书的内容不是 X.509 证书' };
    normalized.push(`-----BEGIN CERTIFICATE-----\n${base64.match(/.{1,64}/g)!.join('\n')}\n-----END CERTIFICATE-----\n`);
  }
  return { ok: true, value: normalized.join('') };
}

const refine = <T>(check: (input: string) => { ok: true; value: T } | { ok: false; message: string }) =>
  (input: string, ctx: z.RefinementCtx): T => {
    const result = check(input);
    if (result.ok) return result.value;
    ctx.addIssue({ code: 'custom', message: result.message, input });
    return z.NEVER;
  };

const text = (label: string) => z.string({ error: `${label}应为文字` });

/** The fields, for the wizard's form and the RPC input (no `version`: that belongs to the file). */
export const provisioningFields = {
  platformUrl: text('平台地址').min(1, '请填写平台地址').transform(refine(checkPlatformUrl)),
  caCertificatePem: text('CA 证书').max(MAX_PROVISIONING_BYTES, 'CA 证书过长').transform(refine(checkCertificatePem)).nullish().transform((value) => value ?? null),
  team: text('工作队名称')
    .trim()
    .min(1, '请填写工作队名称')
    .max(64, '工作队名称不能超过 64 个字')
    .refine((value) => !CONTROL.test(value), '工作队名称不能包含控制字符'),
  enrollmentCode: text('注册码')
    .trim()
    .regex(/^[A-Za-z0-9][A-Za-z0-9-]{5,63}$/, '注册码应为 6–64 位字母、数字或连字符（-）')
    .transform((value) => value.toUpperCase()),
};

export const provisioningInput = z.object(provisioningFields).strict();
export type ProvisioningInput = z.input<typeof provisioningInput>;
export type Provisioning = z.output<typeof provisioningInput>;

const fileSchema = z
  .object({
    version: z.literal(PROVISIONING_VERSION, { error: `配置文件版本应为 ${PROVISIONING_VERSION}` }),
    ...provisioningFields,
  })
  .strict();

const FIELD_LABELS: Record<string, string> = {
  version: '版本',
  platformUrl: '平台地址',
  caCertificatePem: 'CA 证书',
  team: '工作队名称',
  enrollmentCode: '注册码',
};

function describeIssue(issue: z.core.$ZodIssue, source: Record<string, unknown>): ProvisioningProblem {
  const path = issue.path.map(String).join('.');
  if (issue.code === 'unrecognized_keys') return { path, message: `配置文件中有不认识的字段：${issue.keys.map((key) => key.slice(0, 40)).join('、')}` };
  if (issue.code === 'invalid_type' && issue.path.length === 1 && !Object.hasOwn(source, path)) return { path, message: `缺少必填项：${FIELD_LABELS[path] ?? path}（${path}）` };
  return { path, message: issue.message };
}

export type ProvisioningParse = { ok: true; value: Provisioning } | { ok: false; problems: ProvisioningProblem[] };

/** Parses the text of a provisioning file: size, JSON, shape, each field. Never throws. */
export function parseProvisioningText(textContent: string): ProvisioningParse {
  // Counted in UTF-16 units here; the file reader also checks bytes before reading.
  if (textContent.length > MAX_PROVISIONING_BYTES) return { ok: false, problems: [{ path: '', message: `配置文件过大（超过 ${MAX_PROVISIONING_BYTES / 1024} KB）` }] };
  let json: unknown;
  try {
    json = JSON.parse(textContent.replace(/^\uFEFF/, ''));
  } catch {
    return { ok: false, problems: [{ path: '', message: '配置文件不是有效的 JSON（请检查引号、逗号和括号；用记事本保存时选择 UTF-8 编码）' }] };
  }
  if (typeof json !== 'object' || json === null || Array.isArray(json)) return { ok: false, problems: [{ path: '', message: '配置文件的内容应是一个 JSON 对象 { … }' }] };
  const parsed = fileSchema.safeParse(json);
  if (parsed.success) {
    const { version: _version, ...value } = parsed.data;
    return { ok: true, value };
  }
  return { ok: false, problems: parsed.error.issues.map((issue) => describeIssue(issue, json as Record<string, unknown>)) };
}
