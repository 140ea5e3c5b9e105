import { describe, expect, it } from 'vitest';
import type { LedgerSheet } from './cells';
import { columnTitles, detectHeaderRows, fieldForHeader, guessColumns, headerKey, unitFromHeader } from './headers';
import { checkMapping, readLedgerRows } from './rows';

const sheet = (rows: (string | number | null)[][], merges: LedgerSheet['merges'] = []): LedgerSheet => ({
  name: 'S',
  rows: rows.map((row) => row.map((value) => (value === null ? null : { value }))),
  merges,
  date1904: false,
});

describe('header words', () => {
  it.each([
    ['投资额（亿元）', 'investment', '亿元'],
    ['总投资(万元)', 'investment', '万元'],
    ['计划总投资/万元', 'investment', '万元'],
    ['签约金额 （万元）', 'signedAmount', '万元'],
    ['到位资金（万元）', 'fundsInPlace', '万元'],
    ['计划开工时间', 'startPlannedDate', null],
    ['开工时间', 'startDate', null],
    ['实际开工日期', 'startDate', null],
    ['落地市（州）', 'targetCity', null],
    ['县（市、区）', 'targetCounty', null],
    ['联系人', 'contactName', null],
    ['联系人电话', 'contactPhone', null],
    ['项目进展情况', 'stage', null],
    ['企业名称', 'companyName', null],
    ['ＱＱ企业名称', 'companyName', null],
  ])('%s → %s (%s)', (header, field, unit) => {
    expect(fieldForHeader(header)).toBe(field);
    expect(unitFromHeader(header)).toBe(unit);
  });

  it('leaves rates, serial numbers and look-alikes alone', () => {
    for (const header of ['资金到位率', '序号', '开工率', '企业性质', '项目负责人', '']) expect(fieldForHeader(header)).toBeNull();
  });

  it('normalises width, spaces, brackets and units', () => {
    expect(headerKey(' 投资额 （亿元） ')).toBe('投资额');
    expect(headerKey('ＡＢＣ')).toBe('abc');
  });
});

describe('finding the header', () => {
  it('takes a plain first row', () => {
    const plain = sheet([['企业名称', '项目名称', '总投资（万元）'], ['甲', '乙', '100']]);
    expect(detectHeaderRows(plain)).toEqual({ first: 0, last: 0 });
  });

  it('skips a title row and joins a two-row header over merged cells', () => {
    const merged = sheet(
      [
        ['2024年项目台账', null, null, null],
        ['序号', '项目基本情况', null, '投资情况'],
        [null, '项目名称', '企业名称', '总投资（万元）'],
        [1, '数据中心', '甲公司', 500],
      ],
      [
        { s: { r: 0, c: 0 }, e: { r: 0, c: 3 } },
        { s: { r: 1, c: 0 }, e: { r: 2, c: 0 } },
        { s: { r: 1, c: 1 }, e: { r: 1, c: 2 } },
      ],
    );
    const header = detectHeaderRows(merged)!;
    expect(header).toEqual({ first: 1, last: 2 });
    expect(columnTitles(merged, header)).toEqual(['序号', '项目基本情况/项目名称', '项目基本情况/企业名称', '投资情况/总投资（万元）']);
    expect(guessColumns(merged, header).map((guess) => guess.field)).toEqual([null, 'projectName', 'companyName', 'investment']);
  });

  it('extends the header down over the rows its vertical merges cover', () => {
    const tall = sheet(
      [
        ['项目名称', '企业名称', '投资额（万元）', null],
        [null, null, '计划', '到位资金'],
        ['数据中心', '甲公司', 500, 100],
      ],
      [
        { s: { r: 0, c: 0 }, e: { r: 1, c: 0 } },
        { s: { r: 0, c: 1 }, e: { r: 1, c: 1 } },
        { s: { r: 0, c: 2 }, e: { r: 0, c: 3 } },
      ],
    );
    const header = detectHeaderRows(tall)!;
    expect(header).toEqual({ first: 0, last: 1 });
    const guesses = guessColumns(tall, header);
    expect(guesses.map((guess) => [guess.title, guess.field, guess.unit])).toEqual([
      ['项目名称', 'projectName', null],
      ['企业名称', 'companyName', null],
      ['投资额（万元）/计划', 'investment', '万元'],
      ['投资额（万元）/到位资金', 'fundsInPlace', '万元'],
    ]);
    const rows = readLedgerRows(tall, header, guesses.filter((g) => g.field).map((g) => ({ column: g.column, field: g.field! })), guesses.map((g) => g.unit));
    expect(rows[0]!.values).toEqual({ projectName: '数据中心', companyName: '甲公司', investmentYuan: 5_000_000, fundsInPlaceYuan: 1_000_000 });
  });

  it('returns null for a sheet with no recognisable header', () => {
    expect(detectHeaderRows(sheet([['a', 'b'], ['1', '2']]))).toBeNull();
  });
});

describe('mapping checks', () => {
  it('requires company and project names and refuses a field twice (备注 may repeat)', () => {
    expect(checkMapping([{ column: 0, field: 'companyName' }]).map((p) => p.code)).toEqual(['E_LEDGER_MAPPING_REQUIRED']);
    expect(
      checkMapping([
        { column: 0, field: 'companyName' },
        { column: 1, field: 'projectName' },
        { column: 2, field: 'notes' },
        { column: 3, field: 'notes' },
        { column: 4, field: 'industry' },
        { column: 5, field: 'industry' },
      ]).map((p) => p.message),
    ).toEqual(['“所属行业”对应了多列，请只保留一列']);
  });
});
