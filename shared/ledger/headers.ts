/**
 * Finding the header of a ledger and guessing what each column is. Real ledgers put a
 * title row on top and spread the header over two rows with merged cells
 * (项目基本情况 over 项目名称 | 企业名称, 投资情况 over 总投资（万元） | 到位资金（万元）),
 * so a column's title is the text of every header row above it, merges filled in.
 */
import type { AmountUnit } from '../domain/money';
import { removeWhitespace, toHalfWidth } from '../domain/text';
import { cellText, columnCount, type LedgerSheet } from './cells';
import { IGNORED_HEADERS, LEDGER_FIELDS, type LedgerFieldKey } from './fields';

/** Header rows are looked for among the first rows only. */
const HEADER_SCAN_ROWS = 20;
const MAX_HEADER_ROWS = 4;

export interface HeaderRows {
  /** Zero-based, inclusive. */
  first: number;
  last: number;
}

export interface ColumnGuess {
  column: number;
  /** Header texts top to bottom, joined with '/': 项目基本情况/项目名称. */
  title: string;
  field: LedgerFieldKey | null;
  /** The unit named in the header (（万元）, 亿元), if any. */
  unit: AmountUnit | null;
}

/** Header text → the words we compare: full-width folded, no spaces, no unit, no punctuation. */
export function headerKey(text: string): string {
  return removeWhitespace(toHalfWidth(text).normalize('NFKC'))
    .replace(/[(（【[][^)）】\]]*[)）】\]]/g, '')
    .replace(/(?:亿元|万元|元|亿|万)$/, '')
    .replace(/[\p{P}\p{S}]/gu, '')
    .toLowerCase();
}

/** 投资额（亿元）, 总投资(万元), 金额/万元, 到位资金 万元 → the unit. */
export function unitFromHeader(text: string): AmountUnit | null {
  const folded = removeWhitespace(toHalfWidth(text).normalize('NFKC'));
  const match = /(亿元|万元|亿|万|元)[)）\]】]?$/.exec(folded) ?? /[(（【[](亿元|万元|元|亿|万)[)）\]】]/.exec(folded);
  const word = match?.[1];
  if (!word) return null;
  return word.startsWith('亿') ? '亿元' : word.startsWith('万') ? '万元' : '元';
}

interface Matcher {
  word: string;
  field: LedgerFieldKey;
  /** Written `=企业` in the field list: a word too general to be looked for inside longer headers. */
  exactOnly: boolean;
}

const MATCHERS: readonly Matcher[] = (Object.entries(LEDGER_FIELDS) as [LedgerFieldKey, { headers: readonly string[] }][])
  .flatMap(([field, spec]) => spec.headers.map((header) => ({ word: headerKey(header.replace(/^=/, '')), field, exactOnly: header.startsWith('=') })))
  .sort((a, b) => b.word.length - a.word.length);

/** The field a header names: an exact header word, else the longest header word it contains. */
export function fieldForHeader(text: string): LedgerFieldKey | null {
  const key = headerKey(text);
  if (key === '' || IGNORED_HEADERS.some((pattern) => pattern.test(key))) return null;
  const exact = MATCHERS.find((matcher) => matcher.word === key);
  if (exact) return exact.field;
  // Containment needs a word of 2+ characters: 市 alone must not claim 所在市州名称.
  return MATCHERS.find((matcher) => !matcher.exactOnly && matcher.word.length >= 2 && key.includes(matcher.word))?.field ?? null;
}

/** Text of each cell of row `r`, a merged range's text repeated over all of it. */
function rowTexts(sheet: LedgerSheet, r: number, width: number): string[] {
  const texts = Array.from({ length: width }, (_, c) => cellText(sheet.rows[r]?.[c]).trim());
  for (const merge of sheet.merges) {
    if (merge.s.r > r || merge.e.r < r) continue;
    const text = cellText(sheet.rows[merge.s.r]?.[merge.s.c]).trim();
    for (let c = merge.s.c; c <= Math.min(merge.e.c, width - 1); c++) texts[c] = text;
  }
  return texts;
}

function score(texts: readonly string[]): number {
  return texts.reduce((sum, text, c) => (text !== '' && texts.indexOf(text) === c && fieldForHeader(text) ? sum + 1 : sum), 0);
}

/**
 * The header block: the row naming most known columns, plus the rows its vertical merges
 * reach below it, plus group rows directly above it (a row whose cells are merged across
 * several columns, or that itself names known columns). A title row spanning the whole
 * width, or a blank row, ends the block.
 */
export function detectHeaderRows(sheet: LedgerSheet): HeaderRows | null {
  const width = columnCount(sheet);
  if (width === 0) return null;
  let best = -1;
  let bestScore = 0;
  for (let r = 0; r < Math.min(sheet.rows.length, HEADER_SCAN_ROWS); r++) {
    const rowScore = score(rowTexts(sheet, r, width));
    if (rowScore > bestScore) {
      best = r;
      bestScore = rowScore;
    }
  }
  if (best < 0) return null;
  let last = best;
  for (const merge of sheet.merges) {
    if (merge.s.r === best && merge.e.r > last && merge.e.r - best < MAX_HEADER_ROWS) last = merge.e.r;
  }
  let first = best;
  while (first > 0 && last - first + 1 < MAX_HEADER_ROWS && isGroupRow(sheet, first - 1, width)) first--;
  return { first, last };
}

function isGroupRow(sheet: LedgerSheet, r: number, width: number): boolean {
  const texts = rowTexts(sheet, r, width);
  const distinct = [...new Set(texts.filter((text) => text !== ''))];
  if (distinct.length === 0) return false;
  // One text over (nearly) the whole width is the sheet's title, not a header.
  if (distinct.length === 1 && texts.filter((text) => text !== '').length >= Math.max(2, width * 0.8)) return false;
  if (distinct.length > 1 && score(texts) > 0) return true;
  return sheet.merges.some((merge) => merge.s.r === r && merge.e.c > merge.s.c && merge.e.c - merge.s.c + 1 < width);
}

/** One title per column: the distinct header texts top to bottom, joined with '/'. */
export function columnTitles(sheet: LedgerSheet, header: HeaderRows): string[] {
  const width = columnCount(sheet);
  const rows: string[][] = [];
  for (let r = header.first; r <= header.last; r++) rows.push(rowTexts(sheet, r, width));
  return Array.from({ length: width }, (_, c) => {
    const parts: string[] = [];
    for (const texts of rows) {
      const text = texts[c] ?? '';
      if (text !== '' && parts[parts.length - 1] !== text) parts.push(text.replace(/\s+/g, ' '));
    }
    return parts.join('/');
  });
}

/**
 * A field for each column: the lowest header row that names a field wins (项目基本情况/
 * 项目名称 is 项目名称), and a field goes to its first column only — a second column
 * naming it is left for the user to decide.
 */
export function guessColumns(sheet: LedgerSheet, header: HeaderRows): ColumnGuess[] {
  const taken = new Set<LedgerFieldKey>();
  return columnTitles(sheet, header).map((title, column) => {
    const parts = title.split('/').reverse();
    let field: LedgerFieldKey | null = null;
    for (const part of parts) {
      field = fieldForHeader(part);
      if (field) break;
    }
    if (field === null) field = fieldForHeader(title.replace(/\//g, ''));
    if (field !== null && taken.has(field)) field = null;
    if (field !== null) taken.add(field);
    const unit = parts.map(unitFromHeader).find((found) => found !== null) ?? null;
    return { column, title, field, unit };
  });
}
