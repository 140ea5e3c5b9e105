/**
 * Ledgers for tests, built the way teams' files look: a title row, a two-row header
 * with merged group cells, every value form the importer must read, and bad rows.
 * Used by the unit tests, the end-to-end test and the benchmark.
 */
import ExcelJS from 'exceljs';
import { computeCheckChar } from '../../../shared/domain/credit-code';

export function codeFor(seed: number): string {
  const first17 = `91440300${String(seed).padStart(9, '0')}`;
  return first17 + computeCheckChar(first17);
}

/** A valid code with its check character changed: the checksum fails. */
export function badCode(seed: number): string {
  const good = codeFor(seed);
  const last = good.at(-1) === '0' ? '1' : '0';
  return good.slice(0, 17) + last;
}

export const MESSY_CODES = { jia: codeFor(101), bing: codeFor(303) };

type Cell = string | number | { serial: number; format: string } | null;

/** Header rows 2–3 (merged), data from row 4. Columns A–Q. */
const GROUPS: readonly [string, string, string][] = [
  ['A2:A3', 'A2', '序号'],
  ['B2:E2', 'B2', '项目基本情况'],
  ['F2:H2', 'F2', '投资情况'],
  ['I2:K2', 'I2', '时间节点'],
  ['L2:L3', 'L2', '项目进展'],
  ['M2:M3', 'M2', '落地地点'],
  ['N2:N3', 'N2', '落地园区'],
  ['O2:O3', 'O2', '联系人'],
  ['P2:P3', 'P2', '联系电话'],
  ['Q2:Q3', 'Q2', '备注'],
];
const SUB_HEADERS: Record<string, string> = {
  B3: '项目名称', C3: '企业名称', D3: '统一社会信用代码', E3: '所属行业',
  F3: '投资额（亿元）', G3: '签约金额（万元）', H3: '到位资金（万元）',
  I3: '签约时间', J3: '开工时间', K3: '投产时间',
};

/** The messy rows, A…Q. Row numbers in comments are the spreadsheet's. */
export function messyRows(overrides: Partial<Record<number, Cell[]>> = {}): Cell[][] {
  const rows: Record<number, Cell[]> = {
    // r4: everything well-formed but in ledger spellings
    4: [1, '智能终端生产基地', '深圳市甲科技有限公司', MESSY_CODES.jia, '大数据电子信息', '5亿元', '3,200万', 1200, '2021.3.15', '2021/6/1', '/', '已开工', '遵义市汇川区', '遵义经济技术开发区', '张三', '13812345678', ''],
    // r5: bare numbers take the header's unit; an explicit unit wins; month-only date; blank and / cells
    5: [2, '新能源电池项目', '深圳乙新能源股份有限公司', '', '先进装备制造', 5, '50000万元', '/', '2021年3月', '', '', '签约', '黔南州都匀市', '', '', '', ''],
    // r6: full-width digits, Excel serial dates (formatted and plain), 2021-03 month
    6: [3, '生物医药产业园', '深圳市丙医药有限公司', MESSY_CODES.bing, '健康医药', '１２．５', '', '800万元', { serial: 44155, format: 'yyyy-mm-dd' }, 44200, '2021-03', '已投产', '贵阳市观山湖区', '贵阳高新区', '李四', '0755-12345678', '分两期建设'],
    // r7: four bad cells: credit code checksum, amount, date, stage
    7: [4, '光伏组件项目', '深圳丁光伏有限公司', badCode(404), '清洁高效电力', '约3亿', '', '', '2021-02-30', '', '', '研究中', '六盘水市', '', '', '', ''],
    // r8: the same project as r4, spelt with a space
    8: [5, '智能终端 生产基地', '深圳市甲科技有限公司', MESSY_CODES.jia, '', '', '', '', '', '', '', '', '', '', '', '', ''],
    // r9: no company name
    9: [6, '数据中心项目', '/', '', '大数据电子信息', 10, '', '', '', '', '', '在谈', '贵安新区', '', '', '', ''],
    // r10: 开工 without a start date (its signed amount comes from the investment)
    10: [7, '铝加工项目', '深圳戊铝业有限公司', '', '基础材料', 2, '', '', '2022-05-10', '', '', '已开工', '毕节市', '', '', '', ''],
    // r11: the company of r4 by its credit code, under another spelling; a second project
    11: [8, '智能终端研发中心', '甲科技（深圳）有限公司', MESSY_CODES.jia, '大数据电子信息', 1.25, '', '', '', '', '', '洽谈中', '遵义', '', '张三', '', ''],
    12: [null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null],
    13: ['合计', '', '', '', '', '20.75', '', 2000, '', '', '', '', '', '', '', '', ''],
  };
  for (const [row, cells] of Object.entries(overrides)) rows[Number(row)] = cells!;
  return Object.entries(rows).sort((a, b) => Number(a[0]) - Number(b[0])).map(([, cells]) => cells);
}

