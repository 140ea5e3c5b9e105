import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { LedgerInspection, LedgerReport } from '../../../shared/contract/ledger';
import { normalizeCompanyName } from '../../../shared/domain/names';
import { createRow } from '../../store/writer';
import { callLedger } from './ledger-call';
import { codeFor, MESSY_CODES, messyLedgerXlsx, messyRows } from './test-fixtures';
import { handlerTest } from './test-support';
import { storeUpload } from './uploads';

let t: ReturnType<typeof handlerTest>;
beforeEach(() => {
  t = handlerTest();
});
afterEach(() => t.dispose());

async function inspect(bytes: Uint8Array, name = '台账.xlsx'): Promise<LedgerInspection> {
  return callLedger(t.ctx, 'ledger.inspect', { uploadId: storeUpload(name, bytes) });
}

function runInput(inspection: LedgerInspection) {
  return {
    uploadId: inspection.uploadId,
    sheet: inspection.sheet,
    header: inspection.header!,
    columns: inspection.columns.filter((column) => column.field !== null).map((column) => ({ column: column.column, field: column.field! })),
    fundsAsOf: '2023-12-31',
  };
}

const byRow = (report: LedgerReport, row: number) => report.rows.find((outcome) => outcome.row === row)!;

function project(name: string) {
  return t.db.prepare('SELECT p.*, c.name AS company_name, c.credit_code FROM project p JOIN company c ON c.id = p.company_id WHERE p.name = ? AND p.deleted = 0').get(name) as Record<string, unknown>;
}

describe('the mapping step', () => {
  it('finds the two-row header under the title and guesses every column from its merged header', async () => {
    const inspection = await inspect(await messyLedgerXlsx());
    expect(inspection.header).toEqual({ first: 1, last: 2 });
    expect(inspection.columns.map((column) => [column.letter, column.title, column.field, column.headerUnit])).toEqual([
      ['A', '序号', null, null],
      ['B', '项目基本情况/项目名称', 'projectName', null],
      ['C', '项目基本情况/企业名称', 'companyName', null],
      ['D', '项目基本情况/统一社会信用代码', 'creditCode', null],
      ['E', '项目基本情况/所属行业', 'industry', null],
      ['F', '投资情况/投资额（亿元）', 'investment', '亿元'],
      ['G', '投资情况/签约金额（万元）', 'signedAmount', '万元'],
      ['H', '投资情况/到位资金（万元）', 'fundsInPlace', '万元'],
      ['I', '时间节点/签约时间', 'signedDate', null],
      ['J', '时间节点/开工时间', 'startDate', null],
      ['K', '时间节点/投产时间', 'productionDate', null],
      ['L', '项目进展', 'stage', null],
      ['M', '落地地点', 'targetLocation', null],
      ['N', '落地园区', 'targetPark', null],
      ['O', '联系人', 'contactName', null],
      ['P', '联系电话', 'contactPhone', null],
      ['Q', '备注', 'notes', null],
    ]);
    expect(inspection.columns[1]!.samples).toEqual(['智能终端生产基地', '新能源电池项目', '生物医药产业园']);
  });

  it('refuses a mapping without the project name, naming the field', async () => {
    const inspection = await inspect(await messyLedgerXlsx());
    const input = runInput(inspection);
    input.columns = input.columns.filter((column) => column.field !== 'projectName');
    await expect(callLedger(t.ctx, 'ledger.preview', input)).rejects.toMatchObject({ code: 'E_LEDGER_MAPPING', message: '请指定“项目名称”所在的列' });
  });
});

