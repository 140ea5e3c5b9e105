/**
 * Mobile numbers, landlines and e-mail addresses as people type them.
 * Values are returned in one canonical spelling so that equal numbers compare
 * equal: mobile `13812345678`, landline `0755-12345678` (extension `-123`).
 */
import { fail } from './messages.zh';
import { ok, type Result } from './result';
import { removeWhitespace, toHalfWidth } from './text';
import { schemaFromValidator } from './zod-bridge';

/** ASCII hyphen, Unicode hyphens/dashes and the minus sign, as Word and IMEs produce them. */
const DASHES = /[-\u2010-\u2015\u2212]/g;

const MOBILE = /^(?:\+86|0086|86|\(\+?86\))?(1[3-9]\d{9})$/;

/** Accepts +86 / 86 / 0086 prefixes, spaces, dashes and full-width digits. */
export function validateMobile(input: string): Result<string, 'E_MOBILE_INVALID'> {
  const compact = removeWhitespace(toHalfWidth(input)).replace(DASHES, '');
  const match = MOBILE.exec(compact);
  if (!match?.[1]) return fail('E_MOBILE_INVALID', compact.replace(/\D/g, '').length);
  return ok(match[1]);
}

const EXTENSION = /-?(?:转|分机号?|ext\.?|x|#)-?(\d{1,6})$/i;
const INTERNATIONAL = /^(?:\+86|0086)-?/;
const PARENTHESISED_AREA = /^\((\d{2,4})\)-?/;
const TOLL_FREE = /^[48]00\d{7}$/;

/**
 * Landline with area code: 0755-12345678, 0755 1234 5678, (0755)12345678,
 * +86 755 12345678, 0755-12345678-8001, 0755-12345678转8001; also 400/800
 * numbers (400-123-4567). Area codes 010 and 020–029 have three digits, all
 * others four; local numbers have 7–8 digits and do not start with 0 (real
 * ones do not start with 1 either, but placeholders like 0755-12345678 are
 * common in forms and in our own docs, so 1 is allowed).
 */
export function validatePhone(input: string): Result<string, 'E_PHONE_INVALID'> {
  let text = toHalfWidth(input).trim().replace(/\s+/g, '-').replace(DASHES, '-').replace(/-+/g, '-');
  let extension = '';
  const ext = EXTENSION.exec(text);
  if (ext?.[1]) {
    extension = ext[1];
    text = text.slice(0, ext.index);
  }
  const international = INTERNATIONAL.test(text);
  text = text.replace(INTERNATIONAL, '').replace(PARENTHESISED_AREA, '$1-');
  if (!/^\d+(?:-\d+)*$/.test(text)) return fail('E_PHONE_INVALID', 'format');

  const groups = text.split('-');
  const digits = groups.join('');
  if (TOLL_FREE.test(digits) && !extension) {
    return ok(`${digits.slice(0, 3)}-${digits.slice(3, 6)}-${digits.slice(6)}`);
  }
  if (/^1[3-9]\d{9}$/.test(digits)) return fail('E_PHONE_INVALID', 'looks-like-mobile');

  const trunkZero = (number: string) => (international ? `0${number.replace(/^0/, '')}` : number);
  const whole = splitAreaCode(trunkZero(digits));
  if (whole) return ok(whole + (extension ? `-${extension}` : ''));

  // "0755-12345678-8001": a trailing dash group is the extension only when the rest is a number.
  const last = groups[groups.length - 1] ?? '';
  if (!extension && groups.length >= 2 && last.length <= 6) {
    const withoutExt = splitAreaCode(trunkZero(groups.slice(0, -1).join('')));
    if (withoutExt) return ok(`${withoutExt}-${last}`);
  }
  return fail('E_PHONE_INVALID', digits.startsWith('0') ? 'format' : 'missing-area-code');
}

/** '075512345678' → '0755-12345678'; null when it is not area code + local number. */
function splitAreaCode(digits: string): string | null {
  if (!/^0[1-9]/.test(digits)) return null;
  const areaLength = /^0[12]/.test(digits) ? 3 : 4;
  const local = digits.slice(areaLength);
  return /^[1-9]\d{6,7}$/.test(local) ? `${digits.slice(0, areaLength)}-${local}` : null;
}

const EMAIL_LOCAL = /^[a-z0-9!#$%&'*+/=?^_`{|}~-]+(?:\.[a-z0-9!#$%&'*+/=?^_`{|}~-]+)*$/i;
const EMAIL_DOMAIN = /^(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/i;

/**
 * A basic check, not RFC 5322: one @, a dotted domain with a letter TLD.
 * Full-width characters and the ideographic full stop 。 are folded first;
 * the domain is lower-cased, the local part kept as typed.
 */
export function validateEmail(input: string): Result<string, 'E_EMAIL_INVALID'> {
  const email = toHalfWidth(input).trim().replace(/\u3002/g, '.');
  const at = email.lastIndexOf('@');
  const local = email.slice(0, at);
  const domain = email.slice(at + 1).toLowerCase();
  const valid =
    at > 0 &&
    email.length <= 254 &&
    local.length <= 64 &&
    EMAIL_LOCAL.test(local) &&
    EMAIL_DOMAIN.test(domain);
  return valid ? ok(`${local}@${domain}`) : fail('E_EMAIL_INVALID');
}

export const MobileSchema = schemaFromValidator(validateMobile);
export const PhoneSchema = schemaFromValidator(validatePhone);
export const EmailSchema = schemaFromValidator(validateEmail);
