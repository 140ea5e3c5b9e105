import * as XLSX from '@e965/xlsx';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { detectHeaderRows, guessColumns } from '../../../shared/ledger/headers';
import { readLedgerRows } from '../../../shared/ledger/rows';
import { csvOf, generatedLedgerRows, messyLedgerXlsx } from './test-fixtures';
import { decodeText, readLedgerWorkbook } from './workbook';

const SAMPLE = [
  ['企业名称', '项目名称', '总投资（万元）', '签约时间', '项目进展'],
  ['深圳市甲科技有限公司', '智能终端基地', '3,200', '2021/3/15', '已签约'],
  ['深圳市乙有限公司', '数据中心', '5亿', '2021年3月', '在谈'],
];

function mappedRows(bytes: Uint8Array, name: string) {
  const workbook = readLedgerWorkbook(bytes, name);
  const sheet = workbook.sheets[0]!;
  const header = detectHeaderRows(sheet)!;
  const guesses = guessColumns(sheet, header);
  const columns = guesses.filter((guess) => guess.field).map((guess) => ({ column: guess.column, field: guess.field! }));
  return { workbook, rows: readLedgerRows(sheet, header, columns, guesses.map((guess) => guess.unit)) };
}

describe('reading ledger files', () => {
  it('reads UTF-8 CSV (with and without a BOM) keeping text as typed', () => {
    for (const prefix of ['', '\uFEFF']) {
      const { workbook, rows } = mappedRows(new TextEncoder().encode(prefix + csvOf(SAMPLE)), '台账.csv');
      expect(workbook).toMatchObject({ format: 'csv', encoding: 'utf-8' });
      expect(rows.map((row) => row.values)).toEqual([
        { companyName: '深圳市甲科技有限公司', projectName: '智能终端基地', investmentYuan: 32_000_000, signedDate: '2021-03-15', stage: 'signed' },
        { companyName: '深圳市乙有限公司', projectName: '数据中心', investmentYuan: 500_000_000, signedDate: '2021-03-01', stage: 'negotiating' },
      ]);
    }
  });

  it('reads GBK CSV as Excel on a Chinese Windows saves it', () => {
    const bytes = new Uint8Array(iconv.encode(csvOf(SAMPLE), 'gbk'));
    expect(decodeText(bytes).encoding).toBe('gbk');
    const { rows } = mappedRows(bytes, '台账.csv');
    expect(rows[0]!.values.companyName).toBe('深圳市甲科技有限公司');
    expect(rows[1]!.values.stage).toBe('negotiating');
  });

  it('reads legacy .xls (BIFF8) files', () => {
    const book = XLSX.utils.book_new();
    XLSX.utils.book_append_sheet(book, XLSX.utils.aoa_to_sheet(SAMPLE), '台账');
    const bytes = new Uint8Array(XLSX.write(book, { type: 'buffer', bookType: 'xls' }) as Buffer);
    const { workbook, rows } = mappedRows(bytes, '台账.xls');
    expect(workbook.format).toBe('xls');
    expect(rows[0]!.values).toMatchObject({ projectName: '智能终端基地', investmentYuan: 32_000_000, stage: 'signed' });
  });

  it('reads serial dates in a workbook using the 1904 date system', async () => {
    const { rows } = mappedRows(await messyLedgerXlsx({ date1904: true }), '台账.xlsx');
    // Serial 44155 formatted as a date: 2020-11-20 in 1900, four years and a day later in 1904.
    const row6 = rows.find((row) => row.row === 5)!;
    expect(row6.values.signedDate).toBe('2024-11-21');
  });

  it('parses 10,000 generated rows without problems', () => {
    const { rows } = mappedRows(new TextEncoder().encode(csvOf(generatedLedgerRows(10_000))), 'big.csv');
    expect(rows).toHaveLength(10_000);
    expect(rows.filter((row) => row.errors.length > 0)).toEqual([]);
  });

  it('refuses a file that is no spreadsheet, in Chinese', () => {
    expect(() => readLedgerWorkbook(new Uint8Array([0x50, 0x4b, 0x03, 0x04, 1, 2, 3]), '坏文件.xlsx')).toThrow(/无法读取文件“坏文件.xlsx”/);
  });
});
