import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exportContract } from '../../../shared/contract/export';
import { seedCockpitFixture, TEAM_1 } from '../cockpit/test-fixture';
import { callLedger } from '../ledger/ledger-call';
import { handlerTest } from '../ledger/test-support';
import { storeUpload } from '../ledger/uploads';
import { exportHandlers } from './handlers';
import { libreOfficeAvailable, readBackWithLibreOffice } from './libreoffice';

const office = libreOfficeAvailable();
let t: ReturnType<typeof handlerTest>;

beforeAll(() => {
  t = handlerTest();
  seedCockpitFixture(t.db, t.actor);
  t.db.prepare("UPDATE project SET investment_yuan = 123456789, expected_jobs = 300, agreement_no = 'GZ-2025-001', notes = '含, 逗号' WHERE name = '项目P1'").run();
});
afterAll(() => t.dispose());

async function exportFile<M extends keyof typeof exportContract>(method: M, input: unknown) {
  const parsed = exportContract[method].input.parse(input);
  const file = await (exportHandlers[method] as (input: unknown, ctx: typeof t.ctx) => Promise<{ fileName: string; contentBase64: string; rows: number }>)(parsed, t.ctx);
  return { ...file, bytes: new Uint8Array(Buffer.from(file.contentBase64, 'base64')) };
}

describe.skipIf(!office)('exports read back by LibreOffice', { timeout: 180_000 }, () => {
  it('writes the project ledger: one sheet per stage, units in headers, a totals row', async () => {
    const file = await exportFile('export.ledger', { asOf: '2025-12-31' });
    expect(file.fileName).toMatch(/^项目台账_\d{8}-\d{4}\.xlsx$/);
    expect(file.rows).toBe(9);
    const sheets = readBackWithLibreOffice(file.bytes, 'ledger');
    expect([...sheets.keys()].sort()).toEqual(['在谈', '开工', '投产', '搁置', '签约', '线索', '终止'].sort());

    const started = sheets.get('开工')!;
    expect(started[0]![0]).toBe('项目台账（开工）  到位资金截至 2025-12-31');
    expect(started[1]).toEqual([
      '序号', '项目名称', '企业名称', '统一社会信用代码', '所属行业', '落地市（州）', '落地县（区）', '落地园区', '计划总投资（万元）', '签约金额（万元）',
      '到位资金（万元）', '资金到位率', '签约时间', '计划开工时间', '开工时间', '计划投产时间', '投产时间', '项目进展', '协议编号', '预计就业（人）',
      '预计年产值（万元）', '联系人', '联系电话', '负责人', '备注',
    ]);
    const [p2, p4, total] = started.slice(2);
    expect(p2!.slice(0, 18)).toEqual(['1', '项目P2', '深圳甲科技有限公司', '', '大数据电子信息', '遵义市', '汇川区', '', '', '5,000.00', '1,000.00', '20.0%', '2025-03-05', '', '2025-06-15', '', '', '开工']);
    expect(p4!.slice(0, 3)).toEqual(['2', '项目P4', '深圳乙医药有限公司']);
    expect(p4![14]).toBe('2026-01-10');
    expect(total!.slice(0, 12)).toEqual(['合计', '2 个项目', '', '', '', '', '', '', '0.00', '8,000.00', '1,000.00', '']);

    const producing = sheets.get('投产')!;
    expect(producing[2]!.slice(1, 12)).toEqual(['项目P1', '深圳甲科技有限公司', '', '大数据电子信息', '贵阳市', '观山湖区', '高新区', '12,345.6789', '10,000.00', '5,000.00', '50.0%']);
    expect(producing[2]!.slice(18, 25)).toEqual(['GZ-2025-001', '300', '', '', '', '本机用户', '含, 逗号']);
    expect(producing[3]!.slice(0, 2)).toEqual(['合计', '1 个项目']);
    expect(sheets.get('终止')!.slice(2).map((row) => row[1])).toEqual(['项目P6', '1 个项目']);
  });

  it('re-imports its own ledger unchanged through the ledger importer', async () => {
    const file = await exportFile('export.ledger', {});
    const uploadId = storeUpload(file.fileName, file.bytes);
    for (const sheet of ['开工', '投产', '签约']) {
      const inspection = await callLedger(t.ctx, 'ledger.inspect', { uploadId, sheet });
      expect(inspection.header).toEqual({ first: 1, last: 1 });
      const columns = inspection.columns.filter((column) => column.field !== null).map((column) => ({ column: column.column, field: column.field! }));
      const preview = await callLedger(t.ctx, 'ledger.preview', { uploadId, sheet, header: inspection.header!, columns });
      expect(preview.rows.filter((row) => row.outcome !== 'unchanged' && row.outcome !== 'skipped').map((row) => [row.row, row.outcome, row.errors, row.warnings, row.changes])).toEqual([]);
    }
  });

  it('exports a list with its filters and visible columns', async () => {
    const file = await exportFile('export.list', {
      list: 'projects',
      title: '项目列表',
      query: { industry: '大数据电子信息', sort: 'name', order: 'asc', limit: 5, offset: 40 },
      columns: [
        { key: 'name', title: '项目名称' },
        { key: 'companyName', title: '企业' },
        { key: 'stage', title: '阶段' },
        { key: 'signedAmountYuan', title: '签约金额' },
        { key: 'fundsInPlaceYuan', title: '到位资金' },
        { key: 'signedDate', title: '签约日期' },
      ],
    });
    expect(file.rows).toBe(2);
    const sheet = readBackWithLibreOffice(file.bytes, 'list').get('项目列表')!;
    expect(sheet[0]![0]).toMatch(/^项目列表（导出于 .+，共 2 条）$/);
    expect(sheet.slice(1)).toEqual([
      ['项目名称', '企业', '阶段', '签约金额（万元）', '到位资金（万元）', '签约日期'],
      ['项目P1', '深圳甲科技有限公司', '投产', '10,000.00', '5,000.00', '2025-02-10'],
      ['项目P2', '深圳甲科技有限公司', '开工', '5,000.00', '1,500.00', '2025-03-05'],
    ]);
  });

  it('refuses a query the list does not accept, in Chinese', async () => {
    await expect(exportFile('export.list', { list: 'projects', title: '项目', query: { stage: 'nonsense' }, columns: [{ key: 'name', title: '名称' }] })).rejects.toMatchObject({ code: 'E_VALIDATION' });
  });
});

it('filters the ledger by team', async () => {
  const file = await exportFile('export.ledger', { teamId: TEAM_1 });
  expect(file.rows).toBe(5);
});
