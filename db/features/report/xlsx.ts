import ExcelJS from 'exceljs';
import type { WeeklyReport } from '../../../shared/contract/report';
import { INTENT_LEVEL_LABELS, VISIT_KIND_LABELS } from '../../../shared/domain/reference';
import { STAGE_LABELS } from '../../../shared/domain/stages';
import { chinaDateOf } from '../../../shared/weeklog/iso-week';
import { chineseDate, headerGroups, REPORT_COLUMNS, UNITS_LINE } from './layout';

/**
 * The 周报 as .xlsx in the layout government offices use: a title across the table, the
 * period on the left and the units on the right, two header rows with merged group
 * headers, one row per member, a 合计 row (SUM formulas with their values cached, so a
 * viewer that does not recalculate shows the figures too), and a signature line.
 * Printed landscape on A4, one page wide, header rows repeated. 宋体 body, 黑体 title.
 * Other sheets: 重点走访, 项目进展, 工作小结.
 */
const BODY_FONT = { name: '宋体', size: 10 };
const HEADER_FONT = { name: '黑体', size: 10 };
const THIN = { style: 'thin' as const };
const BORDER = { top: THIN, left: THIN, bottom: THIN, right: THIN };
const CENTER = { horizontal: 'center' as const, vertical: 'middle' as const, wrapText: true };
const MONEY_FORMAT = '0.0000';

export async function reportXlsx(report: WeeklyReport): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = '黔招通';
  workbook.created = new Date(report.generatedAt);
  workbook.modified = new Date(report.generatedAt);
  summarySheet(workbook, report);
  visitsSheet(workbook, report);
  movesSheet(workbook, report);
  notesSheet(workbook, report);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

function sheet(workbook: ExcelJS.Workbook, name: string, printTitles: string): ExcelJS.Worksheet {
  return workbook.addWorksheet(name, {
    pageSetup: {
      paperSize: 9,
      orientation: 'landscape',
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
      horizontalCentered: true,
      printTitlesRow: printTitles,
      margins: { left: 0.4, right: 0.4, top: 0.6, bottom: 0.6, header: 0.3, footer: 0.3 },
    },
    headerFooter: { oddFooter: '第 &P 页，共 &N 页' },
  });
}

function title(ws: ExcelJS.Worksheet, lastColumn: number, text: string, period: string, units: string | null): void {
  ws.mergeCells(1, 1, 1, lastColumn);
  const head = ws.getCell(1, 1);
  head.value = text;
  head.font = { name: '黑体', size: 16, bold: true };
  head.alignment = { horizontal: 'center', vertical: 'middle' };
  ws.getRow(1).height = 30;
  const split = units ? Math.max(2, Math.floor(lastColumn / 2)) : lastColumn;
  ws.mergeCells(2, 1, 2, split);
  Object.assign(ws.getCell(2, 1), { value: period, font: BODY_FONT, alignment: { horizontal: 'left', vertical: 'middle' } });
  if (units) {
    ws.mergeCells(2, split + 1, 2, lastColumn);
    Object.assign(ws.getCell(2, split + 1), { value: units, font: BODY_FONT, alignment: { horizontal: 'right', vertical: 'middle' } });
  }
}

function styleHeader(cell: ExcelJS.Cell, value: string): void {
  cell.value = value;
  cell.font = HEADER_FONT;
  cell.alignment = CENTER;
  cell.border = BORDER;
  cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFF2F2F2' } };
}

function styleBody(cell: ExcelJS.Cell, value: ExcelJS.CellValue, options: { money?: boolean; left?: boolean } = {}): void {
  cell.value = value;
  cell.font = BODY_FONT;
  cell.border = BORDER;
  cell.alignment = options.left ? { horizontal: 'left', vertical: 'top', wrapText: true } : CENTER;
  if (options.money) cell.numFmt = MONEY_FORMAT;
}