describe('preview and import of a messy ledger', () => {
  it('lists every row with its outcome, cell references and reasons, and writes nothing', async () => {
    const inspection = await inspect(await messyLedgerXlsx());
    const before = t.hash();
    const preview = await callLedger(t.ctx, 'ledger.preview', runInput(inspection));
    expect(t.hash()).toBe(before);
    expect(preview.dryRun).toBe(true);
    expect(preview.rows.map((row) => [row.row, row.outcome])).toEqual([
      [4, 'new'], [5, 'new'], [6, 'new'], [7, 'error'], [8, 'duplicate'], [9, 'error'], [10, 'error'], [11, 'new'], [13, 'skipped'],
    ]);
    expect(preview.counts).toMatchObject({ new: 4, update: 0, unchanged: 0, duplicate: 1, error: 3, skipped: 1, rows: 8, companiesCreated: 3, contactsCreated: 2, fundsEntries: 2 });

    expect(byRow(preview, 7).errors.map((error) => [error.cell, error.code])).toEqual([
      ['D7', 'E_USCC_CHECKSUM'],
      ['F7', 'E_AMOUNT_INVALID'],
      ['I7', 'E_LEDGER_DATE_INVALID'],
      ['L7', 'E_LEDGER_STAGE_UNKNOWN'],
    ]);
    expect(byRow(preview, 7).errors[0]!.message).toContain('校验位错误');
    expect(byRow(preview, 7).errors[1]!.message).toContain('约3亿');
    expect(byRow(preview, 7).errors[2]!.message).toContain('2021-02-30');
    expect(byRow(preview, 7).errors[3]!.message).toContain('研究中');
    expect(byRow(preview, 8)).toMatchObject({ duplicateOfRow: 4 });
    expect(byRow(preview, 9).errors).toEqual([{ cell: 'C9', field: 'companyName', code: 'E_LEDGER_REQUIRED', message: '缺少企业名称' }]);
    expect(byRow(preview, 10).errors.map((error) => [error.cell, error.code])).toEqual([['L10', 'E_STAGE_START_REQUIRES_DATE']]);
    expect(byRow(preview, 5).warnings.map((warning) => [warning.cell, warning.code])).toEqual([['I5', 'W_LEDGER_DATE_MONTH']]);
    expect(byRow(preview, 6).warnings.map((warning) => [warning.cell, warning.code])).toEqual([['K6', 'W_LEDGER_DATE_MONTH'], ['F6', 'W_LEDGER_SIGNED_FROM_INVESTMENT']]);
    expect(byRow(preview, 11)).toMatchObject({ company: 'existing', companyId: byRow(preview, 4).companyId });
  });

  it('imports the exact values', async () => {
    const inspection = await inspect(await messyLedgerXlsx());
    const report = await callLedger(t.ctx, 'ledger.import', runInput(inspection));
    expect(report.importId).not.toBeNull();
    expect(report.counts).toMatchObject({ new: 4, error: 3, duplicate: 1 });

    expect(project('智能终端生产基地')).toMatchObject({
      company_name: '深圳市甲科技有限公司', credit_code: MESSY_CODES.jia, industry: '大数据电子信息',
      investment_yuan: 500_000_000, signed_amount_yuan: 32_000_000, signed_date: '2021-03-15', start_date: '2021-06-01', production_date: null,
      stage: 'started', target_city: '遵义市', target_county: '汇川区', target_park: '遵义经济技术开发区', notes: null,
    });
    expect(project('新能源电池项目')).toMatchObject({
      company_name: '深圳乙新能源股份有限公司', credit_code: null, investment_yuan: 500_000_000, signed_amount_yuan: 500_000_000,
      signed_date: '2021-03-01', stage: 'signed', target_city: '黔南布依族苗族自治州', target_county: '都匀市', target_park: null,
    });
    expect(project('生物医药产业园')).toMatchObject({
      credit_code: MESSY_CODES.bing, investment_yuan: 1_250_000_000, signed_amount_yuan: 1_250_000_000,
      signed_date: '2020-11-20', start_date: '2021-01-04', production_date: '2021-03-01', stage: 'producing',
      target_city: '贵阳市', target_county: '观山湖区', target_park: '贵阳高新区', notes: '分两期建设',
    });
    expect(project('智能终端研发中心')).toMatchObject({ company_name: '深圳市甲科技有限公司', investment_yuan: 125_000_000, stage: 'negotiating', target_city: '遵义市' });
    expect(project('光伏组件项目')).toBeUndefined();

    const funds = t.db.prepare('SELECT p.name, f.entry_date, f.amount_yuan FROM funds_entry f JOIN project p ON p.id = f.project_id ORDER BY p.name').all();
    expect(funds).toEqual([
      { name: '智能终端生产基地', entry_date: '2023-12-31', amount_yuan: 12_000_000 },
      { name: '生物医药产业园', entry_date: '2023-12-31', amount_yuan: 8_000_000 },
    ]);
    const contacts = t.db.prepare('SELECT name, mobile, phone FROM contact ORDER BY name').all();
    expect(contacts).toEqual([
      { name: '张三', mobile: '13812345678', phone: null },
      { name: '李四', mobile: null, phone: '0755-12345678' },
    ]);
    const events = t.db.prepare("SELECT p.name, e.from_stage, e.to_stage, e.moved_on, e.reason FROM project_stage_event e JOIN project p ON p.id = e.project_id ORDER BY p.name").all();
    expect(events).toEqual([
      { name: '新能源电池项目', from_stage: null, to_stage: 'signed', moved_on: '2021-03-01', reason: '台账导入' },
      { name: '智能终端生产基地', from_stage: null, to_stage: 'started', moved_on: '2021-06-01', reason: '台账导入' },
      { name: '智能终端研发中心', from_stage: null, to_stage: 'negotiating', moved_on: '2026-11-27', reason: '台账导入' },
      { name: '生物医药产业园', from_stage: null, to_stage: 'producing', moved_on: '2021-03-01', reason: '台账导入' },
    ]);
    // Every write went through the writer: history and outbox entries exist for the new rows.
    expect(t.db.prepare("SELECT count(*) FROM outbox WHERE entity = 'project' AND op = 'create'").pluck().get()).toBe(4);
  });

  it('updates on re-import instead of duplicating, and reports unchanged rows', async () => {
    const first = await inspect(await messyLedgerXlsx());
    await callLedger(t.ctx, 'ledger.import', runInput(first));
    const again = await callLedger(t.ctx, 'ledger.import', runInput(await inspect(await messyLedgerXlsx())));
    expect(again.counts).toMatchObject({ new: 0, update: 0, unchanged: 4, duplicate: 1, error: 3 });
    expect(again.importId).toBeNull();

    const rows = messyRows({
      4: [1, '智能终端生产基地', '深圳市甲科技有限公司', MESSY_CODES.jia, '大数据电子信息', '5亿元', '3,200万', 1500, '2021.3.15', '2021/6/1', '2022-09-30', '已投产', '遵义市汇川区', '遵义经济技术开发区', '张三', '13812345678', ''],
      7: [4, '光伏组件项目', '深圳丁光伏有限公司', '', '清洁高效电力', '3亿', '', '', '', '', '', '在谈', '六盘水市', '', '', '', ''],
    });
    const updated = await callLedger(t.ctx, 'ledger.import', runInput(await inspect(await messyLedgerXlsx({ rows }))));
    expect(byRow(updated, 4).outcome).toBe('update');
    expect(byRow(updated, 4).changes.map((change) => [change.field, change.from, change.to])).toEqual([
      ['productionDate', null, '2022-09-30'],
      ['stage', '开工', '投产'],
      ['fundsInPlace', '1200万元', '1500万元'],
    ]);
    expect(byRow(updated, 7).outcome).toBe('new');
    expect(t.db.prepare('SELECT count(*) FROM project').pluck().get()).toBe(5);
    expect(project('智能终端生产基地')).toMatchObject({ stage: 'producing', production_date: '2022-09-30' });
    expect(t.db.prepare("SELECT sum(amount_yuan) FROM funds_entry f JOIN project p ON p.id = f.project_id WHERE p.name = '智能终端生产基地'").pluck().get()).toBe(15_000_000);
  });

  it('matches existing companies by credit code, then by normalised name, and completes a missing code', async () => {
    const known = createRow(t.db, t.actor, 'company', { name: '深圳乙新能源股份有限公司', name_norm: normalizeCompanyName('深圳乙新能源股份有限公司') });
    const report = await callLedger(t.ctx, 'ledger.preview', runInput(await inspect(await messyLedgerXlsx({
      rows: messyRows({ 5: [2, '新能源电池项目', '乙新能源（深圳）股份有限公司', codeFor5(), '先进装备制造', 5, '50000万元', '/', '2021年3月', '', '', '签约', '黔南州都匀市', '', '', '', ''] }),
    }))));
    expect(byRow(report, 5)).toMatchObject({ outcome: 'new', company: 'update', companyId: known });
    expect(byRow(report, 5).changes.find((change) => change.field === 'creditCode')).toEqual({ field: 'creditCode', label: '统一社会信用代码', from: null, to: codeFor5() });
  });

  it('refuses a row whose code contradicts the company found by its name', async () => {
    createRow(t.db, t.actor, 'company', { name: '深圳乙新能源股份有限公司', name_norm: normalizeCompanyName('深圳乙新能源股份有限公司'), credit_code: MESSY_CODES.bing });
    const report = await callLedger(t.ctx, 'ledger.preview', runInput(await inspect(await messyLedgerXlsx({
      rows: messyRows({ 5: [2, '新能源电池项目', '深圳乙新能源股份有限公司', codeFor5(), '先进装备制造', 5, '', '', '', '', '', '在谈', '', '', '', '', ''] }),
    }))));
    expect(byRow(report, 5).outcome).toBe('error');
    expect(byRow(report, 5).errors[0]).toMatchObject({ cell: 'D5', code: 'E_LEDGER_COMPANY_CONFLICT' });
  });
});

function codeFor5(): string {
  return codeFor(555);
}
