/**
 * Cell values as ledgers write them, read exactly or refused with a reason. Nothing is
 * guessed silently: a month without a day is the 1st and says so (precision 'month'), a
 * number without a unit takes the column's unit, "/" and blanks are "not filled in".
 */
import { validateCreditCode } from '../domain/credit-code';
import { isIsoDate } from '../domain/dates';
import { parseAmount, type AmountUnit } from '../domain/money';
import { validateMobile, validatePhone } from '../domain/phone';
import { GUIZHOU_DIVISIONS } from '../domain/reference';
import { ok, type Result } from '../domain/result';
import { parseStage, type Stage } from '../domain/stages';
import { collapseWhitespace, quoteForMessage, removeWhitespace, toHalfWidth } from '../domain/text';
import { cellText, numberText, type LedgerCell } from './cells';
import { ledgerFail } from './messages';

/** What ledgers write for "nothing here": blank, slashes and dashes, 无, 暂无. */
const NOTHING = /^(?:[/\\\-\u2013\u2014\u2015\u2212_.。、·]*|无|暂无|空|未定|待定|n\/?a)$/i;

export function isBlankText(text: string): boolean {
  return NOTHING.test(removeWhitespace(toHalfWidth(text)));
}

export function isBlankCell(cell: LedgerCell | null | undefined): boolean {
  if (!cell || cell.value === null) return true;
  if (typeof cell.value === 'string') return isBlankText(cell.value);
  return false;
}

/** Trimmed text with inner whitespace runs as one space; null when blank. */
export function parseLedgerText(cell: LedgerCell | null | undefined): string | null {
  if (isBlankCell(cell)) return null;
  const text = collapseWhitespace(cellText(cell));
  return text === '' ? null : text;
}

export interface LedgerDate {
  date: string;
  /** 'month' when the cell named only a year and month: the date is then the 1st. */
  precision: 'day' | 'month';
}

const DAY_FORMS: readonly RegExp[] = [
  /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})$/,
  /^(\d{4})年(\d{1,2})月(\d{1,2})[日号]?$/,
  /^(\d{4})(\d{2})(\d{2})$/,
];
const MONTH_FORMS: readonly RegExp[] = [/^(\d{4})[-/.](\d{1,2})$/, /^(\d{4})年(\d{1,2})月份?$/];
const YEAR_ONLY = /^(\d{4})年?$/;
const TRAILING_TIME = /\s+\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?$/;
/** Excel's serial day numbers cover 1900-01-01 … 9999-12-31. */
const MAX_SERIAL = 2958465;
/** A bare 5-digit number in a date column is a serial date (1927 … 2173). */
const SERIAL_TEXT = /^\d{5}(?:\.\d+)?$/;

/**
 * Dates as ledgers hold them: 2021-03-15, 2021/3/15, 2021.3.15, 2021年3月15日,
 * 20210315, a month (2021年3月, 2021-03 → the 1st), or an Excel serial date
 * (a number cell formatted as a date, or a bare 5-digit number).
 */
export function parseLedgerDate(cell: LedgerCell | null | undefined, date1904 = false): Result<LedgerDate | null, 'E_LEDGER_DATE_INVALID' | 'E_LEDGER_DATE_YEAR_ONLY'> {
  if (isBlankCell(cell) || !cell) return ok(null);
  if (typeof cell.value === 'number' && cell.isDate) return serialDate(cell.value, date1904, cellText(cell));
  const shown = cellText(cell);
  const text = removeWhitespace(toHalfWidth(shown.trim()).replace(TRAILING_TIME, ''));
  for (const form of DAY_FORMS) {
    const match = form.exec(text);
    if (match) return isoDate(match[1]!, match[2]!, match[3]!, 'day', shown);
  }
  for (const form of MONTH_FORMS) {
    const match = form.exec(text);
    if (match) return isoDate(match[1]!, match[2]!, '1', 'month', shown);
  }
  if (YEAR_ONLY.test(text)) return ledgerFail('E_LEDGER_DATE_YEAR_ONLY', quoteForMessage(shown.trim()));
  if (typeof cell.value === 'number' && Number.isFinite(cell.value)) return serialDate(cell.value, date1904, shown);
  if (SERIAL_TEXT.test(text)) return serialDate(Number(text), date1904, shown);
  return ledgerFail('E_LEDGER_DATE_INVALID', quoteForMessage(shown.trim()));
}