function summarySheet(workbook: ExcelJS.Workbook, report: WeeklyReport): void {
  const ws = sheet(workbook, '周报汇总', '3:4');
  const first = 3; // columns A and B: 序号, 队员
  const last = first + REPORT_COLUMNS.length - 1;
  title(ws, last, `${report.teamName}工作周报`, `统计时间：${chineseDate(report.monday)}—${chineseDate(report.sunday)}（${report.label.replace(/（.*$/, '')}）`, UNITS_LINE);

  for (const [column, text] of [
    [1, '序号'],
    [2, '队员'],
  ] as const) {
    ws.mergeCells(3, column, 4, column);
    styleHeader(ws.getCell(3, column), text);
  }
  for (const run of headerGroups()) {
    const from = first + run.start;
    const to = first + run.end;
    if (run.group === null) {
      ws.mergeCells(3, from, 4, from);
      styleHeader(ws.getCell(3, from), REPORT_COLUMNS[run.start]!.header);
      continue;
    }
    if (to > from) ws.mergeCells(3, from, 3, to);
    styleHeader(ws.getCell(3, from), run.group);
    for (let index = run.start; index <= run.end; index++) styleHeader(ws.getCell(4, first + index), REPORT_COLUMNS[index]!.header);
  }
  ws.getRow(3).height = 22;
  ws.getRow(4).height = 30;

  const firstDataRow = 5;
  report.members.forEach((member, index) => {
    const rowNumber = firstDataRow + index;
    styleBody(ws.getCell(rowNumber, 1), index + 1);
    styleBody(ws.getCell(rowNumber, 2), member.name);
    REPORT_COLUMNS.forEach((column, offset) => styleBody(ws.getCell(rowNumber, first + offset), column.value(member), { money: column.money ?? false }));
  });
  const totalRow = firstDataRow + report.members.length;
  ws.mergeCells(totalRow, 1, totalRow, 2);
  styleBody(ws.getCell(totalRow, 1), '合计');
  ws.getCell(totalRow, 1).font = { ...HEADER_FONT, bold: true };
  REPORT_COLUMNS.forEach((column, offset) => {
    const letter = ws.getColumn(first + offset).letter;
    const value = column.value(report.total);
    const cell = ws.getCell(totalRow, first + offset);
    styleBody(cell, report.members.length > 0 ? { formula: `SUM(${letter}${firstDataRow}:${letter}${totalRow - 1})`, result: value } : value, { money: column.money ?? false });
    cell.font = { ...BODY_FONT, bold: true };
  });

  ws.getColumn(1).width = 5;
  ws.getColumn(2).width = 10;
  REPORT_COLUMNS.forEach((column, offset) => (ws.getColumn(first + offset).width = column.width));
  const noteRow = totalRow + 1;
  ws.mergeCells(noteRow, 1, noteRow, last);
  Object.assign(ws.getCell(noteRow, 1), {
    value: `说明：项目阶段为截至${chineseDate(report.asOf)}的情况；签约金额按签约日期、到位资金按到位日期统计在本周；逾期未完成指截至${chineseDate(report.asOf)}已过截止日期仍未完成的待办。`,
    font: { name: '宋体', size: 9 },
    alignment: { horizontal: 'left', vertical: 'top', wrapText: true },
  });
  ws.getRow(noteRow).height = 28;
  const signRow = noteRow + 1;
  ws.mergeCells(signRow, 1, signRow, last);
  Object.assign(ws.getCell(signRow, 1), {
    value: `填报单位：${report.teamName}　　　填报人：　　　　　　审核人：　　　　　　填报日期：${chineseDate(chinaDateOf(new Date(report.generatedAt)))}`,
    font: BODY_FONT,
    alignment: { horizontal: 'left', vertical: 'middle' },
  });
  ws.views = [{ state: 'frozen', xSplit: 2, ySplit: 4 }];
}

function listSheet(workbook: ExcelJS.Workbook, name: string, report: WeeklyReport, heading: string, columns: readonly { header: string; width: number; left?: boolean }[], rows: readonly (string | number | null)[][], empty: string): void {
  const ws = sheet(workbook, name, '3:3');
  title(ws, columns.length, `${report.teamName}${heading}`, `统计时间：${chineseDate(report.monday)}—${chineseDate(report.sunday)}`, null);
  columns.forEach((column, index) => {
    styleHeader(ws.getCell(3, index + 1), column.header);
    ws.getColumn(index + 1).width = column.width;
  });
  if (rows.length === 0) {
    ws.mergeCells(4, 1, 4, columns.length);
    styleBody(ws.getCell(4, 1), empty);
  }
  rows.forEach((values, rowIndex) => values.forEach((value, index) => styleBody(ws.getCell(4 + rowIndex, index + 1), value ?? '', { left: columns[index]!.left ?? false })));
}

function visitsSheet(workbook: ExcelJS.Workbook, report: WeeklyReport): void {
  listSheet(
    workbook,
    '重点走访',
    report,
    '本周重点走访',
    [
      { header: '序号', width: 5 },
      { header: '日期', width: 11 },
      { header: '企业', width: 28, left: true },
      { header: '方式', width: 10 },
      { header: '意向', width: 6 },
      { header: '走访内容', width: 40, left: true },
      { header: '下一步工作', width: 24, left: true },
      { header: '队员', width: 9 },
    ],
    report.notableVisits.map((visit, index) => [
      index + 1,
      visit.visitDate,
      visit.companyName,
      VISIT_KIND_LABELS[visit.kind] ?? visit.kind,
      visit.intent ? (INTENT_LEVEL_LABELS[visit.intent as keyof typeof INTENT_LEVEL_LABELS] ?? visit.intent) : '',
      visit.summary,
      visit.nextStep,
      visit.memberName,
    ]),
    '本周没有重点走访',
  );
}

function movesSheet(workbook: ExcelJS.Workbook, report: WeeklyReport): void {
  listSheet(
    workbook,
    '项目进展',
    report,
    '本周项目进展',
    [
      { header: '序号', width: 5 },
      { header: '日期', width: 11 },
      { header: '项目', width: 26, left: true },
      { header: '企业', width: 26, left: true },
      { header: '原阶段', width: 8 },
      { header: '新阶段', width: 8 },
      { header: '说明', width: 24, left: true },
      { header: '队员', width: 9 },
    ],
    report.stageMoves.map((move, index) => [
      index + 1,
      move.movedOn,
      move.projectName,
      move.companyName,
      move.fromStage ? STAGE_LABELS[move.fromStage] : '',
      STAGE_LABELS[move.toStage],
      move.reason,
      move.memberName,
    ]),
    '本周没有项目阶段变化',
  );
}

function notesSheet(workbook: ExcelJS.Workbook, report: WeeklyReport): void {
  listSheet(
    workbook,
    '工作小结',
    report,
    '队员工作小结',
    [
      { header: '队员', width: 9 },
      { header: '本周工作小结', width: 45, left: true },
      { header: '下周工作计划', width: 40, left: true },
      { header: '存在问题和建议', width: 35, left: true },
    ],
    report.notes.map((note) => [note.memberName, note.summary, note.nextPlan, note.issues]),
    '本周还没有队员填写工作小结',
  );
}
