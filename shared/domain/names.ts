/**
 * normalizeCompanyName: a key under which the same company, spelt the ways
 * staff actually spell it, collides, so a team lead can be shown likely
 * duplicates (DESIGN §5). It is a matching key, never a display name.
 *
 * Rules, in order:
 * 1. NFKC (full-width → half-width), lower-case, trailing English legal forms
 *    removed ("Co., Ltd.", "Inc." …), all whitespace removed.
 * 2. Brackets （）()【】〔〕[]: a bracketed part is dropped when it is at most
 *    4 characters (（深圳）, （集团）, （有限合伙）) or a place (known region names,
 *    or ending in 省/市/区/县/州 within 8 characters); otherwise only the
 *    bracket characters go and the words stay.
 * 3. Punctuation and symbols removed (·, &, -, …).
 * 4. Legal form removed from the end: 股份有限公司, 有限责任公司, 有限公司,
 *    股份公司, 公司. 集团 is kept (XX集团 and XX are different entities).
 *    Branches keep their branch part: 招商银行股份有限公司深圳分行 → 招商银行深圳分行.
 * 5. Leading region prefixes removed, repeatedly: 中国, 广东(省), 贵州(省), the
 *    21 Guangdong cities, Guizhou's divisions, Shenzhen's districts (full names
 *    only) — but only while at least 3 characters remain, so brand names made
 *    of a place plus a word (深圳航空, 中国银行, 贵州轮胎) keep their place.
 * Never returns '' for a name with any visible character: it falls back to
 * the cleaned full name. Only the first 200 characters are considered.
 */
import {
  GUANGDONG_CITIES,
  GUANGDONG_PROVINCE,
  GUIZHOU_DIVISIONS,
  GUIZHOU_PROVINCE,
  SHENZHEN_DISTRICTS,
} from './reference';
import { removeWhitespace } from './text';

/** Longer input is cut: no real name is this long, and it bounds the regex work. */
const MAX_NAME_LENGTH = 200;
const MIN_CORE_AFTER_REGION = 3;
const MIN_CORE = 2;
const SHORT_BRACKET = 4;

const REGION_PREFIXES: readonly string[] = [
  ...new Set([
    '中华人民共和国',
    '中国',
    ...[GUANGDONG_PROVINCE, GUIZHOU_PROVINCE, ...GUANGDONG_CITIES, ...GUIZHOU_DIVISIONS].flatMap((d) => [
      d.name,
      d.shortName,
    ]),
    ...GUIZHOU_DIVISIONS.filter((d) => d.name.endsWith('自治州')).map((d) => d.shortName.replace(/州$/, '')), // 黔南州 → 黔南
    ...SHENZHEN_DISTRICTS.map((d) => d.name),
  ]),
].sort((a, b) => b.length - a.length);

const ENGLISH_LEGAL_FORM =
  /(?<=[\s,.])(?:co\.?,?\s*ltd\.?|company\s+limited|co\.?,?\s*limited|limited|ltd\.?|incorporated|inc\.?|corporation|corp\.?|llc|gmbh|plc)$/;
const LEGAL_FORM = '(?:股份有限公司|有限责任公司|有限公司|股份公司|公司)';
const BRANCH = '(?:分公司|分行|支行|办事处|代表处)';
const ENDS_WITH_BRANCH = new RegExp(`${BRANCH}$`);
const LEGAL_FORM_BEFORE_BRANCH = new RegExp(`^(.+?)${LEGAL_FORM}(.+${BRANCH})$`);
const LEGAL_FORM_AT_END = new RegExp(`^(.+?)${LEGAL_FORM}$`);
const INNERMOST_BRACKET = /\(([^()]*)\)/g;
const PLACE_IN_BRACKETS = /^.{1,7}[省市区县州]$/u;

export function normalizeCompanyName(name: string): string {
  const folded = Array.from(name.normalize('NFKC').toLowerCase().trim()).slice(0, MAX_NAME_LENGTH).join('');
  const cleaned = removeWhitespace(folded);
  const core = removePunctuation(dropBrackets(removeWhitespace(folded.replace(ENGLISH_LEGAL_FORM, ''))));
  return stripRegionPrefixes(stripLegalForm(core)) || removePunctuation(cleaned) || cleaned;
}

function dropBrackets(text: string): string {
  let current = text.replace(/[【〔\[{]/g, '(').replace(/[】〕\]}]/g, ')');
  for (let previous = ''; previous !== current; ) {
    previous = current;
    current = current.replace(INNERMOST_BRACKET, (_, inner: string) => (isDroppableBracket(inner) ? '' : inner));
  }
  return current;
}

function isDroppableBracket(inner: string): boolean {
  const words = removePunctuation(inner);
  return (
    Array.from(words).length <= SHORT_BRACKET ||
    PLACE_IN_BRACKETS.test(words) ||
    stripRegionPrefixes(words, 0) === ''
  );
}

function removePunctuation(text: string): string {
  return text.replace(/[\p{P}\p{S}]/gu, '');
}

function stripLegalForm(text: string): string {
  const match = ENDS_WITH_BRANCH.test(text) ? LEGAL_FORM_BEFORE_BRANCH.exec(text) : LEGAL_FORM_AT_END.exec(text);
  if (!match) return text;
  const stripped = (match[1] ?? '') + (match[2] ?? '');
  return Array.from(stripped).length >= MIN_CORE ? stripped : text;
}

function stripRegionPrefixes(text: string, minRemaining = MIN_CORE_AFTER_REGION): string {
  let current = text;
  for (let changed = true; changed; ) {
    changed = false;
    for (const prefix of REGION_PREFIXES) {
      const rest = current.slice(prefix.length);
      if (current.startsWith(prefix) && Array.from(rest).length >= minRemaining) {
        current = rest;
        changed = true;
        break;
      }
    }
  }
  return current;
}
