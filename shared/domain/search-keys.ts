/**
 * Keys for Chinese search, computed when a row is written and matched with
 * LIKE: the text itself, its pinyin and its pinyin initials, so that
 * "华为", "huawei" and "hw" all find 华为技术有限公司.
 *
 * Polyphonic characters: pinyin-pro picks the reading from its word
 * dictionary (重庆 → chongqing, 银行 → yinhang) and otherwise the character's
 * most common reading; other readings are not indexed. ü is written v (lv).
 */
import { pinyin } from 'pinyin-pro';
import { USCC_ALPHABET } from './credit-code';
import { collapseWhitespace, removeInvisible, removeWhitespace } from './text';

export interface SearchKeys {
  /** NFKC, lower-case, without whitespace or invisible characters. */
  full: string;
  /** Pinyin without tones or spaces, latin letters and digits kept: 'huaweijishu'. */
  pinyinFull: string;
  /** First letter of each syllable, latin letters and digits kept: 'hwjs'. */
  pinyinInitials: string;
}

export function searchKeysFor(text: string): SearchKeys {
  const full = removeWhitespace(removeInvisible(text.normalize('NFKC').toLowerCase()));
  if (full === '') return { full, pinyinFull: '', pinyinInitials: '' };
  const syllables = pinyin(full, { toneType: 'none', type: 'array', v: true });
  const initials = pinyin(full, { pattern: 'first', toneType: 'none', type: 'array', v: true });
  return { full, pinyinFull: asciiKey(syllables), pinyinInitials: asciiKey(initials) };
}

/** Characters without pinyin (punctuation, rare ideographs, emoji) are left out of the pinyin keys. */
function asciiKey(parts: readonly string[]): string {
  return parts.join('').toLowerCase().replace(/[^a-z0-9]/g, '');
}

export const MAX_QUERY_LENGTH = 64;

/**
 * - 'empty': nothing to search for.
 * - 'credit-code-prefix': could be the start of a 统一社会信用代码 (see below);
 *   also search names, since '360' is both.
 * - 'latin': letters only — match pinyinFull / pinyinInitials and full.
 * - 'cjk': contains a Chinese character — match full.
 * - 'mixed': anything else (e.g. 'mate60', '3,200') — match full.
 */
export type SearchQueryKind = 'empty' | 'credit-code-prefix' | 'latin' | 'cjk' | 'mixed';

export interface SearchQuery {
  /** Trimmed, NFKC, whitespace collapsed, at most 64 characters; for display. */
  text: string;
  /** `text` without whitespace, lower-case: match it against SearchKeys. */
  compact: string;
  kind: SearchQueryKind;
  /** Upper-case, for `credit_code LIKE ? || '%'`; null unless kind is 'credit-code-prefix'. */
  creditCodePrefix: string | null;
}

/**
 * A credit-code prefix, stricter than "alphabet plus a digit" so that names
 * like 'mate60' or '5g' stay names: position 1 is a registering authority
 * (1–9, A, N, Y), position 2 an organisation type (a digit), positions 3–8 the
 * division code (digits), then any code characters, 18 at most.
 */
const CREDIT_CODE_PREFIX = new RegExp(`^[1-9ANY](?:\\d{1,7}|\\d{7}[${USCC_ALPHABET}]{1,10})$`);

/**
 * Normalises what the user typed. Everything comes back as plain text, quotes,
 * %, _, \ and SQL words included: the backend binds it as a parameter (with
 * escapeLike for LIKE), never splices it into SQL or an FTS expression.
 */
export function normaliseSearchQuery(input: string): SearchQuery {
  // Cut very long input before the work; the exact cap is applied after cleaning.
  const head = input.slice(0, MAX_QUERY_LENGTH * 16);
  const cleaned = removeInvisible(collapseWhitespace(head.normalize('NFKC')));
  const text = Array.from(cleaned).slice(0, MAX_QUERY_LENGTH).join('').trim();
  const compact = removeWhitespace(text).toLowerCase();
  const upper = compact.toUpperCase();
  const query = (kind: SearchQueryKind, creditCodePrefix: string | null = null): SearchQuery => ({
    text,
    compact,
    kind,
    creditCodePrefix,
  });

  if (compact === '') return query('empty');
  if (CREDIT_CODE_PREFIX.test(upper)) return query('credit-code-prefix', upper);
  if (/^[a-z]+$/.test(compact)) return query('latin');
  if (/\p{Script=Han}/u.test(compact)) return query('cjk');
  return query('mixed');
}

/** Escapes \, % and _ for `column LIKE ? ESCAPE '\'`. Wrap with % yourself: `%${escapeLike(q)}%`. */
export function escapeLike(value: string): string {
  return value.replace(/[\\%_]/g, '\\$&');
}