function isoDate(year: string, month: string, day: string, precision: LedgerDate['precision'], shown: string): Result<LedgerDate, 'E_LEDGER_DATE_INVALID'> {
  const date = `${year}-${month.padStart(2, '0')}-${day.padStart(2, '0')}`;
  return isIsoDate(date) ? ok({ date, precision }) : ledgerFail('E_LEDGER_DATE_INVALID', quoteForMessage(shown.trim()));
}

/**
 * Excel serial → date. In the 1900 system day 1 is 1900-01-01 and day 60 is the
 * 1900-02-29 that never was (kept by Excel for Lotus compatibility), so from day 61
 * on the count is from 1899-12-30. In the 1904 system day 0 is 1904-01-01.
 */
export function serialDate(serial: number, date1904: boolean, shown = String(serial)): Result<LedgerDate, 'E_LEDGER_DATE_INVALID'> {
  const day = Math.floor(serial);
  const invalid = (): Result<LedgerDate, 'E_LEDGER_DATE_INVALID'> => ledgerFail('E_LEDGER_DATE_INVALID', quoteForMessage(shown.trim() || String(serial)));
  if (!Number.isFinite(serial) || day < (date1904 ? 0 : 1) || day > MAX_SERIAL) return invalid();
  if (!date1904 && day === 60) return invalid();
  const epoch = date1904 ? Date.UTC(1904, 0, 1) : day < 60 ? Date.UTC(1899, 11, 31) : Date.UTC(1899, 11, 30);
  return ok({ date: new Date(epoch + day * 86_400_000).toISOString().slice(0, 10), precision: 'day' });
}

/** Money in integer 元. A number cell is read from its exact value, a text cell as typed (`5亿元`, `3,200万`). */
export function parseLedgerAmount(cell: LedgerCell | null | undefined, unit: AmountUnit) {
  if (isBlankCell(cell) || !cell) return ok(null);
  const text = typeof cell.value === 'number' ? numberText(cell.value) : cellText(cell);
  return parseAmount(text, unit);
}

/** Words ledgers use for each stage, compared after dropping 已/阶段/中 and punctuation. */
const STAGE_WORDS: Readonly<Record<string, Stage>> = {
  线索: 'lead', 项目线索: 'lead', 意向: 'lead', 有意向: 'lead', 初步接触: 'lead', 接触: 'lead', 储备: 'lead',
  在谈: 'negotiating', 洽谈: 'negotiating', 正在洽谈: 'negotiating', 在洽谈: 'negotiating', 跟踪洽谈: 'negotiating', 谈判: 'negotiating', 对接: 'negotiating', 跟踪: 'negotiating',
  签约: 'signed', 签订: 'signed', 签订协议: 'signed', 签协议: 'signed', 签约未开工: 'signed', 云上签: 'signed', 签约落地: 'signed',
  开工: 'started', 在建: 'started', 建设: 'started', 开工建设: 'started', 正在建设: 'started', 动工: 'started',
  投产: 'producing', 建成投产: 'producing', 竣工投产: 'producing', 投产运营: 'producing', 运营: 'producing', 达产: 'producing', 试生产: 'producing',
  搁置: 'on_hold', 暂停: 'on_hold', 暂缓: 'on_hold', 停滞: 'on_hold', 停建: 'on_hold',
  终止: 'terminated', 取消: 'terminated', 放弃: 'terminated', 退出: 'terminated', 撤销: 'terminated',
};

/** `已签约`, `签约`, `洽谈中`, `在建`, `signed` … → a stage; blank → null. */
export function parseLedgerStage(cell: LedgerCell | null | undefined): Result<Stage | null, 'E_LEDGER_STAGE_UNKNOWN'> {
  if (isBlankCell(cell)) return ok(null);
  const shown = cellText(cell).trim();
  const direct = parseStage(shown);
  if (direct.ok) return ok(direct.value);
  const word = removeWhitespace(toHalfWidth(shown).normalize('NFKC'))
    .replace(/[\p{P}\p{S}]/gu, '')
    .replace(/^(?:已经|已|正在|项目)/, '')
    .replace(/(?:阶段|中|状态)$/, '');
  const stage = STAGE_WORDS[word] ?? (parseStage(word).ok ? (parseStage(word) as { value: Stage }).value : undefined);
  return stage ? ok(stage) : ledgerFail('E_LEDGER_STAGE_UNKNOWN', quoteForMessage(shown));
}