export interface LedgerBookOptions {
  sheetName?: string;
  date1904?: boolean;
  rows?: Cell[][];
}

/** The messy ledger as .xlsx bytes. */
export async function messyLedgerXlsx(options: LedgerBookOptions = {}): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  if (options.date1904) workbook.properties.date1904 = true;
  const sheet = workbook.addWorksheet(options.sheetName ?? '2023年签约项目');
  sheet.mergeCells('A1:Q1');
  sheet.getCell('A1').value = '2023年贵州省驻深圳招商工作队签约项目台账';
  for (const [range, anchor, text] of GROUPS) {
    sheet.mergeCells(range);
    sheet.getCell(anchor).value = text;
  }
  for (const [address, text] of Object.entries(SUB_HEADERS)) sheet.getCell(address).value = text;
  (options.rows ?? messyRows()).forEach((cells, index) => {
    const row = sheet.getRow(4 + index);
    cells.forEach((cell, column) => {
      if (cell === null || cell === '') return;
      const target = row.getCell(column + 1);
      if (typeof cell === 'object') {
        target.value = cell.serial;
        target.numFmt = cell.format;
      } else {
        target.value = cell;
      }
    });
  });
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}

/** A plain one-header-row ledger of `count` generated rows (the benchmark's and the CSV tests'). */
export function generatedLedgerRows(count: number, companies = Math.ceil(count * 0.7)): string[][] {
  const header = ['序号', '企业名称', '统一社会信用代码', '项目名称', '所属行业', '总投资（万元）', '签约时间', '开工时间', '项目进展', '落地市（州）', '落地园区', '到位资金（万元）', '联系人', '联系电话'];
  const industries = ['大数据电子信息', '先进装备制造', '健康医药', '基础材料', '生态特色食品', '新型建材'];
  const cities = ['贵阳市', '遵义市', '六盘水市', '安顺市', '毕节市', '铜仁市', '黔南州'];
  const stages = ['在谈', '已签约', '已开工', '线索'];
  const rows = [header];
  for (let i = 0; i < count; i++) {
    const company = i % companies;
    const stage = stages[i % stages.length]!;
    const signed = stage === '已签约' || stage === '已开工';
    rows.push([
      String(i + 1),
      `深圳市测试${company}号科技有限公司`,
      codeFor(100_000 + company),
      `测试项目${i}号`,
      industries[i % industries.length]!,
      String(1000 + (i % 50) * 100),
      signed ? `2023.${(i % 12) + 1}.${(i % 27) + 1}` : '',
      stage === '已开工' ? `2024年${(i % 12) + 1}月${(i % 27) + 1}日` : '',
      stage,
      cities[i % cities.length]!,
      i % 3 === 0 ? '经济开发区' : '',
      signed ? String(100 + (i % 10) * 10) : '',
      `联系人${company}`,
      `139${String(10_000_000 + company).padStart(8, '0')}`,
    ]);
  }
  return rows;
}

export function csvOf(rows: readonly (readonly string[])[]): string {
  return rows.map((row) => row.map((cell) => (/[",\n]/.test(cell) ? `"${cell.replace(/"/g, '""')}"` : cell)).join(',')).join('\r\n') + '\r\n';
}
