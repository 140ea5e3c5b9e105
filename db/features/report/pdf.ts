import PDFDocument from 'pdfkit';
import type { WeeklyReport } from '../../../shared/contract/report';
import { VISIT_KIND_LABELS } from '../../../shared/domain/reference';
import { STAGE_LABELS } from '../../../shared/domain/stages';
import { chinaDateOf } from '../../../shared/weeklog/iso-week';
import { locateCjkFont, type PdfFont } from './fonts';
import { chineseDate, headerGroups, REPORT_COLUMNS, UNITS_LINE } from './layout';

/**
 * The 周报 as PDF (A4 landscape): the same summary table as the .xlsx — title, period and
 * units, two header rows, members, 合计 — then the notable visits, the stage moves and
 * each member's narrative. A Chinese font from this computer is embedded (fonts.ts).
 */
const PAGE = { width: 841.89, height: 595.28, margin: 36 };
const CELL_PAD = 2;

export function reportPdf(report: WeeklyReport, font: PdfFont = locateCjkFont()): Promise<Buffer> {
  const doc = new PDFDocument({
    size: 'A4',
    layout: 'landscape',
    margin: PAGE.margin,
    info: { Title: `${report.teamName}工作周报 ${report.week}`, Author: report.teamName, Creator: '黔招通', CreationDate: new Date(report.generatedAt) },
  });
  const chunks: Buffer[] = [];
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  doc.registerFont('cjk', font.file, font.face);
  doc.font('cjk');

  doc.fontSize(16).text(`${report.teamName}工作周报`, { align: 'center' });
  doc.moveDown(0.3);
  doc.fontSize(9);
  const periodY = doc.y;
  doc.text(`统计时间：${chineseDate(report.monday)}—${chineseDate(report.sunday)}（${report.label.replace(/（.*$/, '')}）`, PAGE.margin, periodY);
  doc.text(UNITS_LINE, PAGE.margin, periodY, { width: PAGE.width - 2 * PAGE.margin, align: 'right' });
  doc.moveDown(0.5);
  summaryTable(doc, report);
  doc.moveDown(0.5);
  doc.fontSize(8).text(`说明：项目阶段为截至${chineseDate(report.asOf)}的情况；签约金额按签约日期、到位资金按到位日期统计在本周。`, PAGE.margin);
  doc.text(`填报单位：${report.teamName}　　填报人：　　　　审核人：　　　　填报日期：${chineseDate(chinaDateOf(new Date(report.generatedAt)))}`);

  section(doc, '一、本周重点走访');
  if (report.notableVisits.length === 0) doc.fontSize(9).text('本周没有重点走访。');
  report.notableVisits.forEach((visit, index) =>
    doc.fontSize(9).text(`${index + 1}. ${visit.visitDate} ${visit.companyName}（${VISIT_KIND_LABELS[visit.kind] ?? visit.kind}，${visit.memberName}）${visit.summary ? `：${visit.summary}` : ''}${visit.nextStep ? `。下一步：${visit.nextStep}` : ''}`),
  );
  section(doc, '二、本周项目进展');
  if (report.stageMoves.length === 0) doc.fontSize(9).text('本周没有项目阶段变化。');
  report.stageMoves.forEach((move, index) =>
    doc
      .fontSize(9)
      .text(`${index + 1}. ${move.movedOn} ${move.projectName}（${move.companyName}）：${move.fromStage ? STAGE_LABELS[move.fromStage] : ''} → ${STAGE_LABELS[move.toStage]}${move.reason ? `，${move.reason}` : ''}（${move.memberName}）`),
  );
  section(doc, '三、队员工作小结');
  if (report.notes.length === 0) doc.fontSize(9).text('本周还没有队员填写工作小结。');
  for (const note of report.notes) {
    doc.fontSize(10).text(note.memberName, { underline: false });
    for (const [label, text] of [
      ['本周工作小结', note.summary],
      ['下周工作计划', note.nextPlan],
      ['存在问题和建议', note.issues],
    ] as const) {
      doc.fontSize(9).text(`${label}：${text ?? '（未填写）'}`, { indent: 12 });
    }
    doc.moveDown(0.3);
  }
  doc.end();
  return done;
}

function section(doc: PDFKit.PDFDocument, heading: string): void {
  if (doc.y > PAGE.height - PAGE.margin - 60) doc.addPage();
  doc.moveDown(0.8);
  doc.fontSize(11).text(heading, PAGE.margin);
  doc.moveDown(0.2);
}

function summaryTable(doc: PDFKit.PDFDocument, report: WeeklyReport): void {
  const usable = PAGE.width - 2 * PAGE.margin;
  const fixed = [22, 44];
  const weights = REPORT_COLUMNS.map((column) => column.width);
  const scale = (usable - fixed[0]! - fixed[1]!) / weights.reduce((sum, weight) => sum + weight, 0);
  const widths = [...fixed, ...weights.map((weight) => weight * scale)];
  const xs = widths.reduce<number[]>((acc, width, index) => [...acc, (acc[index] ?? PAGE.margin) + width], [PAGE.margin]);
  const rowHeight = 16;
  const headerHeight = 22;
  let y = doc.y;

  const cell = (col: number, span: number, top: number, height: number, text: string, options: { fill?: boolean; align?: 'center' | 'right' | 'left' } = {}): void => {
    const x = xs[col]!;
    const width = xs[col + span]! - x;
    if (options.fill) doc.save().rect(x, top, width, height).fill('#f2f2f2').restore();
    doc.lineWidth(0.5).rect(x, top, width, height).stroke('#000000');
    doc.fillColor('#000000').text(text, x + CELL_PAD, top + (height - doc.currentLineHeight()) / 2, { width: width - 2 * CELL_PAD, align: options.align ?? 'center', lineBreak: false, ellipsis: true });
  };
  const header = (): void => {
    doc.fontSize(7);
    cell(0, 1, y, headerHeight * 2, '序号', { fill: true });
    cell(1, 1, y, headerHeight * 2, '队员', { fill: true });
    for (const run of headerGroups()) {
      if (run.group === null) {
        cell(2 + run.start, 1, y, headerHeight * 2, REPORT_COLUMNS[run.start]!.header, { fill: true });
        continue;
      }
      cell(2 + run.start, run.end - run.start + 1, y, headerHeight, run.group, { fill: true });
      for (let index = run.start; index <= run.end; index++) cell(2 + index, 1, y + headerHeight, headerHeight, REPORT_COLUMNS[index]!.header, { fill: true });
    }
    y += headerHeight * 2;
  };
  const format = (value: number, money: boolean | undefined) => (money ? value.toFixed(4) : String(value));
  header();
  const rows = [
    ...report.members.map((member, index) => ({ label: [String(index + 1), member.name], row: member })),
    { label: ['合计', ''], row: report.total },
  ];
  for (const { label, row } of rows) {
    if (y + rowHeight > PAGE.height - PAGE.margin) {
      doc.addPage();
      y = PAGE.margin;
      header();
    }
    doc.fontSize(7.5);
    if (label[0] === '合计') cell(0, 2, y, rowHeight, '合计');
    else {
      cell(0, 1, y, rowHeight, label[0]!);
      cell(1, 1, y, rowHeight, label[1]!);
    }
    REPORT_COLUMNS.forEach((column, index) => cell(2 + index, 1, y, rowHeight, format(column.value(row), column.money), { align: column.money ? 'right' : 'center' }));
    y += rowHeight;
  }
  doc.x = PAGE.margin;
  doc.y = y + 4;
}