export function parseLedgerCreditCode(cell: LedgerCell | null | undefined) {
  if (isBlankCell(cell) || !cell) return ok(null);
  return validateCreditCode(cellText(cell));
}

export interface LedgerPhone {
  mobile: string | null;
  phone: string | null;
}

/** The first number in the cell (several are often written 138…/0755-…): a mobile, or a landline. */
export function parseLedgerPhone(cell: LedgerCell | null | undefined): Result<LedgerPhone | null, 'E_LEDGER_PHONE_INVALID'> {
  if (isBlankCell(cell) || !cell) return ok(null);
  const raw = typeof cell.value === 'number' ? numberText(cell.value) : cellText(cell);
  const first = toHalfWidth(raw).split(/[/,，;；、|]|\s{2,}/).map((part) => part.trim()).find((part) => part !== '') ?? '';
  const mobile = validateMobile(first);
  if (mobile.ok) return ok({ mobile: mobile.value, phone: null });
  const phone = validatePhone(first);
  if (phone.ok) return ok({ mobile: null, phone: phone.value });
  return ledgerFail('E_LEDGER_PHONE_INVALID');
}

/** Head counts: `500`, `500人`, `1,200`, `0.5万人`. */
export function parseLedgerCount(cell: LedgerCell | null | undefined): Result<number | null, 'E_LEDGER_COUNT_INVALID'> {
  if (isBlankCell(cell) || !cell) return ok(null);
  const shown = typeof cell.value === 'number' ? numberText(cell.value) : cellText(cell);
  const text = removeWhitespace(toHalfWidth(shown)).replace(/(?:余人|多人|人|个|名)$/, '');
  const parsed = parseAmount(text.replace(/万$/, '万元'), '元');
  if (!parsed.ok || parsed.value === null || parsed.value > 10_000_000) return ledgerFail('E_LEDGER_COUNT_INVALID', quoteForMessage(shown.trim()));
  return ok(parsed.value);
}

export interface TargetLocation {
  city: string | null;
  county: string | null;
  /** Text after the county that is not a place we file (e.g. a park): reported, not dropped silently. */
  rest: string | null;
}

/** Names a Guizhou prefecture is written with, longest first: 黔南布依族苗族自治州, 黔南州, 黔南, 遵义市, 遵义 … */
const CITY_NAMES: readonly (readonly [string, string])[] = GUIZHOU_DIVISIONS.flatMap((division) => {
  const names: string[] = [division.name, division.shortName];
  if (division.shortName.endsWith('州')) names.push(division.shortName.slice(0, -1));
  return names.map((name) => [name, division.name] as const);
}).sort((a, b) => b[0].length - a[0].length);

const COUNTY = /^(.+?(?:自治县|特区|新区|县|区|市))/;

/** A Guizhou prefecture's full name for any way it is written (遵义 → 遵义市, 黔南州 → 黔南布依族苗族自治州); other text as is. */
export function normalizeCity(text: string): string {
  const compact = removeWhitespace(toHalfWidth(text)).replace(/^贵州省?/, '');
  return CITY_NAMES.find(([name]) => name === compact)?.[1] ?? collapseWhitespace(text);
}

/** `遵义市汇川区`, `黔南州都匀市`, `贵安新区` → prefecture (full name) and county. */
export function parseTargetLocation(cell: LedgerCell | null | undefined): TargetLocation | null {
  const text = parseLedgerText(cell);
  if (text === null) return null;
  const compact = removeWhitespace(text).replace(/^贵州省?/, '');
  const city = CITY_NAMES.find(([name]) => compact.startsWith(name));
  const after = city ? compact.slice(city[0].length) : compact;
  if (after === '') return { city: city ? city[1] : null, county: null, rest: null };
  const county = COUNTY.exec(after)?.[1] ?? null;
  const rest = county ? after.slice(county.length) : after;
  if (!city && !county) return { city: null, county: null, rest: text };
  return { city: city ? city[1] : null, county, rest: rest === '' ? null : rest };
}
